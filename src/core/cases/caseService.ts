/**
 * The case engine: walks one applicant's request through the numbered processes and conditions
 * of an act's State Corporation channel. The operator's actions (hand-over, the request form,
 * sign-and-forward, issuing the result) are calls; the steps the act gives to the workstation and
 * to the state systems run by themselves right after, in the act's order. Every transition is
 * one transaction: the step row closed against its norm, the next one opened, the case moved,
 * the audit row written.
 */
import type { CaseView, DocumentLocale, PrintedDocument, RepresentativeInput } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { Channel, Regulation, Step } from '../../shared/regulation';
import type { OperatorRecord } from '../auth/operatorStore';
import type { TermClock } from '../calendar/termClock';
import { iso } from '../clock';
import * as documents from '../documents/compose';
import type { Answer, OutboxMessage, Request } from '../outbox/messages';
import type { OutboxStore } from '../outbox/outboxStore';
import type { Services } from '../services';
import type { CasePatch, CaseRecord, CaseStore } from './caseStore';
import { deadlineTerms } from './deadline';
import { flowMachine, isEnded, nextState, type FlowEvent } from './flowMachine';
import { lookupResult, lookupsOf, missingDocuments, requestsOnEntering } from './gatewayRequests';

export interface CaseEngineDeps {
  services: Services;
  store: CaseStore;
  outbox: OutboxStore;
  /** The sender: woken when messages are written; waited on so that, online, a call returns with the answer. */
  sender: { wake(): void; settled(caseId: number, timeoutMs: number): Promise<void> };
  /**
   * The operator's signature: what forwarding sends (refusing, on a counter that requires it, a
   * case whose request is unsigned or whose scans changed since), and what the case keeps.
   */
  signatures: { forForwarding(caseId: number): string | null; kept(caseId: number): string | null };
  /** How long an operator's call waits for the state systems before showing the case as waiting. */
  settleMs(): number;
  clock: TermClock;
  regulation(id: string): Regulation | undefined;
  applicantIndex(iin: string): string;
}

const MANUAL_EFFECTS = new Set(['handOver', 'requestForm', 'scanAndSign', 'forward', 'issueResult', 'reference']);
/** Where "sign and forward" may be done: at its own steps, or ahead while process 3 waits for the link. */
const COUNTER_PART_EFFECTS = ['stateDatabaseRequest', 'scanAndSign', 'forward'];

type Loaded = { record: CaseRecord; regulation: Regulation; channel: Channel };

export class CaseEngine {
  private readonly machines = new Map<string, ReturnType<typeof flowMachine>>();
  /** One operator action at a time per case. */
  private readonly busy = new Map<number, Promise<unknown>>();

  constructor(private readonly d: CaseEngineDeps) {}

  private get s() {
    return this.d.services;
  }

  private now() {
    return iso(this.s.clock.now());
  }

  /**
   * Runs `work` after any operation already running on the same case, as one transaction: an
   * action and the automatic steps it sets off commit together, so a crash never leaves a case
   * standing at a step that should have run by itself.
   */
  private serial<T>(caseId: number, work: () => T): Promise<T> {
    const before = this.busy.get(caseId) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.s.db.transaction(work).immediate());
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

