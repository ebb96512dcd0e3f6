/**
 * A branch day under load, driven through the real branch clients: a kiosk issuing tickets with
 * several requests in flight while windows call, recall, serve and mark no-shows, and boards
 * listening. Everything the devices were told is logged with the test's own clock so the checks
 * (branchChecks.ts) can hold it against the database. How each call is sent is the caller's
 * choice: straight (load test) or repeated through the link's drops (kill test).
 */
import { randomBytes } from 'node:crypto';
import { BranchRefusal, type BranchClient } from '../../src/core/branch/branchClient';
import type { BranchCallName, BranchEvent, BranchInput, BranchOutput } from '../../src/shared/branch/wire';
import type { Ticket } from '../../src/shared/queue';

export type Send = <N extends BranchCallName>(client: BranchClient, name: N, input: BranchInput<N>) => Promise<BranchOutput<N>>;

export const GROUPS = ['A', 'B', 'C', 'D', 'E'] as const;

/** Windows share lines: each serves two or three of five groups, so every line has several callers. */
export function windowGroups(index: number): string[] {
  const g = (k: number) => GROUPS[(index + k) % GROUPS.length]!;
  return index % 2 === 0 ? [g(0), g(1), g(3)] : [g(0), g(1)];
}

export interface PlannedTicket {
  key: string;
  group: string;
  priority: string | null;
}

/**
 * The kiosk's day, keys fixed up front. About one ticket in ten is priority, most of them in
 * runs of five in one group (a family, a group from a care home): runs are what push a line's
 * streak to its limit, so the anti-starvation rule is exercised, not just allowed.
 */
export function planTickets(count: number, categories: string[], run = randomBytes(4).toString('hex')): PlannedTicket[] {
  const plan: PlannedTicket[] = [];
  const category = () => categories[Math.floor(Math.random() * categories.length)]!;
  const group = () => GROUPS[Math.floor(Math.random() * GROUPS.length)]!;
  while (plan.length < count) {
    const key = () => `issue:${run}:${plan.length + 1}`;
    if (Math.random() < 0.02) {
      const g = group();
      for (let i = 0; i < 5 && plan.length < count; i++) plan.push({ key: key(), group: g, priority: category() });
    } else {
      plan.push({ key: key(), group: group(), priority: null });
    }
  }
  return plan;
}

export interface IssuedTicket extends PlannedTicket {
  ticketId: number;
  number: string;
  /** When the kiosk had the answer (performance.now): the ticket was committed by then. */
  answeredAt: number;
}

export interface WindowCall {
  ticketId: number;
  number: string;
  window: string;
  /** When the window first sent the call-next that got this ticket (performance.now). */
  sentAt: number;
}

export interface BoardLog {
  device: string;
  called: { id: number; ticketId: number; recall: boolean; window: string }[];
  drops: number;
  close(): void;
}

/** Progress the kill test schedules its kills by: answered calls so far. */
export interface Progress {
  answered: number;
}

const op = (login: string) => ({ login, name: login });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
let keys = 0;
const freshKey = (what: string) => `${what}:${process.pid}:${Date.now().toString(36)}:${++keys}`;

/** The kiosk: `inFlight` issues at a time; resolves when every planned ticket has its answer. */
export async function runKiosk(kiosk: BranchClient, plan: PlannedTicket[], send: Send, progress: Progress, inFlight = 6, onIssued?: (n: number) => void): Promise<IssuedTicket[]> {
  const issued: IssuedTicket[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < plan.length) {
        const p = plan[next++]!;
        const print = await send(kiosk, 'queue.issue', { group: p.group, priority: p.priority, regulationId: null, idemKey: p.key });
        issued.push({ ...p, ticketId: print.ticket.id, number: print.ticket.number, answeredAt: performance.now() });
        progress.answered++;
        onIssued?.(issued.length);
      }
    }),
  );
  return issued;
}

export interface WindowOutcome {
  window: string;
  calls: WindowCall[];
  recalls: number;
  noShows: number;
  served: number;
}

/**
 * One window's operator until the day is over: call the next ticket, now and then call it again,
 * then serve it or mark it a no-show. Every change gets a fresh key, fixed before it is sent.
 * "Over" is QUEUE_EMPTY on a call sent after the kiosk finished: nothing more can come.
 */
export async function runWindow(client: BranchClient, window: string, send: Send, progress: Progress, kioskDone: () => boolean): Promise<WindowOutcome> {
  const out: WindowOutcome = { window, calls: [], recalls: 0, noShows: 0, served: 0 };
  const operator = op(`op${window}`);
  for (;;) {
    const finished = kioskDone();
    const sentAt = performance.now();
    let t: Ticket;
    try {
      t = await send(client, 'queue.callNext', { window, operator, idemKey: freshKey(`call:${window}`) });
    } catch (err) {
      if (!(err instanceof BranchRefusal && err.error.code === 'QUEUE_EMPTY')) throw err;
      progress.answered++;
      if (finished) return out;
      await pause(5 + Math.random() * 10);
      continue;
    }
    progress.answered++;
    out.calls.push({ ticketId: t.id, number: t.number, window, sentAt });
    const ref = () => ({ ticketId: t.id, version: t.version, window, idemKey: freshKey(`change:${window}`) });
    const dice = Math.random();
    if (dice < 0.12) {
      t = await send(client, 'queue.recall', ref());
      progress.answered++;
      out.recalls++;
    }
    if (dice < 0.06 || (dice > 0.12 && dice < 0.17)) {
      await send(client, 'queue.noShow', ref());
      out.noShows++;
    } else {
      t = await send(client, 'queue.startService', { ...ref(), caseNumber: `K-${t.id}` });
      progress.answered++;
      await send(client, 'queue.finish', ref());
      out.served++;
    }
    progress.answered++;
  }
}

/** A hall board: every queue.called event it is handed, and how often its link dropped. */
export async function openBoard(client: BranchClient): Promise<BoardLog> {
  const log: BoardLog = { device: client.identity.device, called: [], drops: 0, close: () => undefined };
  let up!: () => void;
  const linked = new Promise<void>((r) => (up = r));
  const stream = client.events(
    (e: BranchEvent) => {
      if (e.type === 'queue.called') log.called.push({ id: e.id, ticketId: e.ticketId, recall: e.recall, window: e.window });
    },
    (isUp) => (isUp ? up() : log.drops++),
  );
  log.close = () => stream.close();
  await linked;
  // The stream's first frame names where "now" is; a drop before it would lose the catch-up point.
  await pause(200);
  return log;
}

export { op };
