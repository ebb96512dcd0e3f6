/**
 * The running clock of the current step against its norm: calm while there is time, amber in
 * the last quarter, red past the norm. The norm runs on the branch's working hours, as the core
 * measures it, so the screen never calls a step late that the record will call on time.
 */
import type { Step } from '../../shared/regulation';
import { useLocale, useT } from '../i18n/localeStore';
import { formatDuration, formatMoment } from '../ui/format';
import { formatNorm, normSeconds, timerTone, type CaseStep } from './steps';
import { useNow } from '../ui/useNow';

export function StepTimer({ record, step }: { record: CaseStep; step: Step }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const now = useNow();
  const started = Date.parse(record.startedAt);
  const due = record.normDueAt ? Date.parse(record.normDueAt) : null;
  const { tone, fraction } = timerTone(now, started, due);
  const clockNorm = normSeconds(step.norm);
  let state: string;
  if (due === null) state = t('timer.noNorm');
  else if (tone === 'over') state = t('timer.over', { by: formatDuration(now - due) });
  else if (clockNorm === null) state = t('timer.dueDays', { at: formatMoment(t, new Date(due), new Date(now)) });
  else if (due - now > clockNorm * 1000 + 1000) {
    // A minute norm that waits for the branch to open: say when it runs out.
    state = t('timer.due', { at: formatMoment(t, new Date(due), new Date(now)) });
  } else state = t(tone === 'near' ? 'timer.near' : 'timer.left', { left: formatDuration(due - now) });
  return (
    <div className={`timer timer--${tone}`} data-testid="step-timer" data-tone={tone}>
      <div className="timer-top">
        <span className="timer-clock" role="timer" aria-label={t('timer.label')}>
          {formatDuration(now - started)}
        </span>
        {step.norm && <span className="timer-norm">{t('timer.norm', { norm: formatNorm(t, locale, step.norm) })}</span>}
      </div>
      {due !== null && <progress className="timer-bar" max={1} value={Math.min(1, fraction)} aria-hidden="true" />}
      <span className="timer-state">{state}</span>
    </div>
  );
}
