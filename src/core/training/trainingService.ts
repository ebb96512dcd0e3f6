/**
 * Training runs: a trainer starts a scenario for a trainee (the walk-in's ticket is issued in
 * the act's queue group, the scenario's fault is set on the simulator); the run binds to the
 * case the trainee opens for that walk-in; its progress is read from the case's own steps after
 * every call and every answer of the state systems, and announced with 'training.changed'; the
 * run ends — with its score stored — when the case stands where expected, ends otherwise, the
 * visit is closed, or the trainer stops it.
 */
import { AppError } from '../../shared/errors';
import type { ScenarioSummary, TrainingRun } from '../../shared/training/scenario';
import type { OperatorRecord } from '../auth/operatorStore';
import { iso } from '../clock';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import type { CallOutcome } from './callWatch';
import type { Scenario } from './loadScenarios';
import { progress, type ObservedCase, type RecordedError } from './progress';
import { clearTrainingData, removeScanFiles } from './reset';
import type { RunRecord, RunStore } from './runStore';

const SERVES = new Set(['operator', 'supervisor', 'trainer']);
const CLOSED_TICKET = new Set(['done', 'noShow', 'unserved']);
/** Errors that mean the trainee was about to break one of the act's rules (the workstation stopped it). */
const RULE_CODES = new Set(['STEP_OUT_OF_ORDER', 'SIGNATURE_REQUIRED', 'SIGNATURE_INVALID', 'SERVICE_NOT_OFFERED']);
const ruleBroken = (o: CallOutcome) =>
  o.code !== null && (RULE_CODES.has(o.code) || (o.code === 'VALIDATION' && /^(poa|representative)\./.test(o.reason ?? '')));

export class TrainingService {
  private readonly byId: Map<string, Scenario>;
  /** Runs whose fault has been lifted (the counter part is done, or the run is over). */
  private readonly lifted = new Set<number>();

  constructor(
    private readonly s: Services,
    private readonly p: CoreParts,
    scenarios: readonly Scenario[],
    private readonly store: RunStore,
  ) {
    this.byId = new Map(scenarios.map((sc) => [sc.file.id, sc]));
  }

  private now() {
    return iso(this.s.clock.now());
  }

  scenarios(): ScenarioSummary[] {
    return [...this.byId.values()].map((sc) => sc.summary);
  }

  async start(input: { scenarioId: string; trainee: string; window?: string }, trainer: OperatorRecord): Promise<TrainingRun> {
    const scenario = this.byId.get(input.scenarioId);
    if (!scenario) throw new AppError('NOT_FOUND');
    const trainee = this.s.operators.byLogin(input.trainee);
    if (!trainee || trainee.disabled || !SERVES.has(trainee.role)) {
      throw new AppError({ code: 'VALIDATION', issues: [{ path: 'trainee', reason: 'training.traineeUnknown' }] });
    }
    if (this.store.openOf(trainee.id)) throw new AppError({ code: 'VALIDATION', issues: [{ path: 'trainee', reason: 'training.traineeBusy' }] });
    await this.setFault(scenario.file.stateSystems.fault?.mode ?? 'none', Boolean(scenario.file.stateSystems.fault));
    const group = scenario.regulation.service.queueGroup;
    const print = await this.p.counterQueue.issue(group, null, scenario.regulation.id);
    const runId = this.s.db.transaction(() => {
      // Reserved for the trainee's window: their next call brings this walk-in, not another.
      const ticket = this.p.queueStore.get(print.ticket.id);
      if (input.window && ticket) this.p.queueStore.change(ticket, ['waiting'], { window: input.window });
      const id = this.store.insert({ scenarioId: scenario.file.id, traineeId: trainee.id, trainerId: trainer.id, window: input.window ?? null, at: this.now(), ticketId: print.ticket.id });
      this.s.audit.append({ actorId: trainer.id, action: 'training.started', subject: `trainingRun:${id}`, detail: { scenarioId: scenario.file.id, trainee: trainee.login, ticket: print.ticket.number } });
      return id;
    }).immediate();
    this.s.emit('*', 'training.changed', { runId });
    return this.view(this.store.get(runId)!)!;
  }

