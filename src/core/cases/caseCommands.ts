/**
 * The command side of the case engine: the operator's actions at the counter. Each takes the
 * contract's own parsed input for its call and the operator who acts, checks that the case stands
 * where the action belongs (and at the version the screen showed), takes the step, and lets the
 * reactor run the steps that follow by themselves — all in one transaction, one action at a time
 * per case. Actions that send something to the state systems then wait, briefly and only online,
 * for the answer, so the operator sees the case as it stands after it.
 */
import type { ParsedInput } from '../../shared/contract';
import type { PrintedDocument, RepresentativeInput } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { Channel, Regulation } from '../../shared/regulation';
import type { OperatorRecord } from '../auth/operatorStore';
import { iso } from '../clock';
import * as documents from '../documents/compose';
import { documentFacts, receiptOf } from './caseDocuments';
import type { CaseFlow, LoadedCase } from './caseFlow';
import type { CaseReactor } from './caseReactor';
import type { CasePatch, CaseRecord } from './caseStore';
import { deadlineTerms } from './deadline';

/** Where "sign and forward" may be done: at its own steps, or ahead while process 3 waits for the link. */
const COUNTER_PART_EFFECTS = ['stateDatabaseRequest', 'scanAndSign', 'forward'];

export class CaseCommands {
  /** One operator action at a time per case. */
  private readonly busy = new Map<number, Promise<unknown>>();

  constructor(
    private readonly flow: CaseFlow,
    private readonly reactor: CaseReactor,
  ) {}

  private get d() {
    return this.flow.d;
  }

