/**
 * The queue as this counter's screens see it. A counter on its own works on its SQLite queue
 * (QueueService), as always. A counter of a branch calls from the branch's queue — one
 * numbering, every window, the hall's kiosk and boards — and, while cut off from the branch,
 * from a local fallback queue whose numbers carry its window (A7-001), so they never collide
 * with the branch's. The fallback's tickets are served here to the end, then reported to the
 * branch by the sync (triggers of migration 0007), each once.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { BranchEvent } from '../../shared/branch/wire';
import type { BoardView, QueueStats, Ticket, TicketPrint, WindowView } from '../../shared/queue';
import type { OperatorRecord } from '../auth/operatorStore';
import type { Emit } from '../services';
import type { QueueService } from '../queue/queueService';
import type { QueueStore } from '../queue/queueStore';
import { BranchRefusal, BranchUnreachable } from './branchClient';
import type { BranchLink } from './branchLink';

type TicketAction = 'recall' | 'noShow' | 'returnToQueue' | 'finish';

export class CounterQueue {
  constructor(
    private readonly local: QueueService,
    private readonly store: QueueStore,
    private readonly link: BranchLink,
    private readonly today: () => string,
  ) {}

  private key(action: string): string {
    return `${this.link.device}:${action}:${randomUUID()}`;
  }

  private get branched(): boolean {
    return this.link.configured;
  }

  /** A branch call whose refusal the operator reads in words; a link that does not answer is left to the caller. */
  private async branch<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof BranchRefusal) throw refusal(err);
      throw err;
    }
  }

  /** Local work when cut off; the branch's otherwise — and the fallback if the branch stops answering mid-call. */
  private async either<T>(viaBranch: () => Promise<T>, locally: () => T): Promise<T> {
    if (!this.branched || !this.link.online) return locally();
    try {
      return await this.branch(viaBranch);
    } catch (err) {
      if (err instanceof BranchUnreachable) return locally();
      throw err;
    }
  }

  private fallbackPrefix(clientId?: string): string {
    const window = clientId ? this.local.windowName(clientId) : undefined;
    return window ?? (this.link.device ?? '').replace(/[^0-9A-Za-z]/g, '').slice(-2);
  }

  issue(group: string, priority: string | null, regulationId: string | null, clientId?: string): Promise<TicketPrint> {
    return this.either(
      () => this.link.call('queue.issue', { group, priority, regulationId, idemKey: this.key('issue') }),
      () => this.local.issue(group, priority, regulationId, this.branched ? this.fallbackPrefix(clientId) : ''),
    );
  }

  async setWindow(clientId: string, window: string, groups: string[], operator: OperatorRecord): Promise<WindowView> {
    if (this.branched && this.link.online) {
      await this.branch(() => this.link.call('queue.setWindow', { window, groups, paused: false, operator: who(operator) })).catch(ignoreUnreachable);
    }
    this.local.setWindow(clientId, window, groups, operator);
    return this.windowView(clientId);
  }

  async pause(clientId: string, paused: boolean, operator: OperatorRecord): Promise<WindowView> {
    this.local.pause(clientId, paused, operator);
    if (this.branched && this.link.online) {
      const w = this.local.windowView(clientId);
      await this.branch(() => this.link.call('queue.setWindow', { window: w.window, groups: w.groups, paused, operator: who(operator) })).catch(ignoreUnreachable);
    }
    return this.windowView(clientId);
  }

  /** The link came back: this workstation's windows are claimed at the branch again. */
  async rejoin(operatorOf: (clientId: string) => OperatorRecord | undefined): Promise<void> {
    for (const w of this.local.setWindows()) {
      const operator = operatorOf(w.clientId);
      await this.link
        .call('queue.setWindow', { window: w.window, groups: w.groups, paused: w.paused, operator: operator ? who(operator) : null })
        .catch(() => undefined);
    }
  }

  async windowView(clientId: string): Promise<WindowView> {
    const view = this.local.windowView(clientId);
    if (view.current || !this.branched || !this.link.online) return view;
    const current = await this.branch(() => this.link.call('queue.current', { window: view.window })).catch(() => null);
    return { ...view, current };
  }

  /** Walk-ins taken while cut off are served first, here; then the branch's queue. */
  callNext(clientId: string, operator: OperatorRecord): Promise<Ticket> {
    const w = this.local.windowView(clientId);
    if (this.branched && this.hasFallbackWaiting(w.groups)) return Promise.resolve(this.local.callNext(clientId, operator));
    return this.either(
      () => this.link.call('queue.callNext', { window: w.window, operator: who(operator), idemKey: this.key('call') }),
      () => this.local.callNext(clientId, operator),
    );
  }

  private hasFallbackWaiting(groups: string[]): boolean {
    const day = this.today();
    return groups.some((g) => this.store.head(day, g, true) ?? this.store.head(day, g, false));
  }

  callTicket(clientId: string, ticketId: number, operator: OperatorRecord): Promise<Ticket> {
    const w = this.local.windowView(clientId);
    return this.either(
      () => this.link.call('queue.callTicket', { ticketId, window: w.window, operator: who(operator), idemKey: this.key('callTicket') }),
      () => this.local.callTicket(clientId, ticketId, operator),
    );
  }

  /** A ticket this window holds: the fallback's own (served here to the end) or the branch's. */
  private isLocal(clientId: string, ticketId: number, version: number): boolean {
    if (!this.branched) return true;
    const t = this.store.get(ticketId);
    return t !== undefined && t.version === version && t.window === this.local.windowName(clientId) && (t.state === 'called' || t.state === 'serving');
  }

  async act(action: TicketAction, clientId: string, ticketId: number, version: number, operator: OperatorRecord): Promise<Ticket> {
    if (this.isLocal(clientId, ticketId, version)) return this.local[action](clientId, ticketId, version, operator);
    const window = this.local.windowView(clientId).window;
    return this.branch(() => this.link.call(`queue.${action}`, { ticketId, version, window, idemKey: this.key(action) })).catch(linkLost);
  }

  async transfer(clientId: string, ticketId: number, version: number, to: { group?: string; window?: string }, operator: OperatorRecord): Promise<Ticket> {
    if (this.isLocal(clientId, ticketId, version)) return this.local.transfer(clientId, ticketId, version, to, operator);
    const window = this.local.windowView(clientId).window;
    return this.branch(() =>
      this.link.call('queue.transfer', { ticketId, version, window, toGroup: to.group ?? null, toWindow: to.window ?? null, idemKey: this.key('transfer') }),
    ).catch(linkLost);
  }

  /** The ticket as it stands, before a case is opened for it. */
  async ticketForService(clientId: string, ticketId: number, version: number): Promise<'local' | 'branch'> {
    this.local.windowView(clientId);
    if (this.isLocal(clientId, ticketId, version)) {
      if (this.store.get(ticketId)!.state !== 'called') throw new AppError('TICKET_CHANGED');
      return 'local';
    }
    const t = await this.branch(() => this.link.call('queue.get', { ticketId })).catch(linkLost);
    if (t.version !== version || t.state !== 'called') throw new AppError('TICKET_CHANGED');
    return 'branch';
  }

  async startService(clientId: string, ticketId: number, version: number, caseId: number, caseNumber: string, operator: OperatorRecord, where: 'local' | 'branch'): Promise<Ticket> {
    if (where === 'local') return this.local.startService(clientId, ticketId, version, caseId, operator);
    const window = this.local.windowView(clientId).window;
    return this.branch(() => this.link.call('queue.startService', { ticketId, version, window, caseNumber, idemKey: this.key('start') })).catch(linkLost);
  }

  /**
   * The day's wait and service times: the whole branch's when the branch answers (operators named
   * from the shared directory), this counter's own otherwise.
   */
  stats(day: string, locally: () => QueueStats, operatorOf: (login: string) => OperatorRecord | undefined): Promise<QueueStats> {
    return this.either(async () => {
      const branch = await this.link.call('queue.stats', { day });
      return {
        ...branch,
        byOperator: branch.byOperator.map(({ operatorLogin, ...figures }, i) => {
          const operator = operatorOf(operatorLogin);
          // An operator this counter has not heard of yet keeps a row of its own, named by login.
          return { operatorId: operator?.id ?? -(i + 1), operatorName: operator?.fullName ?? operatorLogin, ...figures };
        }),
      };
    }, locally);
  }

  /** The supervisor closes the day of this counter's own queue (with a branch: what the fallback numbered). */
  closeDay(operator: OperatorRecord): number {
    return this.local.closeDay(operator);
  }

  board(windows: string[] | undefined): Promise<BoardView> {
    return this.either(
      () => this.link.call('queue.board', { windows: windows ?? null }),
      () => {
        const view = this.local.board();
        return windows ? { ...view, called: view.called.filter((c) => windows.includes(c.window)) } : view;
      },
    );
  }

  async overview(clientId: string) {
    const local = this.local.overview(clientId);
    if (!this.branched || !this.link.online) return local;
    const remote = await this.branch(() => this.link.call('queue.overview', {})).catch(() => null);
    if (!remote) return local;
    return { ...remote, window: local.window ? await this.windowView(clientId) : null };
  }

  /** The branch's pushes, for this workstation's screens, in the counter's own event shapes. */
  static relay(emit: Emit, event: BranchEvent) {
    if (event.type === 'queue.called') emit('*', 'queue.called', { number: event.number, window: event.window, recall: event.recall });
    else if (event.type === 'queue.changed') emit('*', 'queue.changed', { day: event.day });
  }
}

const who = (o: OperatorRecord) => ({ login: o.login, name: o.fullName });

function ignoreUnreachable(err: unknown) {
  if (!(err instanceof BranchUnreachable)) throw err;
}

/** A ticket of the branch's cannot be changed while the branch does not answer: the operator is told so. */
function linkLost(err: unknown): never {
  if (err instanceof BranchUnreachable) throw new AppError('BRANCH_UNREACHABLE');
  throw err;
}

/** The branch's refusal in the counter's own codes, which the screens already put into words. */
function refusal(err: BranchRefusal): AppError {
  const code = err.error.code;
  switch (code) {
    case 'QUEUE_EMPTY':
    case 'TICKET_CHANGED':
    case 'WINDOW_BUSY':
    case 'WINDOW_TAKEN':
    case 'WINDOW_PAUSED':
      return new AppError(code);
    case 'VALIDATION':
      return new AppError({ code: 'VALIDATION', issues: err.error.issues });
    default:
      return new AppError({ code: 'BRANCH_REFUSED', branch: { code, update: err.error.update } });
  }
}