  private load(caseId: number): Loaded {
    const record = this.d.store.get(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    const regulation = this.d.regulation(record.regulationId);
    const channel = regulation?.channels.find((c) => c.kind === record.channel);
    if (!regulation || !channel) throw new AppError('SERVICE_NOT_OFFERED');
    return { record, regulation, channel };
  }

  private machine(regulation: Regulation, channel: Channel) {
    const key = `${regulation.id}/${channel.kind}`;
    let m = this.machines.get(key);
    if (!m) this.machines.set(key, (m = flowMachine(key, channel)));
    return m;
  }

  private stepOf(channel: Channel, id: string): Step | undefined {
    return channel.steps.find((s) => s.id === id);
  }

  private normDue(step: Step | undefined, at: number): string | null {
    return step?.norm ? iso(this.d.clock.add(at, { amount: step.norm.max, unit: step.norm.unit })) : null;
  }

  /** The status a case has at a step, before or after the flow ends. */
  private statusAt(channel: Channel, state: string, outcome: 'result' | 'refusal' | null): CasePatch['status'] {
    if (isEnded(state)) return outcome === 'result' ? 'issued' : 'refused';
    const step = this.stepOf(channel, state);
    if (step?.effect === 'issueResult') return 'resultReady';
    if (step?.effect === 'documentCheck') return 'waitingTarget';
    return 'inProgress';
  }

  private enqueue(c: Loaded, requests: Request[], nowMs: number) {
    for (const request of requests) this.d.outbox.enqueue(c.record.id, c.record.number, request, nowMs);
  }

  /**
   * One step of the act, taken: closes the step against its norm, opens the next, moves the case,
   * and writes the messages the next step sends — all in one transaction.
   */
  private transition(
    c: Loaded,
    event: FlowEvent,
    patch: CasePatch,
    operator: OperatorRecord | null,
    extra: { applicantIndex?: string; document?: PrintedDocument } = {},
  ): Loaded {
    const from = c.record.step;
    const to = nextState(this.machine(c.regulation, c.channel), from, event);
    if (!to) throw new AppError('STEP_OUT_OF_ORDER');
    const nowMs = this.s.clock.now();
    const at = iso(nowMs);
    const outcome = event.type === 'ANSWER' ? (event.yes ? 'yes' : 'no') : 'done';
    const ended = isEnded(to) ? (to === 'endedWithResult' ? 'result' : 'refusal') : null;
    const toStep = this.stepOf(c.channel, to);
    const moved: CasePatch = { ...patch, status: this.statusAt(c.channel, to, ended), ...(ended ? { outcome: ended } : {}) };
    this.s.db.transaction(() => {
      const breached = this.d.store.closeStep(c.record.id, from, at, outcome);
      if (!ended) this.d.store.openStep(c.record.id, to, at, this.normDue(toStep, nowMs), operator?.id ?? null);
      this.d.store.update(c.record.id, c.record.version, to, moved, at, extra.applicantIndex);
      if (extra.document) this.d.store.putDocument(c.record.id, extra.document);
      this.enqueue(c, requestsOnEntering(toStep, { ...c.record, ...patch }, c.regulation, c.channel, () => this.d.signatures.kept(c.record.id)), nowMs);
      this.s.audit.append({
        actorId: operator?.id ?? null,
        action: 'cases.step',
        subject: `case:${c.record.id}`,
        detail: { from, to, outcome, breached },
      });
    }).immediate();
    // The case as it now stands, without reading it back: the row holds exactly this.
    return { ...c, record: { ...c.record, ...moved, step: to, version: c.record.version + 1, updatedAt: at } };
  }

  // ---- the operator's actions ----

  async open(regulationId: string, documentLocale: DocumentLocale, operator: OperatorRecord): Promise<CaseRecord> {
    const regulation = this.d.regulation(regulationId);
    const channel = regulation?.channels.find((c) => c.kind === 'stateCorporation');
    if (!regulation || !channel) throw new AppError('SERVICE_NOT_OFFERED');
    const nowMs = this.s.clock.now();
    const at = iso(nowMs);
    const first = channel.steps[0]!;
    // The case and the steps that run by themselves from its start (process 1) in one transaction.
    return this.s.db.transaction(() => {
      const day = this.d.clock.dateOf(nowMs);
      const seq = this.d.store.nextNumber(day);
      const number = `${regulation.service.queueGroup}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
      const caseId = this.d.store.insert({
        number, regulationId, channel: channel.kind, step: first.id, documentLocale, training: this.s.training, operatorId: operator.id, at,
      });
      this.d.store.openStep(caseId, first.id, at, this.normDue(first, nowMs), operator.id);
      this.s.audit.append({ actorId: operator.id, action: 'cases.opened', subject: `case:${caseId}`, detail: { regulationId } });
      // A flow that begins with process 1 (no hand-over line) moves on at once: the operator is logged in.
      return this.advance(caseId, operator);
    }).immediate();
  }

  /** Records the documents taken, and the result date they lead to (the longer term when some are missing). */
  private documentsPatch(c: Loaded, taken: string[]): CasePatch {
    const known = new Set(c.regulation.requiredDocuments.map((d) => d.id));
    if (taken.some((t) => !known.has(t))) {
      throw new AppError({ code: 'VALIDATION', issues: [{ path: 'documents', reason: 'documents.unknown' }] });
    }
    const documentsMissing = c.regulation.requiredDocuments.some((d) => !d.optional && !taken.includes(d.id));
    const expected = this.d.clock.due(this.s.clock.now(), deadlineTerms(c.regulation, c.channel, documentsMissing));
    return {
      documentsTaken: [...new Set(taken)],
      documentsMissing,
      expectedResultDate: c.channel.deadline ? expected.date : null,
    };
  }

  private hasHandOver(channel: Channel) {
    return channel.steps.some((s) => s.effect === 'handOver');
  }

  /** The applicant hands the documents over: the ones taken are ticked against the act's list. */
  handOver(caseId: number, version: number, taken: string[], operator: OperatorRecord): Promise<CaseRecord> {
    return this.serial(caseId, () => {
      const c = this.current(caseId, version, 'handOver');
      return this.advance(caseId, operator, this.transition(c, { type: 'COMPLETE' }, this.documentsPatch(c, taken), operator));
    });
  }

  /** Process 2: the applicant by IIN, and a representative with a power of attorney. Process 3's look-ups go out with it. */
  async submitForm(caseId: number, version: number, applicantIin: string, representative: RepresentativeInput | null, operator: OperatorRecord) {
    await this.serial(caseId, () => {
      const c = this.current(caseId, version, 'requestForm');
      if (representative) checkRepresentative(c.regulation, applicantIin, representative);
      const next = this.transition(
        c,
        { type: 'COMPLETE' },
        {
          applicant: { iin: applicantIin, fullName: null, birthDate: null, address: null, deceased: false },
          representative: representative && { iin: representative.iin, fullName: representative.fullName, powerOfAttorney: representative.powerOfAttorney },
        },
        operator,
        { applicantIndex: this.d.applicantIndex(applicantIin) },
      );
      return this.advance(caseId, operator, next);
    });
    return this.answered(caseId);
  }

  /**
   * Sign and forward: the counter part is done. The applicant gets a receipt (marked pending
   * until the target system registers the request), and forwarding goes by itself as soon as the
   * act's order and the link allow — at once online; after process 3 and condition 1 when the
   * case still waits for them. Where the act has a separate scan-and-sign process (S2), it is done here.
   */
  async forward(caseId: number, version: number, taken: string[] | undefined, operator: OperatorRecord) {
    await this.serial(caseId, () => {
      const c = this.current(caseId, version, ...COUNTER_PART_EFFECTS);
      if (c.record.counterDone) throw new AppError('ALREADY_DONE');
      // Documents are ticked once: at the hand-over where the act has one, otherwise here.
      if (this.hasHandOver(c.channel) === (taken !== undefined)) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'documents', reason: taken ? 'documents.alreadyTaken' : 'required' }] });
      }
      const patch: CasePatch = { ...(taken ? this.documentsPatch(c, taken) : {}), counterDone: true };
      // Signed with the operator's ЭЦП, and the signature still covers the scans as they are.
      this.d.signatures.forForwarding(caseId);
      const done: Loaded = { ...c, record: { ...c.record, ...patch } };
      const receipt = this.receipt(done, operator, null);
      const nowMs = this.s.clock.now();
      this.s.db.transaction(() => {
        this.d.store.update(c.record.id, c.record.version, c.record.step, patch, iso(nowMs));
        this.d.store.putDocument(c.record.id, receipt);
        // Standing at the forward step already: the request goes now, with this change.
        if (this.stepOf(c.channel, c.record.step)?.effect === 'forward') this.enqueue(c, requestsOnEntering(this.stepOf(c.channel, c.record.step), done.record, c.regulation, c.channel, () => this.d.signatures.kept(caseId)), nowMs);
        this.s.audit.append({ actorId: operator.id, action: 'cases.counterDone', subject: `case:${caseId}`, detail: { step: c.record.step } });
      }).immediate();
      return this.advance(caseId, operator);
    });
    return this.answered(caseId);
  }

  /** Process 8 (9 in S2): the applicant receives the result through the operator. */
  issue(caseId: number, version: number, operator: OperatorRecord) {
    return this.serial(caseId, () => {
      const c = this.current(caseId, version, 'issueResult');
      const record = documents.issuance(this.facts(c, operator), c.record.registrationNumber);
      return this.transition(c, { type: 'COMPLETE' }, {}, operator, { document: record }).record;
    });
  }

  /** A refusal produced after the applicant left has been handed to them. */
  handOverRefusal(caseId: number, version: number, operator: OperatorRecord) {
    return this.serial(caseId, () => {
      const { record } = this.load(caseId);
      if (record.version !== version) throw new AppError('CASE_CHANGED');
      if (!record.awaitingCollection) throw new AppError('ALREADY_DONE');
      this.s.db.transaction(() => {
        this.d.store.update(caseId, version, record.step, { awaitingCollection: false, collectedAt: this.now() }, this.now());
        this.s.audit.append({ actorId: operator.id, action: 'cases.refusalCollected', subject: `case:${caseId}` });
      }).immediate();
      return this.d.store.get(caseId)!;
    });
  }

  /** Tries the case's waiting messages again now (the link is back, the provider may have decided). */
  async refresh(caseId: number, _operator: OperatorRecord) {
    this.load(caseId);
    this.d.outbox.retryCaseNow(caseId, this.s.clock.now());
    return this.answered(caseId);
  }

  survey(caseId: number, processQuality: number, informationQuality: number, operator: OperatorRecord) {
    const { record } = this.load(caseId);
    if (record.status !== 'issued' && record.status !== 'refused') throw new AppError('STEP_OUT_OF_ORDER');
    if (this.d.store.survey(caseId)) throw new AppError('ALREADY_DONE');
    this.s.db.transaction(() => {
      this.d.store.putSurvey(caseId, processQuality, informationQuality, this.now());
      this.s.audit.append({ actorId: operator.id, action: 'cases.surveyed', subject: `case:${caseId}` });
    }).immediate();
    return this.d.store.get(caseId)!;
  }

  // ---- the state systems' answers, and the steps that run by themselves ----

  /**
   * An answer from the state systems, applied to its case. Runs inside the outbox's transaction
   * that closes the message, so the answer, the message and the case move together or not at all.
   */
  applyAnswer(message: OutboxMessage, answer: Answer): void {
    const c = this.load(message.caseId);
    const step = this.stepOf(c.channel, c.record.step);
    const operator = this.caseOperator(c.record);
    let next: Loaded | null = null;
    switch (answer.kind) {
      case 'person':
      case 'powerOfAttorney':
        if (step?.effect === 'stateDatabaseRequest') next = this.completeLookups(c, step, answer, operator);
        break;
      case 'submit':
        if (step?.effect === 'forward') {
          // The numbered receipt keeps the time of acceptance on the pending one the applicant took.
          const pending = this.d.store.getDocument(c.record.id, 'receipt');
          const receipt = this.receipt(c, operator, answer.registrationNumber, pending ? Date.parse(pending.createdAt) : undefined);
          next = this.transition(c, { type: 'COMPLETE' }, { registrationNumber: answer.registrationNumber }, operator, { document: receipt });
        }
        break;
      case 'status': {
        const { status } = answer;
        if (step?.effect !== 'documentCheck' || status.state === 'registered') return;
        next = this.transition(c, { type: 'ANSWER', yes: status.state === 'resultReady' }, { refusalReason: status.state === 'refused' ? status.reason : null }, operator);
        break;
      }
    }
    // An answer the case no longer waits for (a repeat, a step already passed) changes nothing.
    if (next) this.advance(c.record.id, operator, next);
  }

  /** Process 3 is over once every look-up it sent has its answer (this one in hand, the others stored). */
  private completeLookups(c: Loaded, step: Step, answer: Answer, operator: OperatorRecord | null): Loaded | null {
    const kinds = lookupsOf(step, c.record);
    const answers = new Map(kinds.map((k) => [k, k === answer.kind ? answer : this.d.outbox.answer(c.record.id, k)]));
    if ([...answers.values()].some((a) => a === null)) return null;
    const person = answers.get('person');
    const poa = answers.get('powerOfAttorney');
    const today = this.d.clock.dateOf(this.s.clock.now());
    const { applicant, checks } = lookupResult(
      c.record,
      person?.kind === 'person' ? person.person : null,
      poa?.kind === 'powerOfAttorney' ? poa.powerOfAttorney : undefined,
      today,
    );
    return this.transition(c, { type: 'COMPLETE' }, { applicant, checks }, operator);
  }

  /** Asks the target system again about every request it has not decided, at most once per interval. */
  pollStatuses(intervalMs: number): number {
    const nowMs = this.s.clock.now();
    let asked = 0;
    this.s.db.transaction(() => {
      for (const id of this.d.store.idsWithStatus('waitingTarget', 1000)) {
        if (this.d.outbox.hasOpenMessage(id, 'status')) continue;
        const last = this.d.outbox.lastDoneAt(id, 'status');
        if (last && Date.parse(last) > nowMs - intervalMs) continue;
        const c = this.load(id);
        this.enqueue(c, requestsOnEntering(this.stepOf(c.channel, c.record.step), c.record, c.regulation, c.channel, () => this.d.signatures.kept(id)), nowMs);
        asked++;
      }
    }).immediate();
    if (asked > 0) this.d.sender.wake();
    return asked;
  }

  /** Runs the act's automatic steps until one needs the operator or an answer from the state systems. */
  private advance(caseId: number, operator: OperatorRecord | null, from?: Loaded): CaseRecord {
    let c = from ?? this.load(caseId);
    for (let guard = 0; guard < 50; guard++) {
      if (isEnded(c.record.step)) return c.record;
      const step = this.stepOf(c.channel, c.record.step)!;
      const next = this.runStep(c, step, operator);
      if (!next) return c.record;
      c = next;
    }
    throw new Error(`case ${caseId}: the automatic steps did not settle`);
  }

  /** Performs one automatic step: the case after it, or null when it must wait (for the operator or an answer). */
  private runStep(c: Loaded, step: Step, operator: OperatorRecord | null): Loaded | null {
    const { record } = c;
    // Signed ahead while the link was down: scan-and-sign is done, and forwarding waits for its answer.
    if (step.effect === 'scanAndSign' && record.counterDone) return this.transition(c, { type: 'COMPLETE' }, {}, operator);
    if (MANUAL_EFFECTS.has(step.effect)) return null;
    switch (step.effect) {
      case 'login':
        // The operator is logged in: process 1 is done by the session this call came through.
        return this.transition(c, { type: 'COMPLETE' }, {}, operator);
      case 'stateDatabaseCheck': {
        const yes = record.checks.personFound === true && record.checks.powerOfAttorneyFound !== false;
        return this.transition(c, { type: 'ANSWER', yes }, {}, operator);
      }
      case 'refusalDataUnavailable': {
        const notice = documents.refusalDataUnavailable(
          this.facts(c, operator),
          step,
          record.checks.personFound !== true,
          record.checks.powerOfAttorneyFound === false,
        );
        // Accepted while the link was down, the applicant has left: they come back for the notice.
        return this.transition(c, { type: 'COMPLETE' }, { awaitingCollection: record.counterDone }, operator, { document: notice });
      }
      case 'targetRegisters':
        if (!record.registrationNumber) return null;
        return this.transition(c, { type: 'COMPLETE' }, {}, operator);
      case 'refusalDocuments': {
        const reason = record.refusalReason?.[record.documentLocale] ?? '—';
        const refusal = documents.refusalDocuments(this.facts(c, operator), step, reason, record.registrationNumber);
        return this.transition(c, { type: 'COMPLETE' }, { awaitingCollection: true }, operator, { document: refusal });
      }
      default:
        // stateDatabaseRequest and documentCheck wait for their answers.
        return null;
    }
  }

  // ---- helpers ----

  /** The case as loaded, refusing a stale version or a step that is not the current one. */
  private current(caseId: number, version: number, ...effects: string[]) {
    const c = this.load(caseId);
    if (c.record.version !== version) throw new AppError('CASE_CHANGED');
    const step = this.stepOf(c.channel, c.record.step);
    if (!step || !effects.includes(step.effect)) throw new AppError('STEP_OUT_OF_ORDER');
    return c;
  }

  /** Who accepted the case: named on the documents produced while the applicant is away. */
  private caseOperator(record: CaseRecord): OperatorRecord | null {
    return this.s.operators.byId(record.operatorId) ?? null;
  }

  private receipt(c: Loaded, operator: OperatorRecord | null, registrationNumber: string | null, acceptedAt?: number): PrintedDocument {
    return documents.receipt(
      this.facts(c, operator, acceptedAt),
      c.record.documentsTaken,
      missingDocuments(c.regulation, c.record).map((d) => d.id),
      c.record.expectedResultDate,
      c.record.expectedResultDate ? this.d.clock.isConfirmed(c.record.expectedResultDate) : true,
      registrationNumber,
    );
  }

  private facts(c: Loaded, operator: OperatorRecord | null, at?: number): documents.DocumentFacts {
    const nowMs = at ?? this.s.clock.now();
    const r = c.record.representative;
    return {
      locale: c.record.documentLocale,
      regulation: c.regulation,
      caseNumber: c.record.number,
      createdAt: iso(nowMs),
      localTime: this.d.clock.wallClock(nowMs),
      applicant: { iin: c.record.applicant?.iin ?? '—', fullName: c.record.applicant?.fullName ?? null },
      representative: r && { iin: r.iin, fullName: r.fullName, poaNumber: r.powerOfAttorney.number, poaDate: r.powerOfAttorney.date },
      operatorName: operator?.fullName ?? '—',
    };
  }

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
      steps: this.d.store.steps(record.id).map((s) => ({
        step: s.step,
        startedAt: s.started_at,
        endedAt: s.ended_at,
        outcome: s.outcome,
        normDueAt: s.norm_due_at,
        breached: s.breached === 1,
      })),
      documents: this.d.store.documents(record.id),
      survey: this.d.store.survey(record.id),
      createdAt: record.createdAt,
      gatewayWaiting: outbox.some((m) => m.state !== 'done'),
      counterDone: record.counterDone,
      awaitingCollection: record.awaitingCollection,
      outbox,
    };
  }
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
