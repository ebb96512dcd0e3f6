/**
 * One step of an act, taken: what both halves of the case engine share. The command side (the
 * operator's actions) and the reactor side (the state systems' answers, the automatic steps) both
 * load a case with its act and channel and move it through `transition`, which closes the step
 * against its norm, opens the next one, moves the case, stores the document the step produced,
 * writes the messages the next step sends and the audit row — in one transaction.
 */
import type { PrintedDocument } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { Channel, Regulation, Step } from '../../shared/regulation';
import type { OperatorRecord } from '../auth/operatorStore';
import { iso } from '../clock';
import type { CaseEngineDeps } from './caseEngine';
import type { CasePatch, CaseRecord } from './caseStore';
import { flowMachine, isEnded, nextState, type FlowEvent } from './flowMachine';
import { requestsOnEntering } from './gatewayRequests';

/** A case with the act and the channel it follows. */
export type LoadedCase = { record: CaseRecord; regulation: Regulation; channel: Channel };

export class CaseFlow {
  /** One XState machine per act's channel, built on first use. */
  private readonly machines = new Map<string, ReturnType<typeof flowMachine>>();

  constructor(readonly d: CaseEngineDeps) {}

  nowMs(): number {
    return this.d.services.clock.now();
  }

  load(caseId: number): LoadedCase {
    const record = this.d.store.get(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    const regulation = this.d.regulation(record.regulationId);
    const channel = regulation?.channels.find((c) => c.kind === record.channel);
    if (!regulation || !channel) throw new AppError('SERVICE_NOT_OFFERED');
    return { record, regulation, channel };
  }

  /** The case as loaded, refusing a stale version or a step whose effect is not one of `effects`. */
  current(caseId: number, version: number, ...effects: string[]): LoadedCase {
    const c = this.load(caseId);
    if (c.record.version !== version) throw new AppError('CASE_CHANGED');
    const step = this.stepOf(c.channel, c.record.step);
    if (!step || !effects.includes(step.effect)) throw new AppError('STEP_OUT_OF_ORDER');
    return c;
  }

  stepOf(channel: Channel, id: string): Step | undefined {
    return channel.steps.find((s) => s.id === id);
  }

  /** When a step opened at `at` runs past its norm, on the branch's working calendar. */
  normDue(step: Step | undefined, at: number): string | null {
    return step?.norm ? iso(this.d.clock.add(at, { amount: step.norm.max, unit: step.norm.unit })) : null;
  }

  /** Writes the messages `step` sends for `record` (a look-up, the forward, a status question). */
  sendRequestsOf(c: LoadedCase, step: Step | undefined, record: CaseRecord, nowMs: number): void {
    const requests = requestsOnEntering(step, record, c.regulation, c.channel, () => this.d.signatures.kept(record.id));
    for (const request of requests) this.d.outbox.enqueue(record.id, record.number, request, nowMs);
  }

  /** Who accepted the case: named on the documents produced while the applicant is away. */
  caseOperator(record: CaseRecord): OperatorRecord | null {
    return this.d.services.operators.byId(record.operatorId) ?? null;
  }

  /** Takes the step `event` leads to from where the case stands, and returns the case as it now stands. */
  transition(
    c: LoadedCase,
    event: FlowEvent,
    patch: CasePatch,
    operator: OperatorRecord | null,
    extra: { applicantIndex?: string; document?: PrintedDocument } = {},
  ): LoadedCase {
    const from = c.record.step;
    const to = nextState(this.machine(c.regulation, c.channel), from, event);
    if (!to) throw new AppError('STEP_OUT_OF_ORDER');
    const nowMs = this.nowMs();
    const at = iso(nowMs);
    const outcome = event.type === 'ANSWER' ? (event.yes ? 'yes' : 'no') : 'done';
    const ended = isEnded(to) ? (to === 'endedWithResult' ? 'result' : 'refusal') : null;
    const toStep = this.stepOf(c.channel, to);
    const moved: CasePatch = { ...patch, status: this.statusAt(c.channel, to, ended), ...(ended ? { outcome: ended } : {}) };
    const { services: s, store } = this.d;
    s.db.transaction(() => {
      const breached = store.closeStep(c.record.id, from, at, outcome);
      if (!ended) store.openStep(c.record.id, to, at, this.normDue(toStep, nowMs), operator?.id ?? null);
      store.update(c.record.id, c.record.version, to, moved, at, extra.applicantIndex);
      if (extra.document) store.putDocument(c.record.id, extra.document);
      this.sendRequestsOf(c, toStep, { ...c.record, ...patch }, nowMs);
      s.audit.append({ actorId: operator?.id ?? null, action: 'cases.step', subject: `case:${c.record.id}`, detail: { from, to, outcome, breached } });
    }).immediate();
    // The case as it now stands, without reading it back: the row holds exactly this.
    return { ...c, record: { ...c.record, ...moved, step: to, version: c.record.version + 1, updatedAt: at } };
  }

  private machine(regulation: Regulation, channel: Channel) {
    const key = `${regulation.id}/${channel.kind}`;
    let m = this.machines.get(key);
    if (!m) this.machines.set(key, (m = flowMachine(key, channel)));
    return m;
  }

  /** The status a case has at a step, before or after the flow ends. */
  private statusAt(channel: Channel, state: string, outcome: 'result' | 'refusal' | null): CasePatch['status'] {
    if (isEnded(state)) return outcome === 'result' ? 'issued' : 'refused';
    const step = this.stepOf(channel, state);
    if (step?.effect === 'issueResult') return 'resultReady';
    if (step?.effect === 'documentCheck') return 'waitingTarget';
    return 'inProgress';
  }
}
