/**
 * The act's counter flow down the left of the case: every step as the act numbers it, who does
 * it, its norm, what became of it. Each line opens the act's own words for that step.
 */
import type { CaseView } from '../../shared/cases';
import type { Channel } from '../../shared/regulation';
import { useLocale, useT } from '../i18n/localeStore';
import { formatDuration } from '../ui/format';
import { StepTimer } from './StepTimer';
import { actorName, asLine, formatNorm, stepLabel, stepRows, type StepRow } from './steps';

function StepMeta({ row }: { row: StepRow }) {
  const t = useT();
  const { record, state, step } = row;
  if (state === 'skipped') return <span className="step-meta step-meta--skipped">{t('step.skipped')}</span>;
  if (state !== 'done' || !record?.endedAt) return null;
  const took = Date.parse(record.endedAt) - Date.parse(record.startedAt);
  return (
    <span className="step-meta">
      <span className="step-took">{t('step.took', { duration: formatDuration(took) })}</span>
      {step.kind === 'condition' && record.outcome && (
        <span className={`tag ${record.outcome === 'yes' ? 'tag--ok' : 'tag--danger'}`}>{t(record.outcome === 'yes' ? 'step.answer.yes' : 'step.answer.no')}</span>
      )}
      {record.breached && <span className="tag tag--danger">{t('step.breached')}</span>}
    </span>
  );
}

export function StepList({ channel, view, onShowAct }: { channel: Channel; view: CaseView; onShowAct(stepId: string): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const rows = stepRows(channel, view);
  return (
    <nav className="steps" aria-label={t('steps.label')} data-testid="step-list">
      <p className="steps-title">{t('steps.title')}</p>
      <ol className="steps-list">
        {rows.map((row) => (
          <li
            key={row.step.id}
            className={`step step--${row.state}${row.record?.breached ? ' step--breached' : ''}`}
            data-step={row.step.id}
            data-state={row.state}
            aria-current={row.state === 'current' ? 'step' : undefined}
          >
            <button type="button" className="step-button" onClick={() => onShowAct(row.step.id)} title={t('steps.showAct')}>
              <span className="step-marker" aria-hidden="true" />
              <span className="step-body">
                <span className="step-head">
                  <span className="step-label">{stepLabel(t, row.step)}</span>
                  {row.step.norm && <span className="step-norm">{formatNorm(t, locale, row.step.norm)}</span>}
                </span>
                <span className="step-actor">{actorName(t, row.step, channel)}</span>
                <span className="step-title">{asLine(row.step.title[locale])}</span>
                <StepMeta row={row} />
              </span>
            </button>
            {row.state === 'current' && row.record && <StepTimer record={row.record} step={row.step} />}
          </li>
        ))}
      </ol>
    </nav>
  );
}
