/** A figure of the report that opens the cases behind it; a zero has nothing behind it and stays plain. */
import type { DrillDown } from '../../shared/reports/report';
import { useT } from '../i18n/localeStore';
import { useReports } from './reportsStore';

export function DrillFigure({ value, drill, what }: { value: number; drill: DrillDown; what: string }) {
  const t = useT();
  const openDrill = useReports((s) => s.openDrill);
  if (value === 0) return <span className="report-figure report-figure--zero">0</span>;
  return (
    <button
      type="button"
      className="report-figure"
      aria-label={`${value} — ${t('reports.drillHint', { figure: what })}`}
      title={t('reports.drillHint', { figure: what })}
      data-drill={drill.figure}
      onClick={() => void openDrill(drill)}
    >
      {value}
    </button>
  );
}

/** A table's cell of figures whose number opens its cases; `figure` names the cell for tests and styles. */
export function DrillCell({ figure, ...props }: { value: number; drill: DrillDown; what: string; figure?: string }) {
  return (
    <td className="num" data-figure={figure}>
      <DrillFigure {...props} />
    </td>
  );
}

/** A section of the report: a heading, and either its content or a line saying the period had none. */
export function ReportSection({ title, testId, empty, emptyText, children }: { title: string; testId: string; empty: boolean; emptyText: string; children: React.ReactNode }) {
  return (
    <section className="report-section" aria-label={title} data-testid={testId}>
      <h2 className="report-section-title">{title}</h2>
      {empty ? <p className="muted">{emptyText}</p> : children}
    </section>
  );
}
