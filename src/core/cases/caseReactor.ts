/**
 * The reactor side of the case engine: what moves a case without an operator's call. The state
 * systems' answers arrive from the outbox sender (`applyAnswer`), the target system is asked again
 * about undecided requests (`pollStatuses`), and after every action or answer the steps the act
 * gives to the workstation run by themselves (`advance`) until one needs the operator or an answer.
 */
import type { PrintedDocument } from '../../shared/cases';
import type { Step } from '../../shared/regulation';
import type { OperatorRecord } from '../auth/operatorStore';
import * as documents from '../documents/compose';
import type { Answer, OutboxMessage } from '../outbox/messages';
import { documentFacts, receiptOf } from './caseDocuments';
import type { CaseFlow, LoadedCase } from './caseFlow';
import type { CasePatch, CaseRecord } from './caseStore';
import { isEnded } from './flowMachine';
import { lookupResult, lookupsOf } from './gatewayRequests';

/** The steps that wait for the operator's call: the reactor stops at them. */
const MANUAL_EFFECTS = new Set(['handOver', 'requestForm', 'scanAndSign', 'forward', 'issueResult', 'reference']);

export class CaseReactor {
  constructor(private readonly flow: CaseFlow) {}

  private get d() {
    return this.flow.d;
  }

  /**
   * An answer from the state systems, applied to its case. Runs inside the outbox's transaction
   * that closes the message, so the answer, the message and the case move together or not at all.
   */
  applyAnswer(message: OutboxMessage, answer: Answer): void {
    const c = this.flow.load(message.caseId);
    const step = this.flow.stepOf(c.channel, c.record.step);
    const operator = this.flow.caseOperator(c.record);
    let next: LoadedCase | null = null;
    switch (answer.kind) {
      case 'person':
      case 'powerOfAttorney':
        if (step?.effect === 'stateDatabaseRequest') next = this.completeLookups(c, step, answer, operator);
        break;
      case 'submit':
        if (step?.effect === 'forward') {
          // The numbered receipt keeps the time of acceptance on the pending one the applicant took.
          const pending = this.d.store.getDocument(c.record.id, 'receipt');
          const acceptedAt = pending ? Date.parse(pending.createdAt) : this.flow.nowMs();
          const receipt = receiptOf(c, operator, this.d.clock, acceptedAt, answer.registrationNumber);
          next = this.flow.transition(c, { type: 'COMPLETE' }, { registrationNumber: answer.registrationNumber }, operator, { document: receipt });
        }
        break;
      case 'status': {
        const { status } = answer;
        if (step?.effect !== 'documentCheck' || status.state === 'registered') return;
        const refusalReason = status.state === 'refused' ? status.reason : null;
        next = this.flow.transition(c, { type: 'ANSWER', yes: status.state === 'resultReady' }, { refusalReason }, operator);
        break;
      }
    }
    // An answer the case no longer waits for (a repeat, a step already passed) changes nothing.
    if (next) this.advance(c.record.id, operator, next);
  }

  /** Asks the target system again about every request it has not decided, at most once per interval. */
  pollStatuses(intervalMs: number): number {
    const nowMs = this.flow.nowMs();
    let asked = 0;
    this.d.services.db.transaction(() => {
      for (const id of this.d.store.idsWithStatus('waitingTarget', 1000)) {
        if (this.d.outbox.hasOpenMessage(id, 'status')) continue;
        const last = this.d.outbox.lastDoneAt(id, 'status');
        if (last && Date.parse(last) > nowMs - intervalMs) continue;
        const c = this.flow.load(id);
        this.flow.sendRequestsOf(c, this.flow.stepOf(c.channel, c.record.step), c.record, nowMs);
        asked++;
      }
    }).immediate();
    if (asked > 0) this.d.sender.wake();
    return asked;
  }

  /**
   * Runs the act's automatic steps, from `from` (the case as a transition left it) or from the
   * stored case, until one needs the operator or an answer from the state systems.
   */
  advance(caseId: number, operator: OperatorRecord | null, from?: LoadedCase): CaseRecord {
    let c = from ?? this.flow.load(caseId);
    for (let guard = 0; guard < 50; guard++) {
      if (isEnded(c.record.step)) return c.record;
      const step = this.flow.stepOf(c.channel, c.record.step)!;
      const next = this.runStep(c, step, operator);
      if (!next) return c.record;
      c = next;
    }
    throw new Error(`case ${caseId}: the automatic steps did not settle`);
  }

  /** Process 3 is over once every look-up it sent has its answer (this one in hand, the others stored). */
  private completeLookups(c: LoadedCase, step: Step, answer: Answer, operator: OperatorRecord | null): LoadedCase | null {
    const kinds = lookupsOf(step, c.record);
    const answers = new Map(kinds.map((k) => [k, k === answer.kind ? answer : this.d.outbox.answer(c.record.id, k)]));
    if ([...answers.values()].some((a) => a === null)) return null;
    const person = answers.get('person');
    const poa = answers.get('powerOfAttorney');
    const today = this.d.clock.dateOf(this.flow.nowMs());
    const { applicant, checks } = lookupResult(
      c.record,
      person?.kind === 'person' ? person.person : null,
      poa?.kind === 'powerOfAttorney' ? poa.powerOfAttorney : undefined,
      today,
    );
    return this.flow.transition(c, { type: 'COMPLETE' }, { applicant, checks }, operator);
  }

  /** Performs one automatic step: the case after it, or null when it must wait (for the operator or an answer). */
  private runStep(c: LoadedCase, step: Step, operator: OperatorRecord | null): LoadedCase | null {
    const { record } = c;
    // The step's process is done: with what it changed in the case and the document it produced.
    const done = (patch: CasePatch = {}, document?: PrintedDocument) =>
      this.flow.transition(c, { type: 'COMPLETE' }, patch, operator, document ? { document } : {});
    // Signed ahead while the link was down: scan-and-sign is done, and forwarding waits for its answer.
    if (step.effect === 'scanAndSign' && record.counterDone) return done();
    if (MANUAL_EFFECTS.has(step.effect)) return null;
    switch (step.effect) {
      case 'login':
        // The operator is logged in: process 1 is done by the session this call came through.
        return done();
      case 'stateDatabaseCheck': {
        const yes = record.checks.personFound === true && record.checks.powerOfAttorneyFound !== false;
        return this.flow.transition(c, { type: 'ANSWER', yes }, {}, operator);
      }
      case 'refusalDataUnavailable': {
        const notice = documents.refusalDataUnavailable(
          this.facts(c, operator),
          step,
          record.checks.personFound !== true,
          record.checks.powerOfAttorneyFound === false,
        );
        // Accepted while the link was down, the applicant has left: they come back for the notice.
        return done({ awaitingCollection: record.counterDone }, notice);
      }
      case 'targetRegisters':
        return record.registrationNumber ? done() : null;
      case 'refusalDocuments': {
        const reason = record.refusalReason?.[record.documentLocale] ?? '—';
        return done({ awaitingCollection: true }, documents.refusalDocuments(this.facts(c, operator), step, reason, record.registrationNumber));
      }
      default:
        // stateDatabaseRequest and documentCheck wait for their answers.
        return null;
    }
  }

  private facts(c: LoadedCase, operator: OperatorRecord | null) {
    return documentFacts(c, operator, this.d.clock, this.flow.nowMs());
  }
}
