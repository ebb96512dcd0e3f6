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
import { GatewayUnavailable, type GatewayPort } from '../gateway/port';
import type { Services } from '../services';
import type { CasePatch, CaseRecord, CaseStore } from './caseStore';
import { deadlineTerms } from './deadline';
import { flowMachine, isEnded, nextState, type FlowEvent } from './flowMachine';

export interface CaseEngineDeps {
  services: Services;
  store: CaseStore;
  gateway: GatewayPort;
  clock: TermClock;
  regulation(id: string): Regulation | undefined;
  applicantIndex(iin: string): string;
}

const MANUAL_EFFECTS = new Set(['handOver', 'requestForm', 'scanAndSign', 'forward', 'issueResult', 'reference']);

export class CaseEngine {
  private readonly machines = new Map<string, ReturnType<typeof flowMachine>>();
  /** One operation at a time per case: the gateway awaits must not interleave two transitions. */
  private readonly busy = new Map<number, Promise<unknown>>();

  constructor(private readonly d: CaseEngineDeps) {}

  private get s() {
    return this.d.services;
  }

  private now() {
    return iso(this.s.clock.now());
  }

  /** Runs `work` after any operation already running on the same case. */
  private serial<T>(caseId: number, work: () => Promise<T>): Promise<T> {
    const before = this.busy.get(caseId) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    this.busy.set(caseId, run);
    return run.finally(() => {
      if (this.busy.get(caseId) === run) this.busy.delete(caseId);
    });
  }

