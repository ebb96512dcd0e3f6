/**
 * The counter's electronic queue: tickets issued at reception, a kiosk or by the operator;
 * windows that call, recall, mark a no-show, start service (opening a case), transfer, return
 * and finish. Every change is one transaction with its audit row, and the board hears of it.
 */
import { AppError } from '../../shared/errors';
import type { BoardView, QueueSettings, Ticket, TicketPrint, WindowView } from '../../shared/queue';
import type { OperatorRecord } from '../auth/operatorStore';
import { iso } from '../clock';
import type { Services } from '../services';
import { chooseNext } from './callPolicy';
import type { QueueStore, TicketRecord } from './queueStore';

/** Until a group has served anyone today, a visit is taken to last this long. */
const DEFAULT_SERVICE_SECONDS = 10 * 60;

export interface QueueDeps {
  services: Services;
  store: QueueStore;
  today(): string;
  settings(): QueueSettings;
  /** A push that the board (and every operator's queue panel) should refresh. */
  changed(day: string): void;
  called(number: string, window: string, recall: boolean): void;
}

const publicTicket = ({ day: _d, operatorId: _o, lineOrder: _l, ...t }: TicketRecord): Ticket => t;

export class QueueService {
  /** The window each client works at (one operator, one window). */
  private readonly windows = new Map<string, string>();

  constructor(private readonly d: QueueDeps) {}

  private get s() {
    return this.d.services;
  }

  private now() {
    return iso(this.s.clock.now());
  }

  private ticket(id: number): TicketRecord {
    const t = this.d.store.get(id);
    if (!t || t.day !== this.d.today()) throw new AppError('NOT_FOUND');
    return t;
  }

  private windowOf(clientId: string) {
    const name = this.windows.get(clientId);
    const w = name ? this.d.store.window(name) : undefined;
    if (!w) throw new AppError('WINDOW_NOT_SET');
    return w;
  }

  /** One change to the queue: the write and its audit row together, then the board hears of it. */
  private commit<T>(action: string, operator: OperatorRecord | null, subject: string, detail: Record<string, unknown>, write: () => T): T {
    const result = this.s.db.transaction(() => {
      const r = write();
      this.s.audit.append({ actorId: operator?.id ?? null, action, subject, detail });
      return r;
    }).immediate();
    this.d.changed(this.d.today());
    return result;
  }

  // ---- tickets ----

  issue(group: string, priority: string | null, regulationId: string | null, numberPrefix = ''): TicketPrint {
    if (priority && !this.d.settings().priorityCategories.includes(priority)) {
      throw new AppError({ code: 'VALIDATION', issues: [{ path: 'priority', reason: 'queue.priority' }] });
    }
    const day = this.d.today();
    const t = this.s.db.transaction(() => this.d.store.issue(day, group, priority, regulationId, this.now(), numberPrefix)).immediate();
    this.d.changed(day);
    return this.print(t);
  }

  print(t: TicketRecord): TicketPrint {
    const ahead = this.d.store.peopleAhead(t);
    const perVisit = this.d.store.medianServiceSeconds(t.day, t.group) ?? DEFAULT_SERVICE_SECONDS;
    const windows = Math.max(1, this.d.store.activeWindows());
    return { ticket: publicTicket(t), peopleAhead: ahead, estimatedWaitMinutes: Math.ceil((ahead * perVisit) / windows / 60) };
  }

  // ---- windows ----

  setWindow(clientId: string, window: string, groups: string[], operator: OperatorRecord): WindowView {
    this.windows.set(clientId, window);
    this.s.db.transaction(() => this.d.store.putWindow(window, [...new Set(groups)].sort(), false, operator.id, this.now())).immediate();
    return this.windowView(clientId);
  }

  /** The window this client set, if any. */
  windowName(clientId: string): string | undefined {
    return this.windows.get(clientId);
  }

  /** Every window set by a client of this workstation, with its groups (claimed again at the branch when the link returns). */
  setWindows(): { clientId: string; window: string; groups: string[]; paused: boolean }[] {
    return [...this.windows].flatMap(([clientId, name]) => {
      const w = this.d.store.window(name);
      return w ? [{ clientId, window: w.window, groups: w.groups, paused: w.paused }] : [];
    });
  }

