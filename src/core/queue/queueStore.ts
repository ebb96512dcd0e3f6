/** Tickets and windows in SQLite. Every change to a ticket checks the state and version it was read at. */
import type { Database, Statement } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Ticket, TicketState } from '../../shared/queue';

interface Row {
  id: number;
  day: string;
  grp: string;
  line: string;
  seq: number;
  number: string;
  priority: string | null;
  regulation_id: string | null;
  state: TicketState;
  window: string | null;
  operator_id: number | null;
  recalls: number;
  issued_at: string;
  line_order: number;
  called_at: string | null;
  service_started_at: string | null;
  finished_at: string | null;
  case_id: number | null;
  transfers: number;
  version: number;
}

export interface TicketRecord extends Ticket {
  day: string;
  operatorId: number | null;
  lineOrder: number;
}

/** People ahead are counted up to this many. */
export const AHEAD_CAP = 1000;

const toTicket = (r: Row): TicketRecord => ({
  id: r.id,
  day: r.day,
  number: r.number,
  group: r.line,
  priority: r.priority,
  regulationId: r.regulation_id,
  state: r.state,
  window: r.window,
  operatorId: r.operator_id,
  recalls: r.recalls,
  issuedAt: r.issued_at,
  lineOrder: r.line_order,
  calledAt: r.called_at,
  serviceStartedAt: r.service_started_at,
  finishedAt: r.finished_at,
  caseId: r.case_id,
  transfers: r.transfers,
  version: r.version,
});

export type TicketChange = Partial<{
  state: TicketState;
  window: string | null;
  operatorId: number | null;
  recalls: number;
  line: string;
  lineOrder: number;
  calledAt: string | null;
  serviceStartedAt: string | null;
  finishedAt: string | null;
  caseId: number | null;
  transfers: number;
}>;

const COLUMNS: Record<keyof TicketChange, string> = {
  state: 'state',
  window: 'window',
  operatorId: 'operator_id',
  recalls: 'recalls',
  line: 'line',
  lineOrder: 'line_order',
  calledAt: 'called_at',
  serviceStartedAt: 'service_started_at',
  finishedAt: 'finished_at',
  caseId: 'case_id',
  transfers: 'transfers',
};

