/**
 * Process 2: the request form. The applicant by IIN; a representative only where the act allows
 * one, with the power of attorney of the kind the act accepts. The act's rule — with a notarised
 * power of attorney the details of a differently certified one are not filled — is kept by
 * showing only the fields of the chosen kind.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { CallInput } from '../../../shared/contract';
import type { PowerOfAttorney } from '../../../shared/cases';
import type { Regulation } from '../../../shared/regulation';
import { precheck } from '../../client/precheck';
import { validationProblem, type Problem } from '../../client/problem';
import { useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { IinField } from '../../ui/IinField';
import { useProblem } from '../../ui/useProblem';
import { useCases, type RequestDraft } from '../casesStore';
import { submitOnEnter } from './HandOverPanel';

/** "10.02.2025" as typed at a counter, or an ISO date, to yyyy-mm-dd; anything else as it is. */
export function isoFromTyped(typed: string): string {
  const text = typed.trim();
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  return text;
}

/** 2025-02-30 has the shape of a date but is not one. */
export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** The ISO date a register gives, as an operator types it. */
export function typedFromIso(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}.${m}.${y}` : iso;
}

type FormInput = Omit<CallInput<'cases.submitForm'>, 'caseId' | 'version'>;

export function formInput(draft: RequestDraft, allowRepresentative: boolean): FormInput {
  if (!draft.withRepresentative || !allowRepresentative) return { applicantIin: draft.applicantIin, representative: null };
  const base = { number: draft.poaNumber, date: isoFromTyped(draft.poaDate) };
  // Only the chosen kind's field goes out: the other kind's details are not filled.
  const powerOfAttorney: PowerOfAttorney =
    draft.poaKind === 'notarised' ? { kind: 'notarised', ...base, notary: draft.notary } : { kind: 'otherCertified', ...base, certifiedBy: draft.certifiedBy };
  return {
    applicantIin: draft.applicantIin,
    representative: { iin: draft.representativeIin, fullName: draft.representativeName, powerOfAttorney },
  };
}

export function RequestFormPanel({ regulation }: { regulation: Regulation }) {
  const t = useT();
  const { draft, setDraft, submitForm, busy, current } = useCases();
  const [problem, setProblem] = useProblem();
  // A field typed into since the last submit no longer shows that submit's message.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const form = useRef<HTMLFormElement>(null);
  const change = (path: string, patch: Partial<RequestDraft>) => {
    if (!edited.has(path)) setEdited(new Set(edited).add(path));
    setDraft(patch);
  };
  const rule = regulation.representative;
  const kinds: PowerOfAttorney['kind'][] = rule?.notarisedOnly ? ['notarised'] : ['notarised', 'otherCertified'];
  const kind = rule?.notarisedOnly ? 'notarised' : draft.poaKind;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = formInput({ ...draft, poaKind: kind }, Boolean(rule));
    const issues = precheck('cases.submitForm', { caseId: current?.id ?? 1, version: current?.version ?? 0, ...input });
    const rep = input.representative;
    if (rep && rep.iin && rep.iin === input.applicantIin) issues.unshift({ path: 'representative.iin', reason: 'representative.sameAsApplicant' });
    if (rep && /^\d{4}-\d{2}-\d{2}$/.test(rep.powerOfAttorney.date) && !isRealDate(rep.powerOfAttorney.date)) {
      issues.push({ path: 'representative.powerOfAttorney.date', reason: 'date.format' });
    }
    let failed: Problem | null = validationProblem(issues);
    if (!failed) failed = await submitForm(input);
    setEdited(new Set());
    setProblem(failed);
    if (failed) focusFirstInvalid(form.current);
  }

  const fields = Object.fromEntries(Object.entries(problem?.fields ?? {}).filter(([path]) => !edited.has(path)));
  // The summary goes once every field it points at has been typed into again.
  const summary = problem && (Object.keys(problem.fields).length === 0 || Object.keys(fields).length > 0) ? problem.summary : null;
  const poaField = (name: string) => fields[`representative.powerOfAttorney.${name}`];
  return (
    <form ref={form} className="panel-form" onSubmit={submit} onKeyDown={submitOnEnter} noValidate data-testid="request-form">
      {summary && (
        <div className="notice notice--error" role="alert">
          {summary}
        </div>
      )}
      <div className="form-single">
        <IinField
          label={t('request.applicantIin')}
          name="applicantIin"
          value={draft.applicantIin}
          onChange={(applicantIin) => change('applicantIin', { applicantIin })}
          error={fields.applicantIin}
          autoFocus
        />
      </div>
      {rule ? (
        <label className="check check--toggle">
          <input type="checkbox" checked={draft.withRepresentative} onChange={(event) => setDraft({ withRepresentative: event.target.checked })} />
          <span className="check-text">{t('request.withRepresentative')}</span>
        </label>
      ) : (
        <p className="muted small">{t('request.noRepresentative')}</p>
      )}
      {rule && draft.withRepresentative && (
        <fieldset className="subform" data-testid="representative-fields">
          <legend className="subform-title">{t('request.representative')}</legend>
          <div className="form-row">
            <IinField
              label={t('request.representativeIin')}
              name="representativeIin"
              value={draft.representativeIin}
              onChange={(representativeIin) => change('representative.iin', { representativeIin })}
              error={fields['representative.iin']}
            />
            <Field
              label={t('request.representativeName')}
              name="representativeName"
              autoComplete="off"
              value={draft.representativeName}
              onChange={(event) => change('representative.fullName', { representativeName: event.target.value })}
              error={fields['representative.fullName']}
            />
          </div>
          {kinds.length > 1 ? (
            <fieldset className="radio-row">
              <legend className="field-label">{t('request.poaKind')}</legend>
              {kinds.map((option) => (
                <label key={option} className="check">
                  <input type="radio" name="poaKind" value={option} checked={kind === option} onChange={() => setDraft({ poaKind: option })} />
                  <span className="check-text">{t(`request.poaKind.${option}`)}</span>
                </label>
              ))}
              {fields['representative.powerOfAttorney.kind'] && <p className="field-error">{fields['representative.powerOfAttorney.kind']}</p>}
            </fieldset>
          ) : (
            <p className="subform-note" data-testid="notarised-only">
              {t('request.notarisedOnly')}
            </p>
          )}
          <div className="form-row">
            <Field
              label={t('request.poaNumber')}
              name="poaNumber"
              autoComplete="off"
              spellCheck={false}
              value={draft.poaNumber}
              onChange={(event) => change('representative.powerOfAttorney.number', { poaNumber: event.target.value })}
              error={poaField('number')}
            />
            <Field
              label={t('request.poaDate')}
              name="poaDate"
              hint={t('hint.date')}
              inputMode="numeric"
              autoComplete="off"
              value={draft.poaDate}
              onChange={(event) => change('representative.powerOfAttorney.date', { poaDate: event.target.value })}
              error={poaField('date')}
            />
          </div>
          {kind === 'notarised' ? (
            <Field
              label={t('request.notary')}
              name="notary"
              autoComplete="off"
              value={draft.notary}
              onChange={(event) => change('representative.powerOfAttorney.notary', { notary: event.target.value })}
              error={poaField('notary') ?? poaField('certifiedBy')}
            />
          ) : (
            <Field
              label={t('request.certifiedBy')}
              name="certifiedBy"
              hint={t('hint.certifiedBy')}
              autoComplete="off"
              value={draft.certifiedBy}
              onChange={(event) => change('representative.powerOfAttorney.certifiedBy', { certifiedBy: event.target.value })}
              error={poaField('certifiedBy') ?? poaField('notary')}
            />
          )}
          <p className="subform-note">{t('request.poaRule')}</p>
          {rule.checkedInNotaryDatabase && <p className="subform-note">{t('request.checkedInNotaryDatabase')}</p>}
        </fieldset>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t(rule?.checkedInNotaryDatabase && draft.withRepresentative ? 'request.submitWithNotary' : 'request.submit')}
        </Button>
      </div>
    </form>
  );
}