  async stop(runId: number, trainer: OperatorRecord): Promise<TrainingRun> {
    this.observeAll();
    const run = this.store.get(runId);
    if (!run) throw new AppError('NOT_FOUND');
    if (run.state === 'finished' || run.state === 'stopped') throw new AppError('ALREADY_DONE');
    this.end(run, 'stopped', trainer.id);
    return this.view(this.store.get(runId)!)!;
  }

  runs(): TrainingRun[] {
    this.observeAll();
    const since = iso(this.p.termClock().startOfDay(this.p.today()));
    return this.store.since(since).flatMap((r) => this.view(r) ?? []);
  }

  myRun(operator: OperatorRecord): TrainingRun | null {
    this.observeAll();
    const run = this.store.openOf(operator.id) ?? this.store.lastOf(operator.id);
    return (run && this.view(run)) ?? null;
  }

  async reset(trainer: OperatorRecord): Promise<{ cases: number; tickets: number }> {
    const { cases, tickets, vaultNames } = clearTrainingData(this.s.db, (counts) =>
      this.s.audit.append({ actorId: trainer.id, action: 'training.reset', detail: counts }),
    );
    this.lifted.clear();
    await removeScanFiles(this.p.dataDir, vaultNames);
    await this.setFault('none', false);
    this.s.emit('*', 'queue.changed', { day: this.p.today() });
    return { cases, tickets };
  }

  // ---- watching ----

  /** After every call: the trainee's rule-breaking errors are kept, and every open run is looked at. */
  onCall(o: CallOutcome): void {
    if (ruleBroken(o) && o.ctx.operator) {
      const run = this.store.openOf(o.ctx.operator.id);
      if (run) {
        const caseId = run.caseId ?? (o.input as { caseId?: number } | null)?.caseId;
        const step = caseId ? (this.p.cases.get(caseId)?.step ?? null) : null;
        this.store.addMistake(run.id, this.now(), { call: o.name, code: o.code!, reason: o.reason, step });
      }
    }
    this.observeAll();
  }

  observeAll(): void {
    for (const run of this.store.open()) this.observe(run);
  }

  private observe(run: RunRecord): void {
    const scenario = this.byId.get(run.scenarioId);
    if (!scenario) return;
    const ticket = run.ticketId ? this.p.queueStore.get(run.ticketId) : undefined;
    let caseId = run.caseId;
    if (caseId === null) {
      caseId = ticket?.caseId ?? this.firstCaseOf(run, scenario);
      if (caseId !== null) this.store.bind(run.id, caseId);
    }
    const observed = caseId === null ? null : this.observedCase(caseId);
    const errors = this.store.mistakes(run.id);
    const fault = scenario.file.stateSystems.fault;
    if (fault?.until === 'counterDone' && observed?.counterDone) this.liftFault(run, caseId);
    const now = progress(scenario, observed, errors, false);
    const visitClosed = ticket !== undefined && CLOSED_TICKET.has(ticket.state);
    if ((scenario.file.expected.finishWhen === 'outcome' && now.reached) || now.endedOtherwise || visitClosed) {
      this.end({ ...run, caseId }, 'finished', null);
      return;
    }
    const seen = `${caseId}|${observed ? this.p.cases.get(caseId!)?.version : ''}|${ticket?.version ?? ''}|${errors.length}`;
    if (seen !== run.seen) {
      this.store.markSeen(run.id, seen);
      this.s.emit('*', 'training.changed', { runId: run.id });
    }
  }

