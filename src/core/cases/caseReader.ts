/**
 * The one place cases are read, beside the engine that writes them: a case, its steps, documents
 * and survey; the case as the operator's screen shows it (with its messages to the state systems);
 * the lists the counter searches and the results waiting to be issued. The handlers, the branch
 * link's store, printing and training read through it and cannot move a case.
 *
 * The reports are the exception, on purpose: they read a whole period's cases and steps in a few
 * aggregate queries over covering indexes (`reports/reportRows.ts`); going case by case through
 * here would cost them the speed a month's report needs.
 */
import type { ParsedInput } from '../../shared/contract';
import type { CaseSummary, CaseView, DocumentKind, PrintedDocument } from '../../shared/cases';
import { checkIin } from '../../shared/iin';
import type { OutboxStore } from '../outbox/outboxStore';
import type { Catalog } from '../regulations/catalog';
import type { CaseRecord, CaseStore } from './caseStore';

export interface CaseReaderDeps {
  store: CaseStore;
  outbox: OutboxStore;
  catalog: Catalog;
  /** The blind index of an applicant's IIN: how a case is found by IIN without decrypting every row. */
  applicantIndex(iin: string): string;
  /** The start of today on the branch's clock, as an ISO instant. */
  startOfToday(): string;
}

export class CaseReader {
  constructor(private readonly d: CaseReaderDeps) {}

  get(caseId: number): CaseRecord | undefined {
    return this.d.store.get(caseId);
  }

  getDocument(caseId: number, kind: DocumentKind): PrintedDocument | null {
    return this.d.store.getDocument(caseId, kind);
  }

  /** The kinds of document the case holds, with when each was made. */
  documents(caseId: number) {
    return this.d.store.documents(caseId);
  }

  /** The case's steps in order, each against its norm. */
  steps(caseId: number) {
    return this.d.store.steps(caseId);
  }

  survey(caseId: number) {
    return this.d.store.survey(caseId);
  }

  /** The case as the operator's screen shows it: its steps against their norms, documents, survey and messages. */
  view(record: CaseRecord): CaseView {
    const outbox = this.d.outbox.views(record.id);
    return {
      id: record.id,
      number: record.number,
      regulationId: record.regulationId,
      channel: record.channel,
      step: record.step,
      status: record.status,
      outcome: record.outcome,
      version: record.version,
      documentLocale: record.documentLocale,
      applicant: record.applicant,
      representative: record.representative,
      documentsTaken: record.documentsTaken,
      documentsMissing: record.documentsMissing,
      registrationNumber: record.registrationNumber,
      refusalReason: record.refusalReason,
      expectedResultDate: record.expectedResultDate,
      training: record.training,
      steps: this.steps(record.id).map((s) => ({
        step: s.step,
        startedAt: s.started_at,
        endedAt: s.ended_at,
        outcome: s.outcome,
        normDueAt: s.norm_due_at,
        breached: s.breached === 1,
      })),
      documents: this.documents(record.id),
      survey: this.survey(record.id),
      createdAt: record.createdAt,
      gatewayWaiting: outbox.some((m) => m.state !== 'done'),
      counterDone: record.counterDone,
      awaitingCollection: record.awaitingCollection,
      outbox,
    };
  }

  /** The counter's search: by the applicant's IIN, by a case number (whole), or today's cases; optionally of one status. */
  list({ status, find }: ParsedInput<'cases.list'>): CaseSummary[] {
    let records: CaseRecord[];
    if (find && /^\d{12}$/.test(find)) {
      records = checkIin(find).ok ? this.d.store.byApplicantIndex(this.d.applicantIndex(find)) : [];
    } else if (find) {
      const one = this.d.store.byNumber(find.toUpperCase());
      records = one ? [one] : [];
    } else {
      records = this.d.store.createdSince(this.d.startOfToday());
    }
    return records.filter((r) => !status || r.status === status).map((r) => this.summary(r));
  }

  /** Results ready to issue and refusals waiting for the applicant, oldest first. */
  toIssue(): CaseSummary[] {
    return this.d.store.toIssue().map((r) => this.summary(r));
  }

  private summary(r: CaseRecord): CaseSummary {
    return {
      id: r.id,
      number: r.number,
      regulationId: r.regulationId,
      serviceTitle: this.d.catalog.get(r.regulationId)?.service.title ?? { kk: r.regulationId, ru: r.regulationId, en: r.regulationId },
      status: r.status,
      step: r.step,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      expectedResultDate: r.expectedResultDate,
      awaitingCollection: r.awaitingCollection,
    };
  }
}
