/** The queue over the period: tickets issued, served, not come, left unserved; wait and service times by group, operator and day. */
import type { ReactNode } from 'react';
import type { QueueReportFigures, Report } from '../../shared/reports/report';
import { useT } from '../i18n/localeStore';
import { seconds } from '../queue/labels';
import { dotted } from './period';
import { ReportSection } from './DrillFigure';
import { OperatorName } from './OperatorName';
import { num, ReportTable } from './ReportTable';
import { TicketsByDayChart } from './ReportCharts';

const COLUMNS = ['issued', 'served', 'noShow', 'unserved', 'waitMedian', 'waitP90', 'serviceMedian', 'serviceP90'] as const;

function cells(f: QueueReportFigures): (string | number)[] {
  return [f.issued, f.served, f.noShow, f.unserved, seconds(f.waitMedianSeconds), seconds(f.waitP90Seconds), seconds(f.serviceMedianSeconds), seconds(f.serviceP90Seconds)];
}

function FiguresTable({ caption, first, rows, testId }: { caption: string; first: string; rows: { key: string; label: ReactNode; f: QueueReportFigures }[]; testId: string }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <ReportTable testId={testId} caption={caption} columns={[first, ...COLUMNS.map((c) => num(t(`reports.queue.${c}`)))]}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row">{r.label}</th>
            {cells(r.f).map((value, i) => (
              <td key={COLUMNS[i]} className="num">
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

/** The days carry only the ticket counts (the chart's rows); the times are the period's, by group and operator. */
function DaysTable({ report }: { report: Report }) {
  const t = useT();
  const days = report.queue.byDay.filter((d) => d.issued > 0 || d.served > 0 || d.noShow > 0);
  if (days.length === 0) return null;
  const columns = [t('reports.queue.day'), num(t('reports.queue.issued')), num(t('reports.queue.served')), num(t('reports.queue.noShow'))];
  return (
    <ReportTable testId="queue-days" className="report-table--narrow" caption={t('reports.queue.byDay')} columns={columns}>
      <tbody>
        {days.map((d) => (
          <tr key={d.day} data-key={d.day}>
            <th scope="row">{dotted(d.day)}</th>
            <td className="num">{d.issued}</td>
            <td className="num">{d.served}</td>
            <td className="num">{d.noShow}</td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

export function QueueSection({ report }: { report: Report }) {
  const t = useT();
  const { total } = report.queue;
  return (
    <ReportSection title={t('reports.queue.title')} testId="report-queue" empty={total.issued === 0} emptyText={t('reports.queue.none')}>
      <dl className="report-totals" data-testid="queue-totals">
        {COLUMNS.map((c, i) => (
          <div key={c} className="figure-tile" data-figure={c}>
            <dt>{t(`reports.queue.${c}`)}</dt>
            <dd>{cells(total)[i]}</dd>
          </div>
        ))}
      </dl>
      <TicketsByDayChart report={report} />
      <DaysTable report={report} />
      <FiguresTable caption={t('reports.queue.byGroup')} first={t('reports.queue.group')} testId="queue-groups" rows={report.queue.byGroup.map((g) => ({ key: g.group, label: g.group, f: g }))} />
      <FiguresTable caption={t('reports.queue.byOperator')} first={t('reports.operator')} testId="queue-operators" rows={report.queue.byOperator.map((o) => ({ key: o.operator, label: <OperatorName login={o.operator} />, f: o }))} />
    </ReportSection>
  );
}
