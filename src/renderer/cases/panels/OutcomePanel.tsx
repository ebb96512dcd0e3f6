/**
 * The flow has ended: the refusal notice or the issuance record for the applicant, then the survey.
 * A refusal produced while the applicant was away waits for them to collect it; the survey waits too.
 */
import type { CaseView, DocumentKind } from '../../../shared/cases';
import type { Channel } from '../../../shared/regulation';
import { useLocale, useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useCases } from '../casesStore';
import { stepLabel } from '../steps';
import { CollectionNotice } from './CollectionNotice';
import { SurveyAnswers, SurveyPanel } from './SurveyPanel';

export function OutcomePanel({ channel, view }: { channel: Channel; view: CaseView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { openDocument, choose } = useCases();
  const has = (kind: DocumentKind) => view.documents.some((d) => d.kind === kind);
  const refusal: DocumentKind | null = has('refusalDocuments') ? 'refusalDocuments' : has('refusalDataUnavailable') ? 'refusalDataUnavailable' : null;
  const refusalStep = refusal ? channel.steps.find((s) => s.effect === refusal) : undefined;
  const reason = view.refusalReason ? (locale === 'kk' ? view.refusalReason.kk : view.refusalReason.ru) : null;

  return (
    <div className="panel-form" data-testid="outcome-panel">
      {view.status === 'refused' ? (
        <div className="notice notice--error outcome" role="status" data-testid="refusal-notice">
          <p className="outcome-title">
            {refusalStep && `${stepLabel(t, refusalStep)}: `}
            {t(refusal === 'refusalDocuments' ? 'outcome.refusalDocuments' : 'outcome.refusalDataUnavailable')}
          </p>
          {refusal === 'refusalDocuments' && reason && <p data-testid="refusal-reason">{t('outcome.reason', { reason })}</p>}
          {refusal === 'refusalDataUnavailable' && <p>{t('outcome.refusalDataUnavailableSay')}</p>}
          {refusal && (
            <div className="outcome-actions">
              <Button variant="primary" autoFocus={!view.survey} onClick={() => openDocument(view.id, refusal)} data-testid="open-refusal">
                {t('outcome.openNotice')}
              </Button>
            </div>
          )}
        </div>
      ) : (
        <div className="notice notice--success outcome" role="status" data-testid="issued-notice">
          <p className="outcome-title">{t('outcome.issued')}</p>
          {has('issuance') && (
            <div className="outcome-actions">
              <Button onClick={() => openDocument(view.id, 'issuance')}>{t('outcome.openIssuance')}</Button>
            </div>
          )}
        </div>
      )}
      {view.awaitingCollection ? (
        <CollectionNotice />
      ) : (
        <section className="survey-block" aria-labelledby="survey-title">
          <h3 className="section-title" id="survey-title">
            {t('survey.title')}
          </h3>
          {view.survey ? <SurveyAnswers survey={view.survey} /> : <SurveyPanel view={view} autoFocus={view.status !== 'refused'} />}
        </section>
      )}
      {view.survey && (
        <div className="form-actions">
          <Button variant="primary" shortcut="F2" autoFocus onClick={() => choose()} data-testid="next-applicant">
            {t('action.nextApplicant')}
          </Button>
        </div>
      )}
    </div>
  );
}
