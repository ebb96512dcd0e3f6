/**
 * The report's period: a day, a week (Monday to Sunday), a month, or a range typed as the
 * catalogues type dates (dd.mm.yyyy); back and forth by the period's own length.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { MAX_REPORT_DAYS, PERIODS, type ReportPeriod } from '../../shared/reports/report';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { daysBetween, dotted, isoDay, parseDotted, spanOf, spanText, type Span } from './period';

function RangeForm({ span, onChange }: { span: Span; onChange(span: Span): void }) {
  const t = useT();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(dotted(span.from));
  const [to, setTo] = useState(dotted(span.to));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFrom(dotted(span.from));
    setTo(dotted(span.to));
  }, [span.from, span.to]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const a = parseDotted(from);
    const b = parseDotted(to);
    if (!a || !b) return setError(t('reason.date.format'));
    if (b < a) return setError(t('reports.period.reversed'));
    if (daysBetween(a, b) >= MAX_REPORT_DAYS) return setError(t('reports.period.tooLong'));
    setError(null);
    onChange({ period: 'range', from: a, to: b });
  }

  return (
    <form className={`report-range${error ? ' field--invalid' : ''}`} onSubmit={submit} noValidate data-testid="report-range">
      <label className="field-label" htmlFor={fromId}>
        {t('reports.period.from')}
      </label>
      <input id={fromId} className="input report-date" name="from" value={from} inputMode="numeric" autoComplete="off" maxLength={10} onChange={(e) => setFrom(e.target.value)} />
      <label className="field-label" htmlFor={toId}>
        {t('reports.period.to')}
      </label>
      <input id={toId} className="input report-date" name="to" value={to} inputMode="numeric" autoComplete="off" maxLength={10} onChange={(e) => setTo(e.target.value)} />
      <Button type="submit">{t('reports.period.show')}</Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function PeriodPicker({ span, onChange, onShift }: { span: Span; onChange(span: Span): void; onShift(by: -1 | 1): void }) {
  const t = useT();
  const choose = (period: ReportPeriod) => {
    if (period === span.period) return;
    // A new kind of period starts from the day the supervisor was looking at, or from today.
    const anchor = span.from <= isoDay(new Date()) && isoDay(new Date()) <= span.to ? isoDay(new Date()) : span.from;
    onChange(period === 'range' ? { period, from: span.from, to: span.to } : spanOf(period, anchor));
  };
  return (
    <div className="report-period" data-testid="report-period">
      <div className="segmented" role="group" aria-label={t('reports.period.label')}>
        {PERIODS.map((period) => (
          <button key={period} type="button" className="segmented-option" aria-pressed={span.period === period} data-period={period} onClick={() => choose(period)}>
            {t(`reports.period.${period}`)}
          </button>
        ))}
      </div>
      <div className="report-period-row">
        <Button aria-label={t('reports.period.previous')} title={t('reports.period.previous')} onClick={() => onShift(-1)} data-action="previous">
          ‹
        </Button>
        <span className="report-period-text" data-testid="report-span" data-from={span.from} data-to={span.to}>
          {spanText(span)}
        </span>
        <Button aria-label={t('reports.period.next')} title={t('reports.period.next')} onClick={() => onShift(1)} data-action="next">
          ›
        </Button>
      </div>
      {span.period === 'range' && <RangeForm span={span} onChange={onChange} />}
    </div>
  );
}
