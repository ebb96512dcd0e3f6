/**
 * The two questions of appendix 5 of the acts (the "quality" and "accessibility" survey), asked
 * of the applicant once the case has ended. The operator reads them in the applicant's language.
 */
import type { FormEvent } from 'react';
import type { CaseView } from '../../../shared/cases';
import { translate, type MessageKey } from '../../i18n/catalog';
import { useLocale, useT } from '../../i18n/localeStore';
import { FormSubmit } from '../../ui/FormSubmit';
import { useForm } from '../../ui/useForm';
import { useCases } from '../casesStore';

const QUESTIONS = ['processQuality', 'informationQuality'] as const;
const ANSWERS = [1, 2, 3] as const;
type Question = (typeof QUESTIONS)[number];
type Answer = (typeof ANSWERS)[number];

export function SurveyPanel({ view, autoFocus }: { view: CaseView; autoFocus: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { survey, busy } = useCases();
  // An answer is its number as the radio's value; '' while the applicant has not chosen.
  const { form, values, set, tried, submit } = useForm<Record<Question, string>>({ processQuality: '', informationQuality: '' });
  const applicantWords = view.documentLocale !== locale;

  async function send(event: FormEvent) {
    event.preventDefault();
    const unanswered = QUESTIONS.filter((question) => !values[question]).map((question) => ({ path: question, reason: 'required' }));
    await submit(unanswered, () => survey(Number(values.processQuality) as Answer, Number(values.informationQuality) as Answer));
  }

  return (
    <form ref={form} className="panel-form survey" onSubmit={send} noValidate data-testid="survey-form">
      <p className="panel-note">{t('survey.lead')}</p>
      {QUESTIONS.map((question, index) => {
        // Once a submit was tried, an unanswered question says so — and stops saying it as soon as it is answered.
        const missing = tried && !values[question];
        const key = `survey.q.${question}` as MessageKey;
        return (
          <fieldset key={question} className={`survey-question${missing ? ' survey-question--invalid' : ''}`} data-question={question}>
            <legend className="survey-legend">
              {index + 1}. {t(key)}
            </legend>
            {applicantWords && (
              <p className="survey-applicant" lang={view.documentLocale}>
                {translate(view.documentLocale, key)}
              </p>
            )}
            <div className="survey-answers">
              {ANSWERS.map((answer) => (
                <label key={answer} className="check survey-answer">
                  <input
                    type="radio"
                    name={question}
                    value={answer}
                    checked={values[question] === String(answer)}
                    aria-invalid={missing || undefined}
                    autoFocus={autoFocus && index === 0 && answer === 1}
                    onChange={() => set(question, String(answer))}
                  />
                  <span className="check-text">
                    {answer}) {t(`survey.answer.${answer}`)}
                    {applicantWords && (
                      <span className="survey-applicant-answer" lang={view.documentLocale}>
                        {translate(view.documentLocale, `survey.answer.${answer}`)}
                      </span>
                    )}
                  </span>
                </label>
              ))}
            </div>
            {missing && (
              <p className="field-error" role="alert">
                {t('survey.required')}
              </p>
            )}
          </fieldset>
        );
      })}
      <FormSubmit busy={busy}>{t('survey.submit')}</FormSubmit>
    </form>
  );
}

export function SurveyAnswers({ survey }: { survey: NonNullable<CaseView['survey']> }) {
  const t = useT();
  return (
    <dl className="facts" data-testid="survey-answers">
      <dt>{t('survey.short.processQuality')}</dt>
      <dd>{t(`survey.answer.${survey.processQuality as Answer}`)}</dd>
      <dt>{t('survey.short.informationQuality')}</dt>
      <dd>{t(`survey.answer.${survey.informationQuality as Answer}`)}</dd>
    </dl>
  );
}