  private load(caseId: number) {
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

  /** One step of the act, taken: closes the step against its norm, opens the next, moves the case. */
  private transition(
    c: { record: CaseRecord; regulation: Regulation; channel: Channel },
    event: FlowEvent,
    patch: CasePatch,
    operator: OperatorRecord | undefined,
    extra: { applicantIndex?: string; document?: PrintedDocument } = {},
  ): CaseRecord {
    const from = c.record.step;
    const to = nextState(this.machine(c.regulation, c.channel), from, event);
    if (!to) throw new AppError('STEP_OUT_OF_ORDER');
    const nowMs = this.s.clock.now();
    const at = iso(nowMs);
    const outcome = event.type === 'ANSWER' ? (event.yes ? 'yes' : 'no') : 'done';
    const ended = isEnded(to) ? (to === 'endedWithResult' ? 'result' : 'refusal') : null;
    this.s.db.transaction(() => {
      const breached = this.d.store.closeStep(c.record.id, from, at, outcome);
      if (!ended) this.d.store.openStep(c.record.id, to, at, this.normDue(this.stepOf(c.channel, to), nowMs), operator?.id ?? null);
      this.d.store.update(
        c.record.id,
        c.record.version,
        to,
        { ...patch, status: this.statusAt(c.channel, to, ended), ...(ended ? { outcome: ended } : {}) },
        at,
        extra.applicantIndex,
      );
      if (extra.document) this.d.store.putDocument(c.record.id, extra.document);
      this.s.audit.append({
        actorId: operator?.id ?? null,
        action: 'cases.step',
        subject: `case:${c.record.id}`,
        detail: { from, to, outcome, breached },
      });
    }).immediate();
    return this.d.store.get(c.record.id)!;
  }

  // ---- the operator's actions ----

  async open(regulationId: string, documentLocale: DocumentLocale, operator: OperatorRecord): Promise<CaseRecord> {
    const regulation = this.d.regulation(regulationId);
    const channel = regulation?.channels.find((c) => c.kind === 'stateCorporation');
    if (!regulation || !channel) throw new AppError('SERVICE_NOT_OFFERED');
    const nowMs = this.s.clock.now();
    const at = iso(nowMs);
    const first = channel.steps[0]!;
    const id = this.s.db.transaction(() => {
      const day = this.d.clock.dateOf(nowMs);
      const seq = this.d.store.nextNumber(day);
      const number = `${regulation.service.queueGroup}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
      const caseId = this.d.store.insert({
        number, regulationId, channel: channel.kind, step: first.id, documentLocale, training: this.s.training, operatorId: operator.id, at,
      });
      this.d.store.openStep(caseId, first.id, at, this.normDue(first, nowMs), operator.id);
      this.s.audit.append({ actorId: operator.id, action: 'cases.opened', subject: `case:${caseId}`, detail: { regulationId } });
      return caseId;
    }).immediate();
    // A flow that begins with process 1 (no hand-over line) moves on at once: the operator is logged in.
    return this.serial(id, () => this.runAutomatic(id, operator));
  }

  /** Records the documents taken, and the result date they lead to (the longer term when some are missing). */
  private documentsPatch(c: ReturnType<CaseEngine['load']>, taken: string[]): CasePatch {
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
    return this.serial(caseId, async () => {
      const c = this.current(caseId, version, 'handOver');
      const next = this.transition(c, { type: 'COMPLETE' }, this.documentsPatch(c, taken), operator);
      return this.runAutomatic(next.id, operator);
    });
  }

  /** Process 2: the applicant by IIN, and a representative with a power of attorney. */
  submitForm(caseId: number, version: number, applicantIin: string, representative: RepresentativeInput | null, operator: OperatorRecord) {
    return this.serial(caseId, async () => {
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
      return this.runAutomatic(next.id, operator);
    });
  }

  /**
   * The request, signed with the operator's ЭЦП, goes to the target system. Where the act has a
   * separate scan-and-sign process (S2), this action completes it first.
   */
  forward(caseId: number, version: number, taken: string[] | undefined, operator: OperatorRecord) {
    return this.serial(caseId, async () => {
      let c = this.current(caseId, version, 'scanAndSign', 'forward');
      // Documents are ticked once: at the hand-over where the act has one, otherwise here.
      if (this.hasHandOver(c.channel) === (taken !== undefined)) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'documents', reason: taken ? 'documents.alreadyTaken' : 'required' }] });
      }
      const documentsPatch = taken ? this.documentsPatch(c, taken) : {};
      if (this.stepOf(c.channel, c.record.step)?.effect === 'scanAndSign') {
        this.transition(c, { type: 'COMPLETE' }, documentsPatch, operator);
        c = this.load(caseId);
        if (this.stepOf(c.channel, c.record.step)?.effect !== 'forward') return this.runAutomatic(caseId, operator);
      } else if (taken) {
        this.s.db.transaction(() => this.d.store.update(c.record.id, c.record.version, c.record.step, documentsPatch, this.now())).immediate();
        c = this.load(caseId);
      }
      const applicant = c.record.applicant!;
      let registrationNumber: string;
      try {
        ({ registrationNumber } = await this.d.gateway.submit({
          caseNumber: c.record.number,
          targetSystem: c.channel.targetSystem ?? 'regionalGateway',
          regulationId: c.regulation.id,
          applicantIin: applicant.iin,
          documents: c.record.documentsTaken,
          missingDocuments: c.regulation.requiredDocuments
            .filter((d) => !d.optional && !c.record.documentsTaken.includes(d.id))
            .map((d) => ({ id: d.id, title: { kk: d.title.kk, ru: d.title.ru } })),
        }));
      } catch (err) {
        if (err instanceof GatewayUnavailable) throw new AppError('GATEWAY_UNAVAILABLE');
        throw err;
      }
      c = this.load(caseId);
      const receipt = documents.receipt(
        this.facts(c, operator),
        c.record.documentsTaken,
        c.regulation.requiredDocuments.filter((d) => !d.optional && !c.record.documentsTaken.includes(d.id)).map((d) => d.id),
        c.record.expectedResultDate,
        c.record.expectedResultDate ? this.d.clock.isConfirmed(c.record.expectedResultDate) : true,
        registrationNumber,
      );
      this.transition(c, { type: 'COMPLETE' }, { registrationNumber, gatewayWaiting: false }, operator, { document: receipt });
      return this.runAutomatic(caseId, operator);
    });
  }

  /** Process 8 (9 in S2): the applicant receives the result through the operator. */
  issue(caseId: number, version: number, operator: OperatorRecord) {
    return this.serial(caseId, async () => {
      const c = this.current(caseId, version, 'issueResult');
      const record = documents.issuance(this.facts(c, operator), c.record.registrationNumber);
      return this.transition(c, { type: 'COMPLETE' }, {}, operator, { document: record });
    });
  }

  /** Asks the state systems again for a case waiting on them (the link was down, the provider had not decided). */
  refresh(caseId: number, operator: OperatorRecord) {
    return this.serial(caseId, () => this.runAutomatic(caseId, operator));
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

  // ---- the steps that run by themselves ----

  /** Runs the act's automatic steps until one needs the operator, the target system, or the link. */
  private async runAutomatic(caseId: number, operator: OperatorRecord): Promise<CaseRecord> {
    for (let guard = 0; guard < 50; guard++) {
      const c = this.load(caseId);
      if (isEnded(c.record.step)) return c.record;
      const step = this.stepOf(c.channel, c.record.step)!;
      if (MANUAL_EFFECTS.has(step.effect)) return c.record;
      try {
        const moved = await this.runStep(c, step, operator);
        if (!moved) return this.d.store.get(caseId)!;
      } catch (err) {
        if (!(err instanceof GatewayUnavailable)) throw err;
        // The link is down: the case stays at this step and says so; a refresh tries again.
        if (!c.record.gatewayWaiting) this.setWaiting(c.record, true);
        return this.d.store.get(caseId)!;
      }
    }
    throw new Error(`case ${caseId}: the automatic steps did not settle`);
  }

  private setWaiting(record: CaseRecord, waiting: boolean) {
    this.s.db.transaction(() => this.d.store.update(record.id, record.version, record.step, { gatewayWaiting: waiting }, this.now()))();
  }

  /** Performs one automatic step; false when the case must wait (the provider has not decided). */
  private async runStep(c: ReturnType<CaseEngine['load']>, step: Step, operator: OperatorRecord): Promise<boolean> {
    const { record } = c;
    switch (step.effect) {
      case 'login':
        // The operator is logged in: process 1 is done by the session this call came through.
        this.transition(c, { type: 'COMPLETE' }, {}, operator);
        return true;
      case 'stateDatabaseRequest': {
        const lookups = step.kind === 'process' && step.lookups ? step.lookups : ['person'];
        const person = await this.d.gateway.findPerson(record.applicant!.iin);
        let powerOfAttorneyFound: boolean | undefined;
        if (lookups.includes('powerOfAttorney') && record.representative) {
          const poa = await this.d.gateway.findPowerOfAttorney({
            number: record.representative.powerOfAttorney.number,
            principalIin: record.applicant!.iin,
            representativeIin: record.representative.iin,
          });
          const today = this.d.clock.dateOf(this.s.clock.now());
          powerOfAttorneyFound = Boolean(poa && !poa.revoked && poa.validUntil >= today);
        }
        const applicant = person
          ? {
              iin: person.iin,
              fullName: [person.surname, person.name, person.patronymic].filter(Boolean).join(' '),
              birthDate: person.birthDate,
              address: person.address,
              deceased: person.deceased,
            }
          : record.applicant;
        this.transition(c, { type: 'COMPLETE' }, {
          applicant,
          checks: { personFound: Boolean(person), ...(powerOfAttorneyFound === undefined ? {} : { powerOfAttorneyFound }) },
          gatewayWaiting: false,
        }, operator);
        return true;
      }
      case 'stateDatabaseCheck': {
        const yes = record.checks.personFound === true && record.checks.powerOfAttorneyFound !== false;
        this.transition(c, { type: 'ANSWER', yes }, {}, operator);
        return true;
      }
      case 'refusalDataUnavailable': {
        const notice = documents.refusalDataUnavailable(
          this.facts(c, operator),
          step,
          record.checks.personFound !== true,
          record.checks.powerOfAttorneyFound === false,
        );
        this.transition(c, { type: 'COMPLETE' }, {}, operator, { document: notice });
        return true;
      }
      case 'targetRegisters':
        if (!record.registrationNumber) return false;
        this.transition(c, { type: 'COMPLETE' }, {}, operator);
        return true;
      case 'documentCheck': {
        const status = await this.d.gateway.status(record.registrationNumber!);
        if (status.state === 'registered') {
          if (record.gatewayWaiting) this.setWaiting(record, false);
          return false;
        }
        const yes = status.state === 'resultReady';
        this.transition(c, { type: 'ANSWER', yes }, { refusalReason: status.state === 'refused' ? status.reason : null, gatewayWaiting: false }, operator);
        return true;
      }
      case 'refusalDocuments': {
        const reason = record.refusalReason?.[record.documentLocale] ?? '—';
        const refusal = documents.refusalDocuments(this.facts(c, operator), step, reason, record.registrationNumber);
        this.transition(c, { type: 'COMPLETE' }, {}, operator, { document: refusal });
        return true;
      }
      default:
        return false;
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

  private facts(c: ReturnType<CaseEngine['load']>, operator: OperatorRecord): documents.DocumentFacts {
    const nowMs = this.s.clock.now();
    const r = c.record.representative;
    return {
      locale: c.record.documentLocale,
      regulation: c.regulation,
      caseNumber: c.record.number,
      createdAt: iso(nowMs),
      localTime: this.d.clock.wallClock(nowMs),
      applicant: { iin: c.record.applicant?.iin ?? '—', fullName: c.record.applicant?.fullName ?? null },
      representative: r && { iin: r.iin, fullName: r.fullName, poaNumber: r.powerOfAttorney.number, poaDate: r.powerOfAttorney.date },
      operatorName: operator.fullName,
    };
  }

  view(record: CaseRecord): CaseView {
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
      gatewayWaiting: record.gatewayWaiting,
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
