/**
 * The trainee's line under the header while their run is not on screen: who is waiting and with
 * which ticket, and the way to the queue or back to the case — so the walk-in is read before the
 * call, and the score is one click away at the end.
 */
import { useStatus } from '../app/statusStore';
import { useCases } from '../cases/casesStore';
import { useNav } from '../frame/navStore';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { useMyRun } from './myRunStore';
import { useMyRunLive } from './useTrainingLive';
import { WalkInCard } from './WalkInCard';
import './training.css';
import './trainee.css';

export function TraineeNotice({ onOpenCase }: { onOpenCase: ((caseId: number) => void) | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const training = useStatus((s) => s.status?.training ?? false);
  useMyRunLive(training);
  const run = useMyRun((s) => s.run);
  const section = useNav((s) => s.section);
  const go = useNav((s) => s.go);
  const screen = useCases((s) => s.screen);
  if (!training || !run || run.state === 'stopped') return null;
  const onCase = section === 'cases' && screen.kind === 'case' && screen.caseId === run.caseId;
  if (onCase) return null;
  const caseId = run.caseId;
  return (
    <div className="trainee-notice" role="status" data-testid="trainee-notice" data-state={run.state}>
      <div className="trainee-notice-text">
        <p className="trainee-notice-title">
          {t('training.trainee.kicker')}: {run.scenario.title[locale]}
        </p>
        {run.state === 'finished' ? (
          <p>{t('training.trainee.finished')}</p>
        ) : caseId === null ? (
          <>
            <p>{run.ticketNumber ? t('training.trainee.waitingTicket', { number: run.ticketNumber }) : t('training.trainee.waiting')}</p>
            <WalkInCard walkIn={run.walkIn} />
          </>
        ) : (
          <p>{t('training.trainee.inProgress', { number: run.caseNumber ?? '' })}</p>
        )}
      </div>
      <div className="trainee-notice-actions">
        {caseId !== null && onOpenCase ? (
          <Button variant="primary" onClick={() => onOpenCase(caseId)}>
            {t('training.trainee.openCase')}
          </Button>
        ) : (
          section !== 'queue' && (
            <Button variant="primary" onClick={() => go('queue')}>
              {t('training.trainee.toQueue')}
            </Button>
          )
        )}
      </div>
    </div>
  );
}