  windowView(clientId: string): WindowView {
    const w = this.windowOf(clientId);
    const current = this.d.store.current(this.d.today(), w.window);
    return { window: w.window, groups: w.groups, paused: w.paused, current: current ? publicTicket(current) : null };
  }

  pause(clientId: string, paused: boolean, operator: OperatorRecord): WindowView {
    const w = this.windowOf(clientId);
    this.commit(paused ? 'queue.paused' : 'queue.resumed', operator, `window:${w.window}`, {}, () =>
      this.d.store.putWindow(w.window, w.groups, paused, operator.id, this.now()),
    );
    return this.windowView(clientId);
  }

  /** The client went away: its window stops being counted as serving. */
  forget(clientId: string) {
    const name = this.windows.get(clientId);
    this.windows.delete(clientId);
    const w = name ? this.d.store.window(name) : undefined;
    if (w) this.s.db.transaction(() => this.d.store.putWindow(w.window, w.groups, w.paused, null, this.now())).immediate();
  }

  // ---- calling ----

  callNext(clientId: string, operator: OperatorRecord): Ticket {
    const w = this.windowOf(clientId);
    if (w.paused) throw new AppError('WINDOW_PAUSED');
    const day = this.d.today();
    if (this.d.store.current(day, w.window)) throw new AppError('WINDOW_BUSY');
    const pick = (priority: boolean) =>
      w.groups
        .map((g) => this.d.store.head(day, g, priority))
        .filter((t): t is TicketRecord => t !== undefined)
        .sort((a, b) => a.lineOrder - b.lineOrder)[0];
    const choice = chooseNext(
      { reserved: this.d.store.reservedFor(day, w.window), priority: pick(true), regular: pick(false) },
      this.d.store.streak(day),
      this.d.settings().maxPriorityStreak,
    );
    if (!choice) throw new AppError('QUEUE_EMPTY');
    const called = this.commit('queue.called', operator, `ticket:${choice.ticket.id}`, { window: w.window }, () => {
      this.d.store.putStreak(day, choice.streak);
      return this.d.store.change(choice.ticket, ['waiting'], { state: 'called', window: w.window, operatorId: operator.id, calledAt: this.now() });
    });
    this.d.called(called.number, w.window, false);
    return publicTicket(called);
  }

  callTicket(clientId: string, ticketId: number, operator: OperatorRecord): Ticket {
    const w = this.windowOf(clientId);
    if (w.paused) throw new AppError('WINDOW_PAUSED');
    if (this.d.store.current(this.d.today(), w.window)) throw new AppError('WINDOW_BUSY');
    const t = this.ticket(ticketId);
    const called = this.commit('queue.called', operator, `ticket:${t.id}`, { window: w.window, chosen: true }, () =>
      this.d.store.change(t, ['waiting'], { state: 'called', window: w.window, operatorId: operator.id, calledAt: this.now() }),
    );
    this.d.called(called.number, w.window, false);
    return publicTicket(called);
  }

  /** Calls the same number again; after the configured number of recalls it is a no-show. */
  recall(clientId: string, ticketId: number, version: number, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    if (t.recalls >= this.d.settings().recallsBeforeNoShow) return this.noShow(clientId, ticketId, version, operator);
    const recalled = this.commit('queue.recalled', operator, `ticket:${t.id}`, { recalls: t.recalls + 1 }, () =>
      this.d.store.change(t, ['called'], { recalls: t.recalls + 1 }),
    );
    this.d.called(recalled.number, recalled.window!, true);
    return publicTicket(recalled);
  }

  noShow(clientId: string, ticketId: number, version: number, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    return publicTicket(
      this.commit('queue.noShow', operator, `ticket:${t.id}`, { recalls: t.recalls }, () =>
        this.d.store.change(t, ['called'], { state: 'noShow', finishedAt: this.now() }),
      ),
    );
  }

  /** Service begins: the case under the chosen act is linked to the ticket by the caller. */
  startService(clientId: string, ticketId: number, version: number, caseId: number, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    return publicTicket(
      this.commit('queue.serviceStarted', operator, `ticket:${t.id}`, { caseId }, () =>
        this.d.store.change(t, ['called'], { state: 'serving', serviceStartedAt: this.now(), caseId }),
      ),
    );
  }

