/**
 * The two questions of appendix 5 of the acts (the "quality" and "accessibility" survey), asked
 * of the applicant once the case has ended. The operator reads them in the applicant's language.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { CaseView } from '../../../shared/cases';
import { translate, type MessageKey } from '../../i18n/catalog';
import { useLocale, useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { useCases } from '../casesStore';

const QUESTIONS = ['processQuality', 'informationQuality'] as const;
const ANSWERS = [1, 2, 3] as const;
type Answer = (typeof ANSWERS)[number];

export function SurveyPanel({ view, autoFocus }: { view: CaseView; autoFocus: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { survey, busy } = useCases();
  const [answers, setAnswers] = useState<Partial<Record<(typeof QUESTIONS)[number], Answer>>>({});
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const applicantWords = view.documentLocale !== locale;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    const { processQuality, informationQuality } = answers;
    if (!processQuality || !informationQuality) {
      focusFirstInvalid(form.current);
      return;
    }
    await survey(processQuality, informationQuality);
  }

  return (
    <form ref={form} className="panel-form survey" onSubmit={submit} noValidate data-testid="survey-form">
      <p className="panel-note">{t('survey.lead')}</p>
      {QUESTIONS.map((question, index) => {
        const missing = tried && !answers[question];
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
                    checked={answers[question] === answer}
                    aria-invalid={missing || undefined}
                    autoFocus={autoFocus && index === 0 && answer === 1}
                    onChange={() => setAnswers({ ...answers, [question]: answer })}
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
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('survey.submit')}
        </Button>
      </div>
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
