/**
 * The cases behind a figure the supervisor clicked. A case of this counter opens on the cases
 * screen (for those who may work cases); a case of another counter of the branch is only listed.
 */
import type { DrillDown } from '../../shared/reports/report';
import type { Locale } from '../../shared/schemas';
import { StatusBadge } from '../cases/StatusBadge';
import { stepLabelById } from '../cases/steps';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT, type Translate } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { formatTimestamp } from '../ui/format';
import { Notice } from '../ui/Notice';
import { actTitle, reasonText, stepName, type Regulations } from './figures';
import { OperatorName, operatorText } from './OperatorName';
import { ReportTable } from './ReportTable';
import { useReports } from './reportsStore';

/** The figure in words, for the dialog's title. */
export function drillTitle(t: Translate, locale: Locale, regulations: Regulations, drill: DrillDown): string {
  switch (drill.figure) {
    case 'status':
      return t('reports.drill.status', { status: t(`status.${drill.status}`) });
    case 'refusalReason': {
      const found = useReports.getState().report?.refusals.byReason.find((r) => r.reason.kk === drill.reason);
      return t('reports.drill.refusalReason', { reason: found ? reasonText(found.reason, locale) : drill.reason });
    }
    case 'refusalAct':
      return t('reports.drill.refusalAct', { act: actTitle(regulations, drill.regulationId, locale) });
    case 'breach': {
      const code = regulations[drill.regulationId]?.service.code ?? drill.regulationId;
      return t('reports.drill.breach', { step: `${code} · ${stepName(t, locale, regulations, drill.regulationId, drill.step).label}` });
    }
    case 'survey':
      return t('reports.drill.survey', { question: t(`survey.short.${drill.question}`), answer: t(`survey.answer.${drill.value}`) });
    case 'service':
      return t('reports.drill.service', { act: actTitle(regulations, drill.regulationId, locale) });
    case 'operator':
      return t('reports.drill.operator', { operator: operatorText(useReports.getState().operatorNames, drill.operator) });
  }
}

export function DrillDialog({ onOpenCase }: { onOpenCase: ((caseId: number) => void) | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { drill, regulations, closeDrill } = useReports();
  if (!drill) return null;
  const { cases, problem } = drill;
  return (
    <Dialog title={drillTitle(t, locale, regulations, drill.drill)} onClose={closeDrill} wide>
      <div className="report-drill" data-testid="drill-dialog" data-figure={drill.drill.figure}>
        {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
        {cases === null ? (
          <p className="muted">{t('reports.loading')}</p>
        ) : cases.length === 0 ? (
          !problem && <p className="muted">{t('reports.drill.none')}</p>
        ) : (
          <>
            <p className="report-lead">{t('reports.drill.lead', { count: cases.length })}</p>
            <ReportTable
              testId="drill-cases"
              wrapClassName="report-drill-list"
              columns={[
                t('case.number'),
                t('reports.norms.act'),
                t('reports.status.status'),
                t('reports.drill.step'),
                t('reports.operator'),
                t('reports.drill.createdAt'),
                { label: <span className="visually-hidden">{t('reports.drill.open')}</span> },
              ]}
            >
              <tbody>
                {cases.map((c) => (
                  <tr key={`${c.number}/${c.caseId ?? 'branch'}`} data-case={c.number}>
                    <th scope="row" className="report-case-number">{c.number}</th>
                    <td className="report-act">
                      <span className="report-clamp">{actTitle(regulations, c.regulationId, locale)}</span>
                      {c.refusalReason && <span className="report-step-title">{reasonText(c.refusalReason, locale)}</span>}
                    </td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td>{stepLabelById(t, regulations[c.regulationId] ?? undefined, c.step)}</td>
                    <td>{c.operator === null ? t('reports.nobody') : <OperatorName login={c.operator} />}</td>
                    <td className="nowrap">{formatTimestamp(c.createdAt)}</td>
                    <td>
                      {c.caseId !== null && onOpenCase ? (
                        <Button
                          variant="quiet"
                          data-action="open-case"
                          onClick={() => {
                            closeDrill();
                            onOpenCase(c.caseId!);
                          }}
                        >
                          {t('reports.drill.open')}
                        </Button>
                      ) : c.caseId === null ? (
                        <span className="muted">{t('reports.drill.elsewhere')}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ReportTable>
          </>
        )}
        <div className="dialog-actions">
          <Button onClick={closeDrill} shortcut="Esc" data-autofocus>
            {t('action.close')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
