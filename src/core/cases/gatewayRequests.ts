/**
 * Which messages to the state systems a step of the act calls for, and how their answers read.
 * The engine writes these into the outbox in the same transaction as the transition into the
 * step, so a case never stands at a gateway step without its request on the way.
 */
import type { Channel, Regulation, Step } from '../../shared/regulation';
import type { PersonRecord, PowerOfAttorneyRecord, Submission } from '../gateway/port';
import type { Request } from '../outbox/messages';
import type { CaseRecord, Checks, StoredApplicant } from './caseStore';

/** The look-ups of a state-database request: ЖТ МДҚ always, БНАЖ where the act adds it and a representative came. */
export function lookupsOf(step: Step, record: CaseRecord): Request['kind'][] {
  const lookups = step.kind === 'process' && step.lookups ? step.lookups : ['person'];
  return ['person', ...(lookups.includes('powerOfAttorney') && record.representative ? (['powerOfAttorney'] as const) : [])];
}

export function missingDocuments(regulation: Regulation, record: CaseRecord) {
  return regulation.requiredDocuments.filter((d) => !d.optional && !record.documentsTaken.includes(d.id));
}

export function submissionOf(record: CaseRecord, regulation: Regulation, channel: Channel, signature: string | null): Submission {
  return {
    caseNumber: record.number,
    targetSystem: channel.targetSystem ?? 'regionalGateway',
    regulationId: regulation.id,
    serviceCode: regulation.service.code,
    applicantIin: record.applicant!.iin,
    representativeIin: record.representative?.iin ?? null,
    documents: record.documentsTaken,
    missingDocuments: missingDocuments(regulation, record).map((d) => ({ id: d.id, title: { kk: d.title.kk, ru: d.title.ru } })),
    signature,
  };
}

/** The requests a case makes on entering `step`, given the case as it will stand there. */
export function requestsOnEntering(
  step: Step | undefined,
  record: CaseRecord,
  regulation: Regulation,
  channel: Channel,
  /** The operator's signed request (base64), kept with the case since the counter part. */
  signatureOf: () => string | null,
): Request[] {
  switch (step?.effect) {
    case 'stateDatabaseRequest':
      return lookupsOf(step, record).map((kind): Request =>
        kind === 'person'
          ? { kind: 'person', iin: record.applicant!.iin }
          : {
              kind: 'powerOfAttorney',
              query: {
                number: record.representative!.powerOfAttorney.number,
                principalIin: record.applicant!.iin,
                representativeIin: record.representative!.iin,
              },
            },
      );
    case 'forward':
      // Forwarding is the operator's act: it goes by itself only once the counter part is done.
      return record.counterDone ? [{ kind: 'submit', submission: submissionOf(record, regulation, channel, signatureOf()) }] : [];
    case 'documentCheck':
      return record.registrationNumber ? [{ kind: 'status', registrationNumber: record.registrationNumber }] : [];
    default:
      return [];
  }
}

/** What process 3 learned: the applicant as ЖТ МДҚ knows them, and the checks condition 1 decides on. */
export function lookupResult(
  record: CaseRecord,
  person: PersonRecord | null,
  powerOfAttorney: PowerOfAttorneyRecord | null | undefined,
  today: string,
): { applicant: StoredApplicant | null; checks: Checks } {
  const applicant = person
    ? {
        iin: person.iin,
        fullName: [person.surname, person.name, person.patronymic].filter(Boolean).join(' '),
        birthDate: person.birthDate,
        address: person.address,
        deceased: person.deceased,
      }
    : record.applicant;
  const checks: Checks = { personFound: Boolean(person) };
  if (powerOfAttorney !== undefined) {
    checks.powerOfAttorneyFound = Boolean(powerOfAttorney && !powerOfAttorney.revoked && powerOfAttorney.validUntil >= today);
  }
  return { applicant, checks };
}
