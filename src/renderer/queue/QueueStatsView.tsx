/**
 * The supervisor's figures for a day: tickets issued, served, not come, left unserved; the mean
 * and 90th-percentile wait and service, per group and per operator. The day's tickets export as
 * CSV; closing the day records every ticket still open as unserved. Administrators also set the
 * queue's rules here.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { QueueStats } from '../../shared/queue';
import { invoke, on } from '../client/client';
import { attempt, toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { formatFullDate } from '../ui/format';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { isoToday, seconds } from './labels';
import { QueueSettingsBlock } from './QueueSettingsBlock';
import './queue.css';
import { ConfirmActions } from '../ui/ConfirmActions';

type Figures = QueueStats['total'];

function FiguresRow({ label, f, testId }: { label: string; f: Figures; testId?: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td className="num">{f.issued}</td>
      <td className="num">{f.served}</td>
      <td className="num">{f.noShow}</td>
      <td className="num">{f.unserved}</td>
      <td className="num">{seconds(f.waitMeanSeconds)}</td>
      <td className="num">{seconds(f.waitP90Seconds)}</td>
      <td className="num">{seconds(f.serviceMeanSeconds)}</td>
      <td className="num">{seconds(f.serviceP90Seconds)}</td>
    </tr>
  );
}

function FiguresTable({ title, first, rows, testId }: { title: string; first: string; rows: { key: string; label: string; f: Figures }[]; testId: string }) {
  const t = useT();
  return (
    <section className="queue-stats-block" aria-label={title}>
      <h2 className="queue-section-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('queue.stats.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense queue-stats-table" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{first}</th>
                <th scope="col" className="num">{t('queue.stats.issued')}</th>
                <th scope="col" className="num">{t('queue.stats.served')}</th>
                <th scope="col" className="num">{t('queue.stats.noShow')}</th>
                <th scope="col" className="num">{t('queue.stats.unserved')}</th>
                <th scope="col" className="num">{t('queue.stats.waitMean')}</th>
                <th scope="col" className="num">{t('queue.stats.waitP90')}</th>
                <th scope="col" className="num">{t('queue.stats.serviceMean')}</th>
                <th scope="col" className="num">{t('queue.stats.serviceP90')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <FiguresRow key={r.key} label={r.label} f={r.f} testId={`${testId}-${r.key}`} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CloseDayDialog({ onClose, onClosed }: { onClose(): void; onClosed(unserved: number): void }) {
  const t = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    let unserved = 0;
    const failed = await attempt(async () => {
      unserved = (await invoke('queue.closeDay', {})).unserved;
    });
    setBusy(false);
    setProblem(failed);
    if (!failed) onClosed(unserved);
  }
  return (
    <Dialog title={t('queue.closeDay.title')} onClose={onClose}>
      <p>{t('queue.closeDay.body')}</p>
      <ConfirmActions problem={problem ? describeProblem(t, problem).summary : null} busy={busy} confirmLabel={t('queue.closeDay.confirm')} onCancel={onClose} onConfirm={() => void confirm()} />
    </Dialog>
  );
}

const noon = (isoDay: string) => new Date(`${isoDay}T12:00:00`);
const dotted = (isoDay: string) => isoDay.split('-').reverse().join('.');

/** A day as the catalogues' dates are typed (dd.mm.yyyy), with a step back and forth; never after today. */
function DayPicker({ day, today, onChange }: { day: string; today: string; onChange(day: string): void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(dotted(day));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(dotted(day));
    setError(null);
  }, [day]);

  const shift = (days: number) => {
    const d = noon(day);
    d.setDate(d.getDate() + days);
    const next = isoToday(d);
    if (next <= today) onChange(next);
  };
  function commit(event?: FormEvent) {
    event?.preventDefault();
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '';
    // A day that does not exist (31.02) comes back from Date as another one.
    if (!m || isoToday(noon(iso)) !== iso) return setError(t('reason.date.format'));
    if (iso > today) return setError(t('queue.stats.futureDay'));
    setError(null);
    onChange(iso);
  }

  return (
    <form className={`queue-day field${error ? ' field--invalid' : ''}`} onSubmit={commit} noValidate>
      <label className="field-label" htmlFor={id}>
        {t('queue.stats.day')}
      </label>
      <div className="queue-day-row">
        <Button aria-label={t('queue.stats.previousDay')} title={t('queue.stats.previousDay')} onClick={() => shift(-1)}>
          ‹
        </Button>
        <input
          id={id}
          className="input"
          name="day"
          value={text}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => commit()}
        />
        <Button aria-label={t('queue.stats.nextDay')} title={t('queue.stats.nextDay')} disabled={day >= today} onClick={() => shift(1)}>
          ›
        </Button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Hands the CSV to the browser as a file to save; nothing leaves the computer. */
