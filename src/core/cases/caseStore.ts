/** Cases in SQLite. Applicant and representative data are sealed; ids, steps and times are not. */
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus, DocumentKind, DocumentLocale, PowerOfAttorney, PrintedDocument } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { FieldCipher } from '../crypto/fieldCipher';

export interface StoredApplicant {
  iin: string;
  fullName: string | null;
  birthDate: string | null;
  address: string | null;
  deceased: boolean;
}

export interface StoredRepresentative {
  iin: string;
  fullName: string;
  powerOfAttorney: PowerOfAttorney;
}

export interface Checks {
  personFound?: boolean;
  powerOfAttorneyFound?: boolean;
}

export interface CaseRecord {
  id: number;
  number: string;
  regulationId: string;
  channel: string;
  step: string;
  status: CaseStatus;
  outcome: 'result' | 'refusal' | null;
  documentLocale: DocumentLocale;
  applicant: StoredApplicant | null;
  representative: StoredRepresentative | null;
  documentsTaken: string[];
  documentsMissing: boolean;
  checks: Checks;
  registrationNumber: string | null;
  refusalReason: { kk: string; ru: string } | null;
  expectedResultDate: string | null;
  training: boolean;
  counterDone: boolean;
  awaitingCollection: boolean;
  collectedAt: string | null;
  operatorId: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The fields a transition may change besides the step itself. */
export type CasePatch = Partial<
  Pick<
    CaseRecord,
    | 'status' | 'outcome' | 'applicant' | 'representative' | 'documentsTaken' | 'documentsMissing' | 'checks'
    | 'registrationNumber' | 'refusalReason' | 'expectedResultDate' | 'counterDone' | 'awaitingCollection' | 'collectedAt'
  >
>;

interface Row {
  id: number;
  number: string;
  regulation_id: string;
  channel: string;
  step: string;
  status: CaseStatus;
  outcome: 'result' | 'refusal' | null;
  document_locale: DocumentLocale;
  applicant_enc: Buffer | null;
  representative_enc: Buffer | null;
  documents_taken: string;
  documents_missing: number;
  checks: string;
  registration_number: string | null;
  refusal_reason: string | null;
  expected_result_date: string | null;
  training: number;
  counter_done: number;
  awaiting_collection: number;
  collected_at: string | null;
  operator_id: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StepRow {
  step: string;
  started_at: string;
  ended_at: string | null;
  outcome: string | null;
  norm_due_at: string | null;
  breached: number;
}

const APPLICANT = 'cases.applicant';
const REPRESENTATIVE = 'cases.representative';
const DOCUMENT = 'case_documents.body';

export function createCaseStore(db: Database, cipher: FieldCipher) {
  const seal = (column: string, value: unknown) => (value == null ? null : cipher.seal(column, JSON.stringify(value)));
  const open = <T>(column: string, sealed: Buffer | null): T | null => (sealed ? (JSON.parse(cipher.open(column, sealed)) as T) : null);

  const toRecord = (r: Row): CaseRecord => ({
    id: r.id,
    number: r.number,
    regulationId: r.regulation_id,
    channel: r.channel,
    step: r.step,
    status: r.status,
    outcome: r.outcome,
    documentLocale: r.document_locale,
    applicant: open<StoredApplicant>(APPLICANT, r.applicant_enc),
    representative: open<StoredRepresentative>(REPRESENTATIVE, r.representative_enc),
    documentsTaken: JSON.parse(r.documents_taken) as string[],
    documentsMissing: r.documents_missing === 1,
    checks: JSON.parse(r.checks) as Checks,
    registrationNumber: r.registration_number,
    refusalReason: r.refusal_reason ? (JSON.parse(r.refusal_reason) as { kk: string; ru: string }) : null,
    expectedResultDate: r.expected_result_date,
    training: r.training === 1,
    counterDone: r.counter_done === 1,
    awaitingCollection: r.awaiting_collection === 1,
    collectedAt: r.collected_at,
    operatorId: r.operator_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  });

  // One prepared statement per combination of changed columns: a handful in practice.
  const updates = new Map<string, Statement>();
  const q = {
    get: db.prepare('SELECT * FROM cases WHERE id = ?'),
    byNumber: db.prepare('SELECT * FROM cases WHERE number = ?'),
    byApplicant: db.prepare('SELECT * FROM cases WHERE applicant_index = ? ORDER BY id DESC LIMIT 200'),
    since: db.prepare('SELECT * FROM cases WHERE created_at >= ? ORDER BY created_at DESC LIMIT 500'),
    toIssue: db.prepare(
      `SELECT * FROM cases WHERE status = 'resultReady' OR awaiting_collection = 1 ORDER BY updated_at LIMIT 500`,
    ),
    withStatus: db.prepare('SELECT id FROM cases WHERE status = ? ORDER BY updated_at LIMIT ?'),
    insert: db.prepare(
      `INSERT INTO cases (number, regulation_id, channel, step, status, document_locale, training, operator_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'inProgress', ?, ?, ?, ?, ?)`,
    ),
    nextNumber: db.prepare(
      'INSERT INTO case_numbers (day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last',
    ),
    steps: db.prepare('SELECT step, started_at, ended_at, outcome, norm_due_at, breached FROM case_steps WHERE case_id = ? ORDER BY id'),
    openStep: db.prepare('INSERT INTO case_steps (case_id, step, started_at, norm_due_at, operator_id) VALUES (?, ?, ?, ?, ?)'),
    // Closes the step's open row and says whether it ran past its norm, in one statement.
    closeStep: db.prepare(
      `UPDATE case_steps SET ended_at = @at, outcome = @outcome, breached = (norm_due_at IS NOT NULL AND @at > norm_due_at)
       WHERE id = (SELECT max(id) FROM case_steps WHERE case_id = @caseId AND step = @step AND ended_at IS NULL)
       RETURNING breached`,
    ),
    putDocument: db.prepare(
      `INSERT INTO case_documents (case_id, kind, locale, body_enc, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(case_id, kind) DO UPDATE SET locale = excluded.locale, body_enc = excluded.body_enc, created_at = excluded.created_at`,
    ),
    getDocument: db.prepare('SELECT body_enc FROM case_documents WHERE case_id = ? AND kind = ?'),
    documents: db.prepare('SELECT kind, created_at FROM case_documents WHERE case_id = ? ORDER BY id'),
    putSurvey: db.prepare('INSERT INTO case_surveys (case_id, process_quality, information_quality, answered_at) VALUES (?, ?, ?, ?)'),
    survey: db.prepare('SELECT process_quality, information_quality FROM case_surveys WHERE case_id = ?'),
  };

  return {
    nextNumber(day: string): number {
      return (q.nextNumber.get(day) as { last: number }).last;
    },

    insert(c: { number: string; regulationId: string; channel: string; step: string; documentLocale: DocumentLocale; training: boolean; operatorId: number; at: string }): number {
      return Number(
        q.insert.run(c.number, c.regulationId, c.channel, c.step, c.documentLocale, c.training ? 1 : 0, c.operatorId, c.at, c.at).lastInsertRowid,
      );
    },

    get(id: number): CaseRecord | undefined {
      const r = q.get.get(id) as Row | undefined;
      return r && toRecord(r);
    },

    byNumber(number: string): CaseRecord | undefined {
      const r = q.byNumber.get(number) as Row | undefined;
      return r && toRecord(r);
    },

    byApplicantIndex(index: string): CaseRecord[] {
      return (q.byApplicant.all(index) as Row[]).map(toRecord);
    },

    createdSince(iso: string): CaseRecord[] {
      return (q.since.all(iso) as Row[]).map(toRecord);
    },

    /** Results ready to issue and refusals waiting for the applicant, oldest first. */
    toIssue: (): CaseRecord[] => (q.toIssue.all() as Row[]).map(toRecord),

    idsWithStatus: (status: CaseStatus, limit: number): number[] =>
      (q.withStatus.all(status, limit) as { id: number }[]).map((r) => r.id),

    /** Moves the case to `step` with `patch`, if nobody moved it since `version` was read. */
    update(id: number, version: number, step: string, patch: CasePatch, at: string, applicantIndex?: string): void {
      const sets: string[] = ['step = ?', 'updated_at = ?', 'version = version + 1'];
      const args: unknown[] = [step, at];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        args.push(value);
      };
      if (patch.status !== undefined) set('status', patch.status);
      if (patch.outcome !== undefined) set('outcome', patch.outcome);
      if (patch.applicant !== undefined) set('applicant_enc', seal(APPLICANT, patch.applicant));
      if (applicantIndex !== undefined) set('applicant_index', applicantIndex);
      if (patch.representative !== undefined) set('representative_enc', seal(REPRESENTATIVE, patch.representative));
      if (patch.documentsTaken !== undefined) set('documents_taken', JSON.stringify(patch.documentsTaken));
      if (patch.documentsMissing !== undefined) set('documents_missing', patch.documentsMissing ? 1 : 0);
      if (patch.checks !== undefined) set('checks', JSON.stringify(patch.checks));
      if (patch.counterDone !== undefined) set('counter_done', patch.counterDone ? 1 : 0);
      if (patch.awaitingCollection !== undefined) set('awaiting_collection', patch.awaitingCollection ? 1 : 0);
      if (patch.collectedAt !== undefined) set('collected_at', patch.collectedAt);
      if (patch.registrationNumber !== undefined) set('registration_number', patch.registrationNumber);
      if (patch.refusalReason !== undefined) set('refusal_reason', patch.refusalReason && JSON.stringify(patch.refusalReason));
      if (patch.expectedResultDate !== undefined) set('expected_result_date', patch.expectedResultDate);
      const sql = `UPDATE cases SET ${sets.join(', ')} WHERE id = ? AND version = ?`;
      let statement = updates.get(sql);
      if (!statement) updates.set(sql, (statement = db.prepare(sql)));
      const changed = statement.run(...args, id, version).changes;
      if (changed !== 1) throw new AppError('CASE_CHANGED');
    },

    steps: (caseId: number) => q.steps.all(caseId) as StepRow[],
    openStep(caseId: number, step: string, at: string, normDueAt: string | null, operatorId: number | null) {
      q.openStep.run(caseId, step, at, normDueAt, operatorId);
    },
    /** Closes the step's open row; returns whether it ran past its norm. */
    closeStep(caseId: number, step: string, at: string, outcome: string): boolean {
      const closed = q.closeStep.get({ at, outcome, caseId, step }) as { breached: number } | undefined;
      return closed?.breached === 1;
    },

    putDocument(caseId: number, doc: PrintedDocument) {
      q.putDocument.run(caseId, doc.kind, doc.locale, seal(DOCUMENT, doc), doc.createdAt);
    },
    getDocument(caseId: number, kind: DocumentKind): PrintedDocument | null {
      const r = q.getDocument.get(caseId, kind) as { body_enc: Buffer } | undefined;
      return r ? open<PrintedDocument>(DOCUMENT, r.body_enc) : null;
    },
    documents: (caseId: number) =>
      (q.documents.all(caseId) as { kind: DocumentKind; created_at: string }[]).map((d) => ({ kind: d.kind, createdAt: d.created_at })),

    putSurvey(caseId: number, processQuality: number, informationQuality: number, at: string) {
      q.putSurvey.run(caseId, processQuality, informationQuality, at);
    },
    survey(caseId: number) {
      const r = q.survey.get(caseId) as { process_quality: number; information_quality: number } | undefined;
      return r ? { processQuality: r.process_quality, informationQuality: r.information_quality } : null;
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
