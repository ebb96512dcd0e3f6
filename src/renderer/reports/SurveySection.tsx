/** The applicants' survey (the act's appendix 5): both questions in their own words, each answer counted and its share. */
import type { Report } from '../../shared/reports/report';
import { useLocale, useT } from '../i18n/localeStore';
import { DrillFigure, ReportSection } from './DrillFigure';
import { shareText } from './figures';
import { SurveyChart } from './ReportCharts';

export function SurveySection({ report }: { report: Report }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <ReportSection title={t('reports.survey.title')} testId="report-survey" empty={report.survey.answered === 0} emptyText={t('reports.survey.none')}>
      <p className="report-lead">{t('reports.survey.lead', { answered: report.survey.answered })}</p>
      <SurveyChart report={report} />
      <div className="report-pair">
        {report.survey.questions.map((q) => (
          <div className="table-wrap" key={q.question}>
            <table className="table table--dense report-table" data-testid={`survey-${q.question}`}>
              <caption className="report-question">{t(`survey.q.${q.question}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.survey.answer')}</th>
                  <th scope="col" className="num">{t('reports.count')}</th>
                  <th scope="col" className="num">{t('reports.share')}</th>
                </tr>
              </thead>
              <tbody>
                {[...q.answers].reverse().map((a) => (
                  <tr key={a.value} data-answer={a.value}>
                    <th scope="row">{t(`survey.answer.${a.value}`)}</th>
                    <td className="num">
                      <DrillFigure value={a.count} what={`${t(`survey.short.${q.question}`)}: ${t(`survey.answer.${a.value}`)}`} drill={{ figure: 'survey', question: q.question, value: a.value }} />
                    </td>
                    <td className="num" data-figure="share">{shareText(locale, a.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </ReportSection>
  );
}
