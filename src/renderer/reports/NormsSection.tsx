/**
 * Each act's step against its norm: how many ended in the period, the median and 90th percentile of
 * their time, how many ran over (a figure to drill into); then the breaches themselves, longest first.
 */
import type { Report } from '../../shared/reports/report';
import { formatNorm } from '../cases/steps';
import { useLocale, useT } from '../i18n/localeStore';
import { formatTimestamp } from '../ui/format';
import { DrillCell, ReportSection } from './DrillFigure';
import { actTitle, durationText, normsByAct, stepName, type Regulations } from './figures';
import { OperatorName } from './OperatorName';
import { BreachesChart } from './ReportCharts';
import { num, ReportTable } from './ReportTable';
import { useReports } from './reportsStore';

/** A step by the act's number and words; `withAct` puts the service's code before it, for lists that mix acts. */
function StepCell({ regulations, regulationId, step, withAct }: { regulations: Regulations; regulationId: string; step: string; withAct?: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const name = stepName(t, locale, regulations, regulationId, step);
  const code = regulations[regulationId]?.service.code ?? regulationId;
  return (
    <>
      <span className="report-step-label">{withAct ? `${code} · ${name.label}` : name.label}</span>
      {name.title && <span className="report-step-title">{name.title}</span>}
    </>
  );
}

export function NormsSection({ report, regulations }: { report: Report; regulations: Regulations }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const openDrill = useReports((s) => s.openDrill);
  const acts = normsByAct(report, regulations);
  return (
    <ReportSection title={t('reports.norms.title')} testId="report-norms" empty={acts.length === 0} emptyText={t('reports.norms.none')}>
      <p className="report-lead">{t('reports.norms.lead')}</p>
      {report.norms.some((n) => n.breaches > 0) && <BreachesChart report={report} regulations={regulations} onDrill={(drill) => void openDrill(drill)} />}
      <ReportTable
        testId="norms-table"
        columns={[
          t('reports.norms.step'),
          t('reports.norms.norm'),
          num(t('reports.norms.count')),
          num(t('reports.norms.median')),
          num(t('reports.norms.p90')),
          num(t('reports.norms.breaches')),
        ]}
      >
        {acts.map(({ regulationId, steps }) => (
          <tbody key={regulationId} data-regulation={regulationId}>
            <tr className="report-group-row">
              <th scope="colgroup" colSpan={6}>
                {actTitle(regulations, regulationId, locale)}
              </th>
            </tr>
            {steps.map((n) => {
              const step = stepName(t, locale, regulations, n.regulationId, n.step);
              return (
                <tr key={n.step} data-regulation={n.regulationId} data-step={n.step}>
                  <th scope="row" className="report-step">
                    <StepCell regulations={regulations} regulationId={n.regulationId} step={n.step} />
                  </th>
                  <td className="report-norm">{formatNorm(t, locale, n.norm)}</td>
                  <td className="num" data-figure="count">{n.count}</td>
                  <td className="num">{durationText(t, locale, n.medianSeconds)}</td>
                  <td className="num">{durationText(t, locale, n.p90Seconds)}</td>
                  <DrillCell figure="breaches" value={n.breaches} what={`${step.label} — ${t('reports.norms.breaches')}`} drill={{ figure: 'breach', regulationId: n.regulationId, step: n.step }} />
                </tr>
              );
            })}
          </tbody>
        ))}
      </ReportTable>
      <BreachList report={report} regulations={regulations} />
    </ReportSection>
  );
}

function BreachList({ report, regulations }: { report: Report; regulations: Regulations }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <>
      <h3 className="report-subtitle">{t('reports.breaches.title')}</h3>
      {report.breaches.length === 0 ? (
        <p className="muted">{t('reports.breaches.none')}</p>
      ) : (
        <>
          {report.breachesTotal > report.breaches.length && (
            <p className="muted">{t('reports.breaches.cut', { shown: report.breaches.length, total: report.breachesTotal })}</p>
          )}
          <ReportTable
            testId="breaches-table"
            columns={[
              t('reports.breaches.case'),
              t('reports.norms.step'),
              t('reports.operator'),
              t('reports.breaches.startedAt'),
              t('reports.breaches.dueAt'),
              num(t('reports.breaches.over')),
            ]}
          >
            <tbody>
              {report.breaches.map((b) => (
                <tr key={`${b.caseNumber}/${b.step}/${b.startedAt}`} data-case={b.caseNumber}>
                  <th scope="row" className="report-case-number">{b.caseNumber}</th>
                  <td className="report-step" title={actTitle(regulations, b.regulationId, locale)}>
                    <StepCell regulations={regulations} regulationId={b.regulationId} step={b.step} withAct />
                  </td>
                  <td>{b.operator === null ? t('reports.nobody') : <OperatorName login={b.operator} />}</td>
                  <td className="nowrap">{formatTimestamp(b.startedAt)}</td>
                  <td className="nowrap">{formatTimestamp(b.normDueAt)}</td>
                  <td className="num">
                    {durationText(t, locale, b.overSeconds)}
                    {b.endedAt === null && <span className="report-open">{t('reports.breaches.open')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        </>
      )}
    </>
  );
}
