/** Cases by status, refusals by reason and by act, and each service's and operator's share of the work. */
import { CASE_STATUSES } from '../../shared/cases';
import type { Report } from '../../shared/reports/report';
import { StatusBadge } from '../cases/StatusBadge';
import { useLocale, useT } from '../i18n/localeStore';
import { DrillCell, ReportSection } from './DrillFigure';
import { actTitle, reasonText, type Regulations } from './figures';
import { OperatorName, operatorText } from './OperatorName';
import { RefusalsChart } from './ReportCharts';
import { num, ReportTable } from './ReportTable';
import { useReports } from './reportsStore';

export function StatusSection({ report }: { report: Report }) {
  const t = useT();
  return (
    <ReportSection title={t('reports.status.title')} testId="report-status" empty={report.cases.total === 0} emptyText={t('reports.drill.none')}>
      <ReportTable testId="status-table" wrapClassName="report-table--narrow" columns={[t('reports.status.status'), num(t('reports.count'))]}>
        <tbody>
          {CASE_STATUSES.map((status) => (
            <tr key={status} data-status={status}>
              <th scope="row">
                <StatusBadge status={status} />
              </th>
              <DrillCell value={report.cases.byStatus[status] ?? 0} what={t(`status.${status}`)} drill={{ figure: 'status', status }} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reports.total')}</th>
            <td className="num" data-testid="cases-total">{report.cases.total}</td>
          </tr>
        </tfoot>
      </ReportTable>
    </ReportSection>
  );
}

export function RefusalsSection({ report, regulations }: { report: Report; regulations: Regulations }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const openDrill = useReports((s) => s.openDrill);
  return (
    <ReportSection title={t('reports.refusals.title')} testId="report-refusals" empty={report.refusals.total === 0} emptyText={t('reports.refusals.none')}>
      <RefusalsChart report={report} onDrill={(drill) => void openDrill(drill)} />
      <div className="report-pair">
        <ReportTable testId="refusal-reasons" caption={t('reports.refusals.byReason')} columns={[t('reports.refusals.reason'), num(t('reports.count'))]}>
          <tbody>
            {report.refusals.byReason.map((r) => (
              <tr key={r.reason.kk}>
                <th scope="row" className="report-reason">{reasonText(r.reason, locale)}</th>
                <DrillCell value={r.count} what={reasonText(r.reason, locale)} drill={{ figure: 'refusalReason', reason: r.reason.kk }} />
              </tr>
            ))}
          </tbody>
        </ReportTable>
        <ReportTable testId="refusal-acts" caption={t('reports.refusals.byAct')} columns={[t('reports.norms.act'), num(t('reports.count'))]}>
          <tbody>
            {report.refusals.byAct.map((r) => (
              <tr key={r.regulationId} data-regulation={r.regulationId}>
                <th scope="row">{actTitle(regulations, r.regulationId, locale)}</th>
                <DrillCell value={r.count} what={actTitle(regulations, r.regulationId, locale)} drill={{ figure: 'refusalAct', regulationId: r.regulationId }} />
              </tr>
            ))}
          </tbody>
        </ReportTable>
      </div>
    </ReportSection>
  );
}

export function ServicesSection({ report, regulations }: { report: Report; regulations: Regulations }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const columns = [t('reports.norms.act'), num(t('reports.service.cases')), num(t('reports.service.refused')), num(t('reports.service.issued')), num(t('reports.service.breaches'))];
  return (
    <ReportSection title={t('reports.service.title')} testId="report-services" empty={report.byService.length === 0} emptyText={t('reports.drill.none')}>
      <ReportTable testId="services-table" columns={columns}>
        <tbody>
          {report.byService.map((s) => (
            <tr key={s.regulationId} data-regulation={s.regulationId}>
              <th scope="row">{actTitle(regulations, s.regulationId, locale)}</th>
              <DrillCell value={s.cases} what={actTitle(regulations, s.regulationId, locale)} drill={{ figure: 'service', regulationId: s.regulationId }} />
              <td className="num">{s.refused}</td>
              <td className="num">{s.issued}</td>
              <td className="num">{s.breaches}</td>
            </tr>
          ))}
        </tbody>
      </ReportTable>
    </ReportSection>
  );
}

export function OperatorsSection({ report }: { report: Report }) {
  const t = useT();
  const names = useReports((s) => s.operatorNames);
  const columns = [t('reports.operator'), num(t('reports.service.cases')), num(t('reports.service.refused')), num(t('reports.service.breaches'))];
  return (
    <ReportSection title={t('reports.operators.title')} testId="report-operators" empty={report.byOperator.length === 0} emptyText={t('reports.drill.none')}>
      <ReportTable testId="operators-table" wrapClassName="report-table--narrow" columns={columns}>
        <tbody>
          {report.byOperator.map((o) => (
            <tr key={o.operator} data-operator={o.operator}>
              <th scope="row">
                <OperatorName login={o.operator} />
              </th>
              <DrillCell value={o.cases} what={operatorText(names, o.operator)} drill={{ figure: 'operator', operator: o.operator }} />
              <td className="num">{o.refused}</td>
              <td className="num">{o.breaches}</td>
            </tr>
          ))}
        </tbody>
      </ReportTable>
    </ReportSection>
  );
}
