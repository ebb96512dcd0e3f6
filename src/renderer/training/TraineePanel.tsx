/**
 * Beside the case, in training mode, for the trainee walking a run: who walked in and what they
 * say and bring, the expected steps with the hint and the act's own words beside each (the current
 * one open and highlighted), and the score card once the run is over. It sits in its own column
 * and never covers the case screen's controls.
 */
import type { TrainingRun } from '../../shared/training/scenario';
import { asLine } from '../cases/steps';
import { useLocale, useT } from '../i18n/localeStore';
import { RunSteps, StepGuidance } from './RunSteps';
import { ScoreCard } from './ScoreCard';
import { useStepLabel } from './useStepLabel';
import { WalkInCard } from './WalkInCard';
import './training.css';
import './trainee.css';

export function TraineePanel({ run, onShowAct }: { run: TrainingRun; onShowAct(stepId: string): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const handingOver = run.steps[0]?.state !== 'right' && run.steps[0]?.state !== 'wrong';
  const labelOf = useStepLabel(run.scenario.regulationId);
  const now = run.steps.find((step) => step.state === 'current');
  return (
    <aside className="trainee-panel" aria-labelledby="trainee-panel-title" data-testid="trainee-panel" data-run={run.id} data-state={run.state}>
      <p className="panel-kicker trainee-kicker">{t('training.trainee.kicker')}</p>
      <h2 className="trainee-title" id="trainee-panel-title">
        {run.scenario.title[locale]}
      </h2>
      {run.score && <ScoreCard score={run.score} regulationId={run.scenario.regulationId} testId="trainee-score" />}
      {run.state === 'stopped' && <p className="notice notice--info">{t('training.trainee.stopped')}</p>}
      {/* Open while the papers are being handed over; afterwards one click away. */}
      <details className="trainee-walk-in" open={run.state !== 'finished' && handingOver}>
        <summary className="trainee-section-title">{t('training.walkIn.title')}</summary>
        <WalkInCard walkIn={run.walkIn} />
      </details>
      {/* What to do now, at the top where the eye goes first; the whole path follows below. */}
      {now && (
        <section className="trainee-now" data-testid="trainee-now" data-step={now.step} aria-labelledby="trainee-now-title">
          <h3 className="trainee-now-title" id="trainee-now-title">
            {t('training.trainee.now', { step: labelOf(now.step) ?? asLine(now.title[locale]) })}
          </h3>
          <StepGuidance step={now} onShowAct={onShowAct} />
        </section>
      )}
      <h3 className="trainee-section-title">{t('training.trainee.steps')}</h3>
      <RunSteps steps={run.steps} regulationId={run.scenario.regulationId} withHints currentOpen={false} onShowAct={onShowAct} testId="trainee-steps" />
    </aside>
  );
}
