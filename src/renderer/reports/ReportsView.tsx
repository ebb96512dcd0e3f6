/**
 * The supervisor's reports: a period and filters; a summary; the acts' norms against the real
 * times and the breaches; cases by status; refusals; the applicants' survey; the queue; each
 * service's and operator's share. Every figure with cases behind it opens them.
 */
import { useEffect } from 'react';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { formatTimestamp } from '../ui/format';
import { OperatorsSection, RefusalsSection, ServicesSection, StatusSection } from './CasesSection';
import { DrillDialog } from './DrillDialog';
import { ExportActions } from './ExportActions';
import { isEmpty } from './figures';
import { NormsSection } from './NormsSection';
import { PeriodPicker } from './PeriodPicker';
import { QueueSection } from './QueueSection';
import { ReportFilters } from './ReportFilters';
import { useReports } from './reportsStore';
import { SurveySection } from './SurveySection';
import './reports.css';

function Summary() {
  const t = useT();
  const report = useReports((s) => s.report)!;
  const figures = [
    ['cases', report.cases.total],
    ['refusals', report.refusals.total],
    ['breaches', report.breachesTotal],
    ['surveys', report.survey.answered],
    ['tickets', report.queue.total.issued],
  ] as const;
  return (
    <dl className="report-totals report-totals--summary" data-testid="report-summary">
      {figures.map(([key, value]) => (
        <div key={key} className="figure-tile" data-figure={key}>
          <dt>{t(`reports.summary.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportsView({ onOpenCase }: { onOpenCase: ((caseId: number) => void) | null }) {
  const t = useT();
  const { span, report, loading, problem, regulations, setSpan, shift, load, loadChoices } = useReports();

  useEffect(() => {
    void load();
    void loadChoices();
  }, [load, loadChoices]);

  // The report on screen is the one for the period and filters asked; an older answer is not shown as this one.
  const shown = report && report.query.from === span.from && report.query.to === span.to ? report : null;

  return (
    <section className="reports" data-testid="reports-view" aria-busy={loading || undefined}>
      <PageHeader title={t('reports.title')} lead={t('reports.lead')} />
      <div className="report-controls">
        <PeriodPicker span={span} onChange={setSpan} onShift={shift} />
        <ReportFilters />
      </div>
      <ExportActions disabled={!shown} />
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {!shown && !problem && <p className="muted">{t('reports.loading')}</p>}
      {shown && (
        <div className="report-body" data-testid="report" data-from={shown.query.from} data-to={shown.query.to} data-scope={shown.scope}>
          <p className="report-meta muted">
            {t(shown.scope === 'branch' ? 'reports.scope.branch' : 'reports.scope.counter')} · {t('reports.generatedAt', { time: formatTimestamp(shown.generatedAt) })}
          </p>
          {isEmpty(shown) ? (
            <Notice tone="info" testId="report-empty">
              {t('reports.empty')}
            </Notice>
          ) : (
            <>
              <Summary />
              <NormsSection report={shown} regulations={regulations} />
              <div className="report-columns">
                <StatusSection report={shown} />
                <OperatorsSection report={shown} />
              </div>
              <RefusalsSection report={shown} regulations={regulations} />
              <SurveySection report={shown} />
              <QueueSection report={shown} />
              <ServicesSection report={shown} regulations={regulations} />
            </>
          )}
        </div>
      )}
      <DrillDialog onOpenCase={onOpenCase} />
    </section>
  );
}