function download(filename: string, csv: string) {
  // The byte-order mark lets a spreadsheet read the Cyrillic in operator names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function QueueStatsView({ canEditSettings }: { canEditSettings: boolean }) {
  const t = useT();
  const today = isoToday();
  const [day, setDay] = useState(today);
  const [stats, setStats] = useState<QueueStats | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [actionProblem, setActionProblem] = useState<Problem | null>(null);
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async (which: string) => {
    try {
      setStats(await invoke('queue.stats', { day: which }));
      setProblem(null);
    } catch (error) {
      setProblem(toProblem(error));
    }
  }, []);

  useEffect(() => {
    void load(day);
    // Today's figures follow the hall; a past day does not change.
    if (day !== today) return;
    return on('queue.changed', () => void load(day));
  }, [day, today, load]);

  async function exportCsv() {
    setExporting(true);
    setActionProblem(null);
    try {
      const { filename, csv } = await invoke('queue.exportCsv', { day });
      download(filename, csv);
    } catch (error) {
      setActionProblem(toProblem(error));
    } finally {
      setExporting(false);
    }
  }

  const shown = stats?.day === day ? stats : null;

  return (
    <section className="queue-stats" data-testid="queue-stats">
      <PageHeader
        title={t('queue.stats.title')}
        lead={t('queue.stats.lead')}
        actions={
          <>
            <DayPicker day={day} today={today} onChange={setDay} />
            <Button busy={exporting} onClick={() => void exportCsv()} data-action="export">
              {t('queue.stats.export')}
            </Button>
            <Button variant="danger" disabled={day !== today} onClick={() => setClosing(true)} data-action="closeDay">
              {t('queue.closeDay.action')}
            </Button>
          </>
        }
      />
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {actionProblem && <Notice tone="error">{describeProblem(t, actionProblem).summary}</Notice>}
      {closed !== null && (
        <Notice tone="success" testId="queue-day-closed">
          {t('queue.closeDay.done', { count: closed })}
        </Notice>
      )}

      {shown && (
        <>
          <h2 className="queue-section-title" data-testid="queue-stats-day">
            {formatFullDate(t, noon(day))}
          </h2>
          <dl className="queue-totals" data-testid="queue-totals">
            {(
              [
                ['issued', shown.total.issued],
                ['served', shown.total.served],
                ['noShow', shown.total.noShow],
                ['unserved', shown.total.unserved],
                ['waitMean', seconds(shown.total.waitMeanSeconds)],
                ['serviceMean', seconds(shown.total.serviceMeanSeconds)],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="figure-tile" data-figure={key}>
                <dt>{t(`queue.stats.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <FiguresTable
            title={t('queue.stats.byGroup')}
            first={t('queue.lines.group')}
            testId="stats-groups"
            rows={[
              ...shown.byGroup.map((g) => ({ key: g.group, label: g.group, f: g })),
              ...(shown.byGroup.length > 1 ? [{ key: 'total', label: t('queue.stats.total'), f: shown.total }] : []),
            ]}
          />
          <FiguresTable
            title={t('queue.stats.byOperator')}
            first={t('queue.stats.operator')}
            testId="stats-operators"
            rows={shown.byOperator.map((o) => ({ key: String(o.operatorId), label: o.operatorName, f: o }))}
          />
        </>
      )}

      <QueueSettingsBlock editable={canEditSettings} />

      {closing && (
        <CloseDayDialog
          onClose={() => setClosing(false)}
          onClosed={(count) => {
            setClosing(false);
            setClosed(count);
            void load(day);
          }}
        />
      )}
    </section>
  );
}
