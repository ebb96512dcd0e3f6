/**
 * A run's steps as the scenario expects them: the act's step title, what became of it (pending,
 * current, right, wrong, skipped) and the time it took against the act's norm. The trainer sees
 * the list as it is; the trainee also gets the hint and the act's own words beside each step,
 * open at the current one.
 */
import type { RunStep } from '../../shared/training/scenario';
import { asLine, formatNorm } from '../cases/steps';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatDuration } from '../ui/format';
import { ActWords } from './ActWords';
import { useStepLabel } from './useStepLabel';

function StepTime({ step }: { step: RunStep }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const norm = step.norm ? formatNorm(t, locale, step.norm) : null;
  if (step.actualSeconds === null) {
    return norm ? <span className="run-step-time muted">{t('training.step.norm', { norm })}</span> : null;
  }
  const took = formatDuration(step.actualSeconds * 1000);
  return (
    <span className="run-step-time">
      {norm ? t('training.step.tookOfNorm', { took, norm }) : t('training.step.took', { took })}
      {step.withinNorm === true && <span className="tag tag--ok">{t('training.step.withinNorm')}</span>}
      {step.withinNorm === false && <span className="tag tag--danger">{t('training.step.overNorm')}</span>}
    </span>
  );
}

/** The trainer's advice for the step and the act's own words for it, with the way to the act's whole text. */
export function StepGuidance({ step, onShowAct }: { step: RunStep; onShowAct?: ((stepId: string) => void) | undefined }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <div className="run-step-guidance">
      <p className="run-step-hint">
        <span className="run-step-hint-label">{t('training.step.hint')}</span> {step.hint[locale]}
      </p>
      <ActWords act={step.act} />
      {onShowAct && (
        <Button variant="quiet" onClick={() => onShowAct(step.step)}>
          {t('act.open')}
        </Button>
      )}
    </div>
  );
}

interface RunStepsProps {
  steps: RunStep[];
  /** The scenario's act: its steps give each line the act's numbering ("process 3", "condition 1"). */
  regulationId: string;
  /** The trainee's list: hints and the act's words beside the steps. */
  withHints?: boolean;
  /** The current step's hint open in the list (off where the panel shows it above the list). */
  currentOpen?: boolean;
  /** Opens the act's full text for a step (the trainee's case screen has the regulation). */
  onShowAct?: ((stepId: string) => void) | undefined;
  testId?: string;
}

export function RunSteps({ steps, regulationId, withHints = false, currentOpen = true, onShowAct, testId }: RunStepsProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const labelOf = useStepLabel(regulationId);
  return (
    <ol className="run-steps" data-testid={testId}>
      {steps.map((step, index) => {
        const guidance = withHints && <StepGuidance step={step} onShowAct={onShowAct} />;
        const label = labelOf(step.step);
        const title = asLine(step.title[locale]);
        return (
          <li
            key={step.step}
            className={`run-step run-step--${step.state}`}
            data-step={step.step}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span className="run-step-marker" aria-hidden="true">
              {index + 1}
            </span>
            <div className="run-step-body">
              <div className="run-step-head">
                <span className="run-step-name">
                  {label && <span className="run-step-label">{label}</span>}
                  <span className="run-step-title" title={title}>
                    {title}
                  </span>
                </span>
                <span className={`run-step-state run-step-state--${step.state}`}>{t(`training.state.${step.state}`)}</span>
              </div>
              <StepTime step={step} />
              {guidance &&
                (step.state === 'current' && currentOpen ? (
                  guidance
                ) : (
                  <details className="run-step-more">
                    <summary>{t('training.step.showHint')}</summary>
                    {guidance}
                  </details>
                ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