  /** The trainee's first case since the run began under the scenario's act (any act, where no case is expected). */
  private firstCaseOf(run: RunRecord, scenario: Scenario): number | null {
    const anyAct = scenario.file.expected.status === null;
    const row = this.s.db
      .prepare(`SELECT id FROM cases WHERE operator_id = ? AND created_at >= ? ${anyAct ? '' : 'AND regulation_id = ?'} ORDER BY id LIMIT 1`)
      .get(...[run.traineeId, run.startedAt, ...(anyAct ? [] : [scenario.regulation.id])]) as { id: number } | undefined;
    return row?.id ?? null;
  }

  private observedCase(caseId: number): ObservedCase | null {
    const c = this.p.cases.get(caseId);
    if (!c) return null;
    return {
      status: c.status,
      step: c.step,
      counterDone: c.counterDone,
      awaitingCollection: c.awaitingCollection,
      documentsTaken: c.documentsTaken,
      documents: this.p.cases.documents(caseId).map((d) => d.kind),
      surveyed: this.p.cases.survey(caseId) !== null,
      steps: this.p.cases.steps(caseId),
    };
  }

  private end(run: RunRecord, state: 'finished' | 'stopped', by: number | null): void {
    const scenario = this.byId.get(run.scenarioId)!;
    const observed = run.caseId === null ? null : this.observedCase(run.caseId);
    const { score } = progress(scenario, observed, this.store.mistakes(run.id), true);
    this.s.db.transaction(() => {
      this.store.end(run.id, state, this.now(), score);
      this.s.audit.append({ actorId: by, action: state === 'stopped' ? 'training.stopped' : 'training.finished', subject: `trainingRun:${run.id}`, detail: { passed: score.passed, mistakes: score.mistakes.length } });
    }).immediate();
    if (scenario.file.stateSystems.fault) this.liftFault(run, run.caseId);
    this.s.emit('*', 'training.changed', { runId: run.id });
  }

  /** The scenario's fault is over: the simulator answers again, and the case's waiting messages go now. */
  private liftFault(run: RunRecord, caseId: number | null): void {
    if (this.lifted.has(run.id)) return;
    this.lifted.add(run.id);
    const trainee = this.s.operators.byId(run.traineeId);
    void this.setFault('none', false)
      .then(() => (caseId !== null && trainee ? this.p.caseCommands.refresh({ caseId }) : undefined))
      .catch((err: unknown) => process.stderr.write(`${new Date().toISOString()} core training: lifting the fault failed: ${(err as Error).message}\n`));
  }

  /** Sets the simulator's fault the way 'training.gatewayFault' does; a fault without a simulator cannot be shown. */
  private async setFault(mode: Parameters<CoreParts['gatewayLink']['setSimulatorFault']>[0], required: boolean): Promise<void> {
    if (!this.p.gatewayLink.simulatorControl) {
      if (required) throw new AppError('GATEWAY_UNAVAILABLE');
      return;
    }
    try {
      await this.p.gatewayLink.setSimulatorFault(mode);
    } catch {
      if (required) throw new AppError('GATEWAY_UNAVAILABLE');
    }
    this.p.sender.wake();
  }

  // ---- the view ----

  view(run: RunRecord): TrainingRun | null {
    const scenario = this.byId.get(run.scenarioId);
    const trainee = this.s.operators.byId(run.traineeId);
    if (!scenario || !trainee) return null;
    const ended = run.state === 'finished' || run.state === 'stopped';
    const c = run.caseId === null ? undefined : this.p.cases.get(run.caseId);
    const observed = c ? this.observedCase(c.id) : null;
    const errors: RecordedError[] = this.store.mistakes(run.id);
    const ticket = run.ticketId ? this.p.queueStore.get(run.ticketId) : undefined;
    return {
      id: run.id,
      scenario: scenario.summary,
      trainee: { login: trainee.login, fullName: trainee.fullName },
      window: run.window,
      state: run.state,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      ticketNumber: ticket?.number ?? null,
      caseId: c?.id ?? null,
      caseNumber: c?.number ?? null,
      walkIn: scenario.walkIn,
      steps: progress(scenario, observed, errors, ended).steps,
      score: ended ? run.score : null,
    };
  }
}