  /** The ticket keeps its number and its place in time; it waits in another group or for another window. */
  transfer(clientId: string, ticketId: number, version: number, to: { group?: string; window?: string }, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    return publicTicket(
      this.commit('queue.transferred', operator, `ticket:${t.id}`, { toGroup: to.group ?? null, toWindow: to.window ?? null }, () =>
        this.d.store.change(t, ['called', 'serving'], {
          state: 'waiting',
          line: to.group ?? t.group,
          window: to.window ?? null,
          operatorId: null,
          calledAt: null,
          serviceStartedAt: null,
          recalls: 0,
          transfers: t.transfers + 1,
        }),
      ),
    );
  }

  returnToQueue(clientId: string, ticketId: number, version: number, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    return publicTicket(
      this.commit('queue.returned', operator, `ticket:${t.id}`, {}, () =>
        this.d.store.change(t, ['called'], { state: 'waiting', window: null, operatorId: null, calledAt: null, recalls: 0 }),
      ),
    );
  }

  finish(clientId: string, ticketId: number, version: number, operator: OperatorRecord): Ticket {
    const t = this.mine(clientId, ticketId, version);
    return publicTicket(
      this.commit('queue.finished', operator, `ticket:${t.id}`, {}, () =>
        this.d.store.change(t, ['serving'], { state: 'done', finishedAt: this.now() }),
      ),
    );
  }

  /** A ticket this window called, as the screen last saw it. */
  private mine(clientId: string, ticketId: number, version: number): TicketRecord {
    const w = this.windowOf(clientId);
    const t = this.ticket(ticketId);
    if (t.version !== version || t.window !== w.window || (t.state !== 'called' && t.state !== 'serving')) {
      throw new AppError('TICKET_CHANGED');
    }
    return t;
  }

  // ---- the day ----

  /** Called tickets nobody came for within the time limit become no-shows. */
  expireCalls(): number {
    const limitMs = this.d.settings().noShowAfterSeconds * 1000;
    const overdue = this.d.store.overdueCalls(this.d.today(), iso(this.s.clock.now() - limitMs));
    for (const t of overdue) this.commit('queue.noShow', null, `ticket:${t.id}`, { timeout: true }, () => this.d.store.change(t, ['called'], { state: 'noShow', finishedAt: this.now() }));
    return overdue.length;
  }

  /** Tickets of earlier days still open are recorded as unserved (the app was off when the day ended). */
  closeEarlierDays(): number {
    return this.close(this.d.store.stale(this.d.today()), null);
  }

  /** The supervisor closes the day: every ticket still open today is recorded as unserved. */
  closeDay(operator: OperatorRecord): number {
    const day = this.d.today();
    return this.close([...this.d.store.stale(day), ...this.d.store.forDay(day).filter((t) => ['waiting', 'called', 'serving'].includes(t.state))], operator);
  }

  private close(open: TicketRecord[], operator: OperatorRecord | null): number {
    if (open.length === 0) return 0;
    this.commit('queue.dayClosed', operator, 'queue', { unserved: open.length }, () => {
      for (const t of open) this.d.store.change(t, [t.state], { state: 'unserved', finishedAt: this.now() });
    });
    return open.length;
  }

  board(): BoardView {
    const day = this.d.today();
    return {
      day,
      called: this.d.store.calledRecently(day, 8).map((t) => ({ number: t.number, window: t.window!, calledAt: t.calledAt!, recalls: t.recalls })),
      next: this.d.store.nextWaiting(day, 10).map((t) => ({ number: t.number, group: t.group, priority: t.priority !== null })),
    };
  }

  overview(clientId: string) {
    const day = this.d.today();
    return {
      day,
      window: this.windows.has(clientId) ? this.windowView(clientId) : null,
      waiting: this.d.store.waitingCounts(day).map((r) => ({ group: r.grp, regular: r.regular, priority: r.priority })),
      tickets: this.d.store.today(day).map(publicTicket),
    };
  }
}
