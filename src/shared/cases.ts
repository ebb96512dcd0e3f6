/** The contract's shapes for the service catalog, cases and the documents given to applicants. */
import { z } from 'zod';
import { OutboxMessageView } from './gateway';
import { Region, Text } from './regulation';
import { FullName, Id, Iin, IsoTime } from './schemas';

/** Where a case stands once its flow is over: the step id it keeps after the act's last step. */
export const ENDED_WITH_RESULT = 'endedWithResult';
export const ENDED_WITH_REFUSAL = 'endedWithRefusal';

export const CASE_STATUSES = ['inProgress', 'waitingTarget', 'refused', 'resultReady', 'issued'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const DocumentLocale = z.enum(['kk', 'ru']);
export type DocumentLocale = z.infer<typeof DocumentLocale>;

/** Why a service is or is not offered at this counter today — and what to tell the applicant. */
export const AVAILABILITIES = ['available', 'noStateCorporationChannel', 'repealed', 'notYetInForce', 'otherRegion'] as const;
export const Availability = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof Availability>;

export const CatalogEntry = z.object({
  regulationId: z.string(),
  serviceCode: z.string(),
  title: Text,
  region: Region,
  act: z.object({ authority: Text, number: z.string(), date: z.string() }),
  inForce: z.object({ from: z.string(), to: z.string().nullable() }),
  repealedBy: z.object({ number: z.string(), date: z.string() }).nullable(),
  channels: z.array(z.string()),
  availability: Availability,
  /** Whether a case may be opened: live counters only for available acts; training for any act with a counter flow. */
  openable: z.boolean(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const RegulationProblem = z.object({ file: z.string(), field: z.string(), reason: z.string() });

const DocumentNumber = z.string().trim().min(1).max(40);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');

/**
 * A representative's power of attorney. A notarised one is identified by number, date and
 * notary; the acts say that with a notarised power of attorney the details of a differently
 * certified one are not filled — a form that fills both is refused, not silently trimmed.
 */
export const PowerOfAttorney = z
  .strictObject({
    kind: z.enum(['notarised', 'otherCertified']),
    number: DocumentNumber,
    date: IsoDay,
    notary: z.string().trim().min(3).max(200).optional(),
    certifiedBy: z.string().trim().min(3).max(200).optional(),
  })
  .superRefine((poa, ctx) => {
    if (poa.kind === 'notarised') {
      if (!poa.notary) ctx.addIssue({ code: 'custom', message: 'poa.notaryRequired', path: ['notary'] });
      if (poa.certifiedBy) ctx.addIssue({ code: 'custom', message: 'poa.otherCertificationNotFilled', path: ['certifiedBy'] });
    } else {
      if (!poa.certifiedBy) ctx.addIssue({ code: 'custom', message: 'poa.certifiedByRequired', path: ['certifiedBy'] });
      if (poa.notary) ctx.addIssue({ code: 'custom', message: 'poa.notaryNotFilled', path: ['notary'] });
    }
  });
export type PowerOfAttorney = z.infer<typeof PowerOfAttorney>;

export const RepresentativeInput = z.strictObject({
  iin: Iin,
  fullName: FullName,
  powerOfAttorney: PowerOfAttorney,
});
export type RepresentativeInput = z.infer<typeof RepresentativeInput>;

export const CaseStep = z.object({
  step: z.string(),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  outcome: z.string().nullable(),
  /** When the step's norm runs out (null: the act gives no norm). */
  normDueAt: IsoTime.nullable(),
  breached: z.boolean(),
});

export const ApplicantView = z.object({
  iin: z.string(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  deceased: z.boolean(),
});

export const CaseView = z.object({
  id: Id,
  number: z.string(),
  regulationId: z.string(),
  channel: z.string(),
  step: z.string(),
  status: CaseStatus,
  outcome: z.enum(['result', 'refusal']).nullable(),
  version: z.number().int(),
  documentLocale: DocumentLocale,
  applicant: ApplicantView.nullable(),
  representative: z
    .object({ iin: z.string(), fullName: z.string(), powerOfAttorney: PowerOfAttorney })
    .nullable(),
  documentsTaken: z.array(z.string()),
  documentsMissing: z.boolean(),
  registrationNumber: z.string().nullable(),
  refusalReason: z.object({ kk: z.string(), ru: z.string() }).nullable(),
  expectedResultDate: z.string().nullable(),
  training: z.boolean(),
  steps: z.array(CaseStep),
  documents: z.array(z.object({ kind: z.enum(['receipt', 'refusalDataUnavailable', 'refusalDocuments', 'issuance']), createdAt: IsoTime })),
  survey: z.object({ processQuality: z.number().int(), informationQuality: z.number().int() }).nullable(),
  createdAt: IsoTime,
  /** Whether a message of this case still waits for the state systems' answer. */
  gatewayWaiting: z.boolean(),
  /** The counter part is done (signed, receipt given): the rest runs by itself when the link allows. */
  counterDone: z.boolean(),
  /** A refusal produced after the applicant left: they come back to collect it. */
  awaitingCollection: z.boolean(),
  /** The case's messages to the state systems, oldest first. */
  outbox: z.array(OutboxMessageView),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseSummary = z.object({
  id: Id,
  number: z.string(),
  regulationId: z.string(),
  serviceTitle: Text,
  status: CaseStatus,
  step: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  expectedResultDate: z.string().nullable(),
  awaitingCollection: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** A case with messages still waiting in the outbox, as the backlog screen lists it. */
export const BacklogCase = z.object({
  caseId: Id,
  caseNumber: z.string(),
  regulationId: z.string(),
  serviceTitle: Text,
  status: CaseStatus,
  step: z.string(),
  messages: z.array(OutboxMessageView),
});
export type BacklogCase = z.infer<typeof BacklogCase>;

export const DOCUMENT_KINDS = ['receipt', 'refusalDataUnavailable', 'refusalDocuments', 'issuance'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A document handed to the applicant, with its words already in the applicant's language. */
export const PrintedDocument = z.object({
  kind: DocumentKind,
  locale: DocumentLocale,
  title: z.string(),
  subtitle: z.string(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  paragraphs: z.array(z.string()),
  list: z.object({ heading: z.string(), items: z.array(z.string()) }).nullable(),
  signatures: z.array(z.string()),
  pending: z.boolean(),
  createdAt: IsoTime,
});
export type PrintedDocument = z.infer<typeof PrintedDocument>;

const Quality = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const caseInputs = {
  start: z.strictObject({ regulationId: z.string().min(1).max(80), documentLocale: DocumentLocale }),
  handOver: z.strictObject({
    caseId: Id,
    version: z.number().int().min(0),
    documents: z.array(z.string().min(1).max(40)).max(30),
  }),
  submitForm: z.strictObject({
    caseId: Id,
    version: z.number().int().min(0),
    applicantIin: Iin,
    representative: RepresentativeInput.nullable(),
  }),
  step: z.strictObject({ caseId: Id, version: z.number().int().min(0) }),
  /**
   * Sign and forward. Where the act's counter flow has no hand-over line (S2), the documents
   * the applicant presented are ticked here, with the scans, instead.
   */
  forward: z.strictObject({
    caseId: Id,
    version: z.number().int().min(0),
    documents: z.array(z.string().min(1).max(40)).max(30).optional(),
  }),
  survey: z.strictObject({ caseId: Id, processQuality: Quality, informationQuality: Quality }),
  list: z.strictObject({
    status: CaseStatus.optional(),
    /** An IIN (12 digits) or a case number, whole. */
    find: z.string().trim().max(40).optional(),
  }),
  document: z.strictObject({ caseId: Id, kind: DocumentKind }),
};
