/** Cases by status, refusals by reason and by act, and each service's and operator's share of the work. */
import { CASE_STATUSES } from '../../shared/cases';
import type { Report } from '../../shared/reports/report';
import { StatusBadge } from '../cases/StatusBadge';
import { useLocale, useT } from '../i18n/localeStore';
import { DrillFigure, ReportSection } from './DrillFigure';
import { actTitle, reasonText, type Regulations } from './figures';
import { RefusalsChart } from './ReportCharts';
import { useReports } from './reportsStore';

export function StatusSection({ report }: { report: Report }) {
  const t = useT();
  return (
    <ReportSection title={t('reports.status.title')} testId="report-status" empty={report.cases.total === 0} emptyText={t('reports.drill.none')}>
      <div className="table-wrap report-table--narrow">
        <table className="table table--dense report-table" data-testid="status-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.status.status')}</th>
              <th scope="col" className="num">{t('reports.count')}</th>
            </tr>
          </thead>
          <tbody>
            {CASE_STATUSES.map((status) => (
              <tr key={status} data-status={status}>
                <th scope="row">
                  <StatusBadge status={status} />
                </th>
                <td className="num">
                  <DrillFigure value={report.cases.byStatus[status] ?? 0} what={t(`status.${status}`)} drill={{ figure: 'status', status }} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('reports.total')}</th>
              <td className="num" data-testid="cases-total">{report.cases.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
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
        <div className="table-wrap">
          <table className="table table--dense report-table" data-testid="refusal-reasons">
            <caption>{t('reports.refusals.byReason')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.refusals.reason')}</th>
                <th scope="col" className="num">{t('reports.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.refusals.byReason.map((r) => (
                <tr key={r.reason.kk}>
                  <th scope="row" className="report-reason">{reasonText(r.reason, locale)}</th>
                  <td className="num">
                    <DrillFigure value={r.count} what={reasonText(r.reason, locale)} drill={{ figure: 'refusalReason', reason: r.reason.kk }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table className="table table--dense report-table" data-testid="refusal-acts">
            <caption>{t('reports.refusals.byAct')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.norms.act')}</th>
                <th scope="col" className="num">{t('reports.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.refusals.byAct.map((r) => (
                <tr key={r.regulationId} data-regulation={r.regulationId}>
                  <th scope="row">{actTitle(regulations, r.regulationId, locale)}</th>
                  <td className="num">
                    <DrillFigure value={r.count} what={actTitle(regulations, r.regulationId, locale)} drill={{ figure: 'refusalAct', regulationId: r.regulationId }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </ReportSection>
  );
}

export function ServicesSection({ report, regulations }: { report: Report; regulations: Regulations }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <ReportSection title={t('reports.service.title')} testId="report-services" empty={report.byService.length === 0} emptyText={t('reports.drill.none')}>
      <div className="table-wrap">
        <table className="table table--dense report-table" data-testid="services-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.norms.act')}</th>
              <th scope="col" className="num">{t('reports.service.cases')}</th>
              <th scope="col" className="num">{t('reports.service.refused')}</th>
              <th scope="col" className="num">{t('reports.service.issued')}</th>
              <th scope="col" className="num">{t('reports.service.breaches')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byService.map((s) => (
              <tr key={s.regulationId} data-regulation={s.regulationId}>
                <th scope="row">{actTitle(regulations, s.regulationId, locale)}</th>
                <td className="num">
                  <DrillFigure value={s.cases} what={actTitle(regulations, s.regulationId, locale)} drill={{ figure: 'service', regulationId: s.regulationId }} />
                </td>
                <td className="num">{s.refused}</td>
                <td className="num">{s.issued}</td>
                <td className="num">{s.breaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ReportSection>
  );
}

export function OperatorsSection({ report }: { report: Report }) {
  const t = useT();
  return (
    <ReportSection title={t('reports.operators.title')} testId="report-operators" empty={report.byOperator.length === 0} emptyText={t('reports.drill.none')}>
      <div className="table-wrap report-table--narrow">
        <table className="table table--dense report-table" data-testid="operators-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.operator')}</th>
              <th scope="col" className="num">{t('reports.service.cases')}</th>
              <th scope="col" className="num">{t('reports.service.refused')}</th>
              <th scope="col" className="num">{t('reports.service.breaches')}</th>
            </tr>
          </thead>
          <tbody>
            {report.byOperator.map((o) => (
              <tr key={o.operator} data-operator={o.operator}>
                <th scope="row">{o.operator}</th>
                <td className="num">
                  <DrillFigure value={o.cases} what={o.operator} drill={{ figure: 'operator', operator: o.operator }} />
                </td>
                <td className="num">{o.refused}</td>
                <td className="num">{o.breaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ReportSection>
  );
}