  /** Opens a case under the act's State Corporation channel; process 1 (the login) is done at once. */
  async start({ regulationId, documentLocale }: ParsedInput<'cases.start'>, operator: OperatorRecord): Promise<CaseRecord> {
    const regulation = this.d.regulation(regulationId);
    const channel = regulation?.channels.find((c) => c.kind === 'stateCorporation');
    if (!regulation || !channel) throw new AppError('SERVICE_NOT_OFFERED');
    const { services: s, store } = this.d;
    const nowMs = this.flow.nowMs();
    const at = iso(nowMs);
    const first = channel.steps[0]!;
    // The case and the steps that run by themselves from its start (process 1) in one transaction.
    return s.db.transaction(() => {
      const day = this.d.clock.dateOf(nowMs);
      const seq = store.nextNumber(day);
      const number = `${regulation.service.queueGroup}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
      const caseId = store.insert({
        number, regulationId, channel: channel.kind, step: first.id, documentLocale, training: s.training, operatorId: operator.id, at,
      });
      store.openStep(caseId, first.id, at, this.flow.normDue(first, nowMs), operator.id);
      s.audit.append({ actorId: operator.id, action: 'cases.opened', subject: `case:${caseId}`, detail: { regulationId } });
      // A flow that begins with process 1 (no hand-over line) moves on at once: the operator is logged in.
      return this.reactor.advance(caseId, operator);
    }).immediate();
  }

  /** The applicant hands the documents over: the ones taken are ticked against the act's list. */
  handOver({ caseId, version, documents: taken }: ParsedInput<'cases.handOver'>, operator: OperatorRecord): Promise<CaseRecord> {
    return this.serial(caseId, () => {
      const c = this.flow.current(caseId, version, 'handOver');
      return this.reactor.advance(caseId, operator, this.flow.transition(c, { type: 'COMPLETE' }, this.documentsPatch(c, taken), operator));
    });
  }

  /** Process 2: the applicant by IIN, and a representative with a power of attorney. Process 3's look-ups go out with it. */
  async submitForm({ caseId, version, applicantIin, representative }: ParsedInput<'cases.submitForm'>, operator: OperatorRecord): Promise<CaseRecord> {
    await this.serial(caseId, () => {
      const c = this.flow.current(caseId, version, 'requestForm');
      if (representative) checkRepresentative(c.regulation, applicantIin, representative);
      const next = this.flow.transition(
        c,
        { type: 'COMPLETE' },
        {
          applicant: { iin: applicantIin, fullName: null, birthDate: null, address: null, deceased: false },
          representative: representative && { iin: representative.iin, fullName: representative.fullName, powerOfAttorney: representative.powerOfAttorney },
        },
        operator,
        { applicantIndex: this.d.applicantIndex(applicantIin) },
      );
      return this.reactor.advance(caseId, operator, next);
    });
    return this.answered(caseId);
  }

  /**
   * Sign and forward: the counter part is done. The applicant gets a receipt (marked pending
   * until the target system registers the request), and forwarding goes by itself as soon as the
   * act's order and the link allow — at once online; after process 3 and condition 1 when the
   * case still waits for them. Where the act has a separate scan-and-sign process (S2), it is done here.
   */
  async forward({ caseId, version, documents: taken }: ParsedInput<'cases.forward'>, operator: OperatorRecord): Promise<CaseRecord> {
    await this.serial(caseId, () => {
      const c = this.flow.current(caseId, version, ...COUNTER_PART_EFFECTS);
      if (c.record.counterDone) throw new AppError('ALREADY_DONE');
      // Documents are ticked once: at the hand-over where the act has one, otherwise here.
      if (hasHandOver(c.channel) === (taken !== undefined)) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'documents', reason: taken ? 'documents.alreadyTaken' : 'required' }] });
      }
      const patch: CasePatch = { ...(taken ? this.documentsPatch(c, taken) : {}), counterDone: true };
      // Signed with the operator's ЭЦП, and the signature still covers the scans as they are.
      this.d.signatures.forForwarding(caseId);
      const done: LoadedCase = { ...c, record: { ...c.record, ...patch } };
      const nowMs = this.flow.nowMs();
      const receipt = receiptOf(done, operator, this.d.clock, nowMs, null);
      const { services: s, store } = this.d;
      s.db.transaction(() => {
        store.update(caseId, c.record.version, c.record.step, patch, iso(nowMs));
        store.putDocument(caseId, receipt);
        // Standing at the forward step already: the request goes now, with this change.
        const step = this.flow.stepOf(c.channel, c.record.step);
        if (step?.effect === 'forward') this.flow.sendRequestsOf(c, step, done.record, nowMs);
        s.audit.append({ actorId: operator.id, action: 'cases.counterDone', subject: `case:${caseId}`, detail: { step: c.record.step } });
      }).immediate();
      return this.reactor.advance(caseId, operator);
    });
    return this.answered(caseId);
  }

  /** Process 8 (9 in S2): the applicant receives the result through the operator. */
  issue({ caseId, version }: ParsedInput<'cases.issue'>, operator: OperatorRecord): Promise<CaseRecord> {
    return this.serial(caseId, () => {
      const c = this.flow.current(caseId, version, 'issueResult');
      const record = documents.issuance(documentFacts(c, operator, this.d.clock, this.flow.nowMs()), c.record.registrationNumber);
      return this.flow.transition(c, { type: 'COMPLETE' }, {}, operator, { document: record }).record;
    });
  }

  /** A refusal produced after the applicant left has been handed to them. */
  handOverRefusal({ caseId, version }: ParsedInput<'cases.handOverRefusal'>, operator: OperatorRecord): Promise<CaseRecord> {
    return this.serial(caseId, () => {
      const { record } = this.flow.load(caseId);
      if (record.version !== version) throw new AppError('CASE_CHANGED');
      if (!record.awaitingCollection) throw new AppError('ALREADY_DONE');
      const at = iso(this.flow.nowMs());
      const { services: s, store } = this.d;
      s.db.transaction(() => {
        store.update(caseId, version, record.step, { awaitingCollection: false, collectedAt: at }, at);
        s.audit.append({ actorId: operator.id, action: 'cases.refusalCollected', subject: `case:${caseId}` });
      }).immediate();
      return store.get(caseId)!;
    });
  }

  /**
   * Tries the case's waiting messages again now (the link is back, the provider may have decided).
   * Nothing is recorded under the operator's name: the retry is the sender's.
   */
  async refresh({ caseId }: ParsedInput<'cases.refresh'>): Promise<CaseRecord> {
    this.flow.load(caseId);
    this.d.outbox.retryCaseNow(caseId, this.flow.nowMs());
    return this.answered(caseId);
  }

  /** The applicant's answers to the survey, once, after the case has ended. */
  survey({ caseId, processQuality, informationQuality }: ParsedInput<'cases.survey'>, operator: OperatorRecord): CaseRecord {
    const { record } = this.flow.load(caseId);
    if (record.status !== 'issued' && record.status !== 'refused') throw new AppError('STEP_OUT_OF_ORDER');
    const { services: s, store } = this.d;
    if (store.survey(caseId)) throw new AppError('ALREADY_DONE');
    s.db.transaction(() => {
      store.putSurvey(caseId, processQuality, informationQuality, iso(this.flow.nowMs()));
      s.audit.append({ actorId: operator.id, action: 'cases.surveyed', subject: `case:${caseId}` });
    }).immediate();
    return store.get(caseId)!;
  }

  /** The case opened on the operator's screen: the applicant's personal data is shown, and that leaves a trace. */
  show({ caseId }: ParsedInput<'cases.get'>, operator: OperatorRecord): CaseRecord {
    const record = this.d.store.get(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    this.d.services.audit.append({ actorId: operator.id, action: 'cases.viewed', subject: `case:${caseId}` });
    return record;
  }

  /** A stored document shown again word for word; showing it leaves a trace. */
  document({ caseId, kind }: ParsedInput<'cases.document'>, operator: OperatorRecord): PrintedDocument {
    const doc = this.d.store.getDocument(caseId, kind);
    if (!doc) throw new AppError('NOT_FOUND');
    this.d.services.audit.append({ actorId: operator.id, action: 'cases.documentShown', subject: `case:${caseId}`, detail: { kind } });
    return doc;
  }

  /**
   * Runs `work` after any operation already running on the same case, as one transaction: an
   * action and the automatic steps it sets off commit together, so a crash never leaves a case
   * standing at a step that should have run by itself.
   */
  private serial<T>(caseId: number, work: () => T): Promise<T> {
    const before = this.busy.get(caseId) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.d.services.db.transaction(work).immediate());
    this.busy.set(caseId, run);
    return run.finally(() => {
      if (this.busy.get(caseId) === run) this.busy.delete(caseId);
    });
  }

  /** After an action: wait (online, briefly) for the state systems to answer, then the case as it stands. */
  private async answered(caseId: number): Promise<CaseRecord> {
    this.d.sender.wake();
    await this.d.sender.settled(caseId, this.d.settleMs());
    return this.d.store.get(caseId)!;
  }

  /** Records the documents taken, and the result date they lead to (the longer term when some are missing). */
  private documentsPatch(c: LoadedCase, taken: string[]): CasePatch {
    const known = new Set(c.regulation.requiredDocuments.map((d) => d.id));
    if (taken.some((t) => !known.has(t))) {
      throw new AppError({ code: 'VALIDATION', issues: [{ path: 'documents', reason: 'documents.unknown' }] });
    }
    const documentsMissing = c.regulation.requiredDocuments.some((d) => !d.optional && !taken.includes(d.id));
    const expected = this.d.clock.due(this.flow.nowMs(), deadlineTerms(c.regulation, c.channel, documentsMissing));
    return {
      documentsTaken: [...new Set(taken)],
      documentsMissing,
      expectedResultDate: c.channel.deadline ? expected.date : null,
    };
  }
}

function hasHandOver(channel: Channel): boolean {
  return channel.steps.some((s) => s.effect === 'handOver');
}

/** The act's rules for a representative, checked field by field. */
function checkRepresentative(regulation: Regulation, applicantIin: string, representative: RepresentativeInput): void {
  const rule = regulation.representative;
  if (!rule) throw new AppError({ code: 'VALIDATION', issues: [{ path: 'representative', reason: 'representative.notAllowed' }] });
  if (representative.iin === applicantIin) {
    throw new AppError({ code: 'VALIDATION', issues: [{ path: 'representative.iin', reason: 'representative.sameAsApplicant' }] });
  }
  if (rule.notarisedOnly && representative.powerOfAttorney.kind !== 'notarised') {
    throw new AppError({ code: 'VALIDATION', issues: [{ path: 'representative.powerOfAttorney.kind', reason: 'poa.notarisedRequired' }] });
  }
}
