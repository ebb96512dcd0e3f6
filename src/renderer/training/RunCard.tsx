/**
 * One trainee's run on the trainer's screen, live: the walk-in, the ticket and the case, each step
 * of the expected path as it goes, and the score once the trainee has finished.
 */
import { useState } from 'react';
import type { TrainingRun } from '../../shared/training/scenario';
import { attempt } from '../client/problem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatMoment } from '../ui/format';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { RunSteps } from './RunSteps';
import { useTrainingRuns } from './runsStore';
import { ScoreCard } from './ScoreCard';
import { WalkInCard } from './WalkInCard';

const STATE_BADGE = { waiting: 'badge--info', inProgress: 'badge--warn', finished: 'badge--done', stopped: 'badge--muted' } as const;

export function RunCard({ run }: { run: TrainingRun }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const stop = useTrainingRuns((s) => s.stop);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useProblem();
  const active = run.state === 'waiting' || run.state === 'inProgress';

  async function stopRun() {
    setBusy(true);
    setProblem(await attempt(() => stop(run.id)));
    setBusy(false);
  }

  return (
    <article className="run card" data-testid="run" data-run={run.id} data-state={run.state} aria-labelledby={`run-${run.id}-title`}>
      <header className="run-header">
        <div>
          <p className="run-kicker">
            <span className={`badge ${STATE_BADGE[run.state]}`}>{t(`training.run.${run.state}`)}</span>
            <span className="muted small">{t('training.run.startedAt', { at: formatMoment(t, run.startedAt) })}</span>
          </p>
          <h3 className="run-title" id={`run-${run.id}-title`}>
            {run.trainee.fullName} <span className="mono muted small">{run.trainee.login}</span>
          </h3>
          <p className="run-scenario">{run.scenario.title[locale]}</p>
        </div>
        {active && (
          <Button variant="danger" busy={busy} onClick={() => void stopRun()}>
            {t('training.run.stop')}
          </Button>
        )}
      </header>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      {/* The score first: it is what the trainer looks for when a run is over. */}
      {run.score && <ScoreCard score={run.score} regulationId={run.scenario.regulationId} />}
      <dl className="facts facts--compact run-facts">
        <dt>{t('training.run.window')}</dt>
        <dd>{run.window ?? '—'}</dd>
        <dt>{t('training.run.ticket')}</dt>
        <dd className="mono" data-testid="run-ticket">
          {run.ticketNumber ?? '—'}
        </dd>
        <dt>{t('training.run.case')}</dt>
        <dd className="mono" data-testid="run-case">
          {run.caseNumber ?? t('training.run.noCase')}
        </dd>
      </dl>
      <div className="run-body">
        <div className="run-walk-in">
          <h4 className="subsection-title">{t('training.walkIn.title')}</h4>
          <WalkInCard walkIn={run.walkIn} />
        </div>
        <div className="run-progress">
          <h4 className="subsection-title">{t('training.run.steps')}</h4>
          <RunSteps steps={run.steps} regulationId={run.scenario.regulationId} testId="run-steps" />
        </div>
      </div>
    </article>
  );
}