export function createQueueStore(db: Database) {
  const q = {
    nextSeq: db.prepare(
      'INSERT INTO ticket_sequences (day, grp, last) VALUES (?, ?, 1) ON CONFLICT(day, grp) DO UPDATE SET last = last + 1 RETURNING last',
    ),
    insert: db.prepare(
      `INSERT INTO tickets (day, grp, line, seq, number, priority, regulation_id, state, issued_at, line_order)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
    ),
    get: db.prepare('SELECT * FROM tickets WHERE id = ?'),
    lineOrder: db.prepare('UPDATE tickets SET line_order = id WHERE id = ?'),
    head: db.prepare(
      `SELECT * FROM tickets WHERE day = ? AND state = 'waiting' AND line = ? AND (priority IS NOT NULL) = ? AND window IS NULL
       ORDER BY line_order LIMIT 1`,
    ),
    reserved: db.prepare("SELECT * FROM tickets WHERE day = ? AND state = 'waiting' AND window = ? ORDER BY line_order LIMIT 1"),
    // Counted up to a cap: the ticket says "over 999 ahead" rather than count a whole day on every issue.
    ahead: db.prepare(
      `SELECT count(*) AS n FROM (SELECT 1 FROM tickets WHERE day = ? AND state = 'waiting' AND line = ?
       AND ((priority IS NOT NULL) > ? OR ((priority IS NOT NULL) = ? AND line_order < ?)) LIMIT ${AHEAD_CAP})`,
    ),
    waitingCounts: db.prepare(
      "SELECT line AS grp, sum(priority IS NULL) AS regular, sum(priority IS NOT NULL) AS priority FROM tickets WHERE day = ? AND state = 'waiting' GROUP BY line ORDER BY line",
    ),
    today: db.prepare('SELECT * FROM tickets WHERE day = ? ORDER BY id DESC LIMIT ?'),
    calledRecently: db.prepare(
      "SELECT * FROM tickets WHERE day = ? AND state IN ('called', 'serving') AND window IS NOT NULL ORDER BY called_at DESC LIMIT ?",
    ),
    nextWaiting: db.prepare(
      "SELECT * FROM tickets WHERE day = ? AND state = 'waiting' ORDER BY (priority IS NOT NULL) DESC, line_order LIMIT ?",
    ),
    current: db.prepare("SELECT * FROM tickets WHERE day = ? AND window = ? AND state IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1"),
    stale: db.prepare("SELECT * FROM tickets WHERE day < ? AND state IN ('waiting', 'called', 'serving')"),
    overdueCalls: db.prepare("SELECT * FROM tickets WHERE day = ? AND state = 'called' AND called_at <= ?"),
    serviceMedian: db.prepare(
      `SELECT (julianday(finished_at) - julianday(service_started_at)) * 86400 AS s FROM tickets
       WHERE day = ? AND line = ? AND state = 'done' AND service_started_at IS NOT NULL ORDER BY s LIMIT 1 OFFSET
       (SELECT count(*) / 2 FROM tickets WHERE day = ? AND line = ? AND state = 'done' AND service_started_at IS NOT NULL)`,
    ),
    forDay: db.prepare('SELECT * FROM tickets WHERE day = ?'),
    streak: db.prepare('SELECT priority_streak AS streak FROM queue_state WHERE day = ?'),
    putStreak: db.prepare(
      'INSERT INTO queue_state (day, priority_streak) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET priority_streak = excluded.priority_streak',
    ),
    window: db.prepare('SELECT * FROM queue_windows WHERE window = ?'),
    putWindow: db.prepare(
      `INSERT INTO queue_windows (window, groups, paused, operator_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(window) DO UPDATE SET groups = excluded.groups, paused = excluded.paused, operator_id = excluded.operator_id, updated_at = excluded.updated_at`,
    ),
    activeWindows: db.prepare('SELECT count(*) AS n FROM queue_windows WHERE paused = 0 AND operator_id IS NOT NULL'),
  };
  const updates = new Map<string, Statement<unknown[]>>();

  return {
    /**
     * A ticket numbered in its group (A-001); with a prefix, in a range of its own (A7-001: the
     * fallback queue of window 7 while it is cut off from its branch), never colliding with the branch's.
     */
    issue(day: string, grp: string, priority: string | null, regulationId: string | null, at: string, prefix = ''): TicketRecord {
      const seq = (q.nextSeq.get(day, grp + prefix) as { last: number }).last;
      const number = `${grp}${prefix}-${String(seq).padStart(3, '0')}`;
      // Line order is the issue order of the whole day: a transferred ticket keeps its place in time.
      const id = Number(q.insert.run(day, grp, grp, seq, number, priority, regulationId, at, 0).lastInsertRowid);
      q.lineOrder.run(id);
      return toTicket(q.get.get(id) as Row);
    },

    get(id: number): TicketRecord | undefined {
      const r = q.get.get(id) as Row | undefined;
      return r && toTicket(r);
    },

    /** The oldest waiting ticket of a group's priority or regular line (not reserved for a window). */
    head(day: string, grp: string, priority: boolean): TicketRecord | undefined {
      const r = q.head.get(day, grp, priority ? 1 : 0) as Row | undefined;
      return r && toTicket(r);
    },

    reservedFor(day: string, window: string): TicketRecord | undefined {
      const r = q.reserved.get(day, window) as Row | undefined;
      return r && toTicket(r);
    },

    peopleAhead(t: TicketRecord): number {
      const p = t.priority ? 1 : 0;
      return (q.ahead.get(t.day, t.group, p, p, t.lineOrder) as { n: number }).n;
    },

    waitingCounts(day: string) {
      return q.waitingCounts.all(day) as { grp: string; regular: number; priority: number }[];
    },

    today(day: string, limit = 300): TicketRecord[] {
      return (q.today.all(day, limit) as Row[]).map(toTicket);
    },

    calledRecently(day: string, limit: number): TicketRecord[] {
      return (q.calledRecently.all(day, limit) as Row[]).map(toTicket);
    },

    nextWaiting(day: string, limit: number): TicketRecord[] {
      return (q.nextWaiting.all(day, limit) as Row[]).map(toTicket);
    },

    current(day: string, window: string): TicketRecord | undefined {
      const r = q.current.get(day, window) as Row | undefined;
      return r && toTicket(r);
    },

    /** Tickets of earlier days still open: the day was not closed (the app was off at midnight). */
    stale(day: string): TicketRecord[] {
      return (q.stale.all(day) as Row[]).map(toTicket);
    },

    overdueCalls(day: string, calledBefore: string): TicketRecord[] {
      return (q.overdueCalls.all(day, calledBefore) as Row[]).map(toTicket);
    },

    medianServiceSeconds(day: string, grp: string): number | null {
      const r = q.serviceMedian.get(day, grp, day, grp) as { s: number } | undefined;
      return r?.s ?? null;
    },

    forDay(day: string): TicketRecord[] {
      return (q.forDay.all(day) as Row[]).map(toTicket);
    },

    /** Changes a ticket if it still is as it was read; another window got there first otherwise. */
    change(t: TicketRecord, expected: TicketState[], change: TicketChange): TicketRecord {
      if (!expected.includes(t.state)) throw new AppError('TICKET_CHANGED');
      const keys = Object.keys(change) as (keyof TicketChange)[];
      const sql = `UPDATE tickets SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, version = version + 1 WHERE id = ? AND version = ?`;
      let statement = updates.get(sql);
      if (!statement) updates.set(sql, (statement = db.prepare(sql)));
      if (statement.run(...keys.map((k) => change[k] ?? null), t.id, t.version).changes !== 1) throw new AppError('TICKET_CHANGED');
      return toTicket(q.get.get(t.id) as Row);
    },

    streak: (day: string) => (q.streak.get(day) as { streak: number } | undefined)?.streak ?? 0,
    putStreak: (day: string, streak: number) => void q.putStreak.run(day, streak),

    window(name: string) {
      const r = q.window.get(name) as { window: string; groups: string; paused: number; operator_id: number | null } | undefined;
      return r && { window: r.window, groups: JSON.parse(r.groups) as string[], paused: r.paused === 1, operatorId: r.operator_id };
    },
    putWindow(name: string, groups: string[], paused: boolean, operatorId: number | null, at: string) {
      q.putWindow.run(name, JSON.stringify(groups), paused ? 1 : 0, operatorId, at);
    },
    activeWindows: () => (q.activeWindows.get() as { n: number }).n,
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
