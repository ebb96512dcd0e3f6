/** The applicants' survey (the act's appendix 5): both questions in their own words, each answer counted and its share. */
import type { Report } from '../../shared/reports/report';
import { useLocale, useT } from '../i18n/localeStore';
import { DrillCell, ReportSection } from './DrillFigure';
import { shareText } from './figures';
import { SurveyChart } from './ReportCharts';
import { num, ReportTable } from './ReportTable';

export function SurveySection({ report }: { report: Report }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <ReportSection title={t('reports.survey.title')} testId="report-survey" empty={report.survey.answered === 0} emptyText={t('reports.survey.none')}>
      <p className="report-lead">{t('reports.survey.lead', { answered: report.survey.answered })}</p>
      <SurveyChart report={report} />
      <div className="report-pair">
        {report.survey.questions.map((q) => (
          <ReportTable
            key={q.question}
            testId={`survey-${q.question}`}
            caption={t(`survey.q.${q.question}`)}
            captionClassName="report-question"
            columns={[t('reports.survey.answer'), num(t('reports.count')), num(t('reports.share'))]}
          >
            <tbody>
              {[...q.answers].reverse().map((a) => (
                <tr key={a.value} data-answer={a.value}>
                  <th scope="row">{t(`survey.answer.${a.value}`)}</th>
                  <DrillCell value={a.count} what={`${t(`survey.short.${q.question}`)}: ${t(`survey.answer.${a.value}`)}`} drill={{ figure: 'survey', question: q.question, value: a.value }} />
                  <td className="num" data-figure="share">{shareText(locale, a.share)}</td>
                </tr>
              ))}
            </tbody>
          </ReportTable>
        ))}
      </div>
    </ReportSection>
  );
}
