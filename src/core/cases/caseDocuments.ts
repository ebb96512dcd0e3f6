/**
 * What the printed documents of a case state, taken from the case as it stands: the facts every
 * document carries (language, act, number, applicant, representative, operator, time on the
 * branch's clock) and the receipt. The command side makes the pending receipt at forwarding; the
 * reactor side makes the numbered one when the target system registers the request.
 */
import type { PrintedDocument } from '../../shared/cases';
import type { OperatorRecord } from '../auth/operatorStore';
import type { TermClock } from '../calendar/termClock';
import { iso } from '../clock';
import * as documents from '../documents/compose';
import type { LoadedCase } from './caseFlow';
import { missingDocuments } from './gatewayRequests';

/** The facts stated by any document made at `atMs`, under `operator`'s name ('—' when nobody). */
export function documentFacts(c: LoadedCase, operator: OperatorRecord | null, clock: TermClock, atMs: number): documents.DocumentFacts {
  const r = c.record.representative;
  return {
    locale: c.record.documentLocale,
    regulation: c.regulation,
    caseNumber: c.record.number,
    createdAt: iso(atMs),
    localTime: clock.wallClock(atMs),
    applicant: { iin: c.record.applicant?.iin ?? '—', fullName: c.record.applicant?.fullName ?? null },
    representative: r && { iin: r.iin, fullName: r.fullName, poaNumber: r.powerOfAttorney.number, poaDate: r.powerOfAttorney.date },
    operatorName: operator?.fullName ?? '—',
  };
}

/**
 * The applicant's receipt: the documents taken and missing, the expected result date (marked
 * when the calendar of its year is not confirmed), and the registration number once there is one.
 */
export function receiptOf(
  c: LoadedCase,
  operator: OperatorRecord | null,
  clock: TermClock,
  atMs: number,
  registrationNumber: string | null,
): PrintedDocument {
  return documents.receipt(
    documentFacts(c, operator, clock, atMs),
    c.record.documentsTaken,
    missingDocuments(c.regulation, c.record).map((d) => d.id),
    c.record.expectedResultDate,
    c.record.expectedResultDate ? clock.isConfirmed(c.record.expectedResultDate) : true,
    registrationNumber,
  );
}
