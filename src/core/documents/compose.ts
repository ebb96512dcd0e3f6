/**
 * The documents an applicant takes away: the receipt (қолхат), the process-4 notice that the
 * data cannot be obtained, the reasoned refusal for deficient documents, and the record of the
 * result's issuance. Composed here, in the applicant's language, and stored with the case.
 */
import type { DocumentLocale, PrintedDocument } from '../../shared/cases';
import type { Regulation, Step } from '../../shared/regulation';
import { wordedDate, wordedDateTime } from './dates';
import { WORDS } from './words';

export interface DocumentFacts {
  locale: DocumentLocale;
  regulation: Regulation;
  caseNumber: string;
  createdAt: string; // ISO instant
  localTime: string; // 'YYYY-MM-DD HH:MM' on the branch clock
  applicant: { iin: string; fullName: string | null };
  representative: { iin: string; fullName: string; poaNumber: string; poaDate: string } | null;
  operatorName: string;
}

function header(f: DocumentFacts): { label: string; value: string }[] {
  const w = WORDS[f.locale];
  const fields: { label: string; value: string }[] = [
    { label: w.caseNumber, value: f.caseNumber },
    { label: w.service, value: f.regulation.service.title[f.locale] },
    { label: w.act, value: `${f.regulation.act.authority[f.locale]}, № ${f.regulation.act.number}, ${wordedDate(f.regulation.act.date, f.locale)}` },
    { label: w.applicant, value: [f.applicant.fullName, `${w.iin} ${f.applicant.iin}`].filter(Boolean).join(', ') },
  ];
  if (f.representative) {
    fields.push({ label: w.representative, value: `${f.representative.fullName}, ${w.iin} ${f.representative.iin}` });
    fields.push({ label: w.powerOfAttorney, value: `№ ${f.representative.poaNumber}, ${wordedDate(f.representative.poaDate, f.locale)}` });
  }
  return fields;
}

const stepLabel = (f: DocumentFacts, step: Step) =>
  step.kind === 'start' ? '' : WORDS[f.locale].step(step.kind, step.number);

/** The act and the step a notice rests on: "Основание: Акимат …, № 285 от …, процесс 7 («…»)". */
function basis(f: DocumentFacts, step: Step): string {
  const w = WORDS[f.locale];
  const act = `${f.regulation.act.authority[f.locale]}, № ${f.regulation.act.number}, ${wordedDate(f.regulation.act.date, f.locale)}`;
  return `${w.basis}: ${act}; ${stepLabel(f, step)} («${step.title[f.locale]}»)`;
}

export function receipt(
  f: DocumentFacts,
  taken: string[],
  missing: string[],
  expectedResultDate: string | null,
  expectedConfirmed: boolean,
  registrationNumber: string | null,
): PrintedDocument {
  const w = WORDS[f.locale];
  const titleOf = (id: string) => f.regulation.requiredDocuments.find((d) => d.id === id)?.title[f.locale] ?? id;
  const fields = [
    ...header(f),
    { label: w.acceptedAt, value: wordedDateTime(f.localTime, f.locale) },
    { label: w.expectedResult, value: expectedResultDate ? `${wordedDate(expectedResultDate, f.locale)}${expectedConfirmed ? '' : ` ${w.notConfirmed}`}` : '—' },
    { label: w.registrationNumber, value: registrationNumber ?? '—' },
    { label: w.operator, value: f.operatorName },
  ];
  return {
    kind: 'receipt',
    locale: f.locale,
    title: w.receipt,
    subtitle: w.corporation,
    fields,
    paragraphs: [
      ...(missing.length ? [`${w.documentsMissing}: ${missing.map(titleOf).join('; ')}`] : []),
      ...(registrationNumber ? [] : [w.pending]),
    ],
    list: { heading: w.documentsTaken, items: taken.map(titleOf) },
    signatures: [w.signOperator, w.signApplicant],
    pending: registrationNumber === null,
    createdAt: f.createdAt,
  };
}

export function refusalDataUnavailable(f: DocumentFacts, step: Step, personMissing: boolean, powerOfAttorneyMissing: boolean): PrintedDocument {
  const w = WORDS[f.locale];
  return {
    kind: 'refusalDataUnavailable',
    locale: f.locale,
    title: w.refusalDataUnavailable,
    subtitle: w.corporation,
    fields: [...header(f), { label: w.acceptedAt, value: wordedDateTime(f.localTime, f.locale) }, { label: w.operator, value: f.operatorName }],
    paragraphs: [
      ...(personMissing ? [w.notFoundPerson] : []),
      ...(powerOfAttorneyMissing ? [w.notFoundPowerOfAttorney] : []),
      basis(f, step),
    ],
    list: null,
    signatures: [w.signOperator],
    pending: false,
    createdAt: f.createdAt,
  };
}

export function refusalDocuments(f: DocumentFacts, step: Step, reason: string, registrationNumber: string | null): PrintedDocument {
  const w = WORDS[f.locale];
  return {
    kind: 'refusalDocuments',
    locale: f.locale,
    title: w.refusalDocuments,
    subtitle: f.regulation.provider[f.locale],
    fields: [
      ...header(f),
      { label: w.registrationNumber, value: registrationNumber ?? '—' },
      { label: w.issuedAt, value: wordedDateTime(f.localTime, f.locale) },
    ],
    paragraphs: [
      w.refusalIntro,
      `${w.reason}: ${reason}`,
      basis(f, step),
    ],
    list: null,
    signatures: [w.signOperator, w.signApplicant],
    pending: false,
    createdAt: f.createdAt,
  };
}

export function issuance(f: DocumentFacts, registrationNumber: string | null): PrintedDocument {
  const w = WORDS[f.locale];
  return {
    kind: 'issuance',
    locale: f.locale,
    title: w.issuance,
    subtitle: w.corporation,
    fields: [
      ...header(f),
      { label: w.registrationNumber, value: registrationNumber ?? '—' },
      { label: w.result, value: f.regulation.result[f.locale] },
      { label: w.issuedAt, value: wordedDateTime(f.localTime, f.locale) },
      { label: w.operator, value: f.operatorName },
    ],
    paragraphs: [],
    list: null,
    signatures: [w.signOperator, w.signApplicant],
    pending: false,
    createdAt: f.createdAt,
  };
}
