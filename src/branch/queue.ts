/**
 * The branch's electronic queue on PostgreSQL: one numbering per group and day for the whole
 * branch, every window calling from it, the boards told of every call. Each change a window asks
 * for is idempotent by the key its workstation fixed, so a retry after a lost answer (the server
 * killed mid-call) changes nothing twice.
 */
import type { Pool, PoolClient } from 'pg';
import type { BranchOutput, BranchParsed } from '../shared/branch/wire';
import type { Ticket, TicketState } from '../shared/queue';
import { idempotent, inTransaction } from './db/tx';
import { BranchFailure, fromPg } from './failure';

/** Until a line has served anyone today, a visit is taken to last this long. */
const DEFAULT_SERVICE_SECONDS = 10 * 60;
const AHEAD_CAP = 1000;

export interface Device {
  id: number;
  name: string;
  role: 'workstation' | 'kiosk' | 'board';
}

interface TicketRow {
  id: string;
  line: string;
  priority: string | null;
  line_order: string;
  state: TicketState;
  window: string | null;
  version: number;
  recalls: number;
  transfers: number;
  /** Numbered by a workstation while cut off: that workstation serves it. */
  fallback: boolean;
  json: Ticket;
}

const SELECT_TICKET =
  'SELECT id, line, priority, line_order, state, "window", version, recalls, transfers, origin_device IS NOT NULL AS fallback, ticket_json(t) AS json FROM tickets t';

export class BranchQueue {
  constructor(
    private readonly pool: Pool,
    private readonly today: () => string,
  ) {}

  async issue(device: Device, input: BranchParsed<'queue.issue'>): Promise<BranchOutput<'queue.issue'>> {
    const day = this.today();
    const settings = await this.pool.query<{ priority_categories: string[] }>('SELECT priority_categories FROM branch_settings');
    if (input.priority && !settings.rows[0]!.priority_categories.includes(input.priority)) {
      throw new BranchFailure({ code: 'VALIDATION', issues: [{ path: 'priority', reason: 'queue.priority' }] }, 400);
    }
    // Numbers as the workstation's own queue writes them (A-007, A-1000): lpad alone would cut the
    // 1000th ticket of a group down to A-100, a number already given that day.
    const ticket = await idempotent(this.pool, input.idemKey, device.id, 'queue.issue', async (c) => {
      const { rows } = await c.query<{ json: Ticket }>(
        `WITH s AS (
           INSERT INTO ticket_sequences (day, grp, last) VALUES ($1, $2, 1)
           ON CONFLICT (day, grp) DO UPDATE SET last = ticket_sequences.last + 1 RETURNING last)
         INSERT INTO tickets AS t (day, grp, line, seq, number, priority, regulation_id, state, issued_at, line_order, issued_by)
         SELECT $1, $2, $2, s.last, $2 || '-' || lpad(s.last::text, greatest(3, length(s.last::text)), '0'), $3, $4, 'waiting', now(),
                (extract(epoch FROM clock_timestamp()) * 1000000)::bigint, $5 FROM s
         RETURNING ticket_json(t) AS json`,
        [day, input.group, input.priority, input.regulationId, device.id],
      );
      await notifyChanged(c, day);
      return rows[0]!.json;
    });
    return this.print(ticket);
  }

  /** What the printed ticket says: people ahead (counted up to a cap) and the expected wait. */
  private async print(ticket: Ticket): Promise<BranchOutput<'queue.issue'>> {
    const { rows } = await this.pool.query<{ ahead: number; median: number | null; windows: number }>(
      `SELECT
         (SELECT count(*)::int FROM (SELECT 1 FROM tickets o WHERE o.day = t.day AND o.state = 'waiting' AND o.line = t.line
            AND ((o.priority IS NOT NULL) > (t.priority IS NOT NULL)
              OR ((o.priority IS NOT NULL) = (t.priority IS NOT NULL) AND o.line_order < t.line_order)) LIMIT ${AHEAD_CAP}) a) AS ahead,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - service_started_at))
            FROM tickets d WHERE d.day = t.day AND d.line = t.line AND d.state = 'done' AND d.service_started_at IS NOT NULL) AS median,
         (SELECT count(*)::int FROM windows WHERE NOT paused AND operator_login IS NOT NULL) AS windows
       FROM tickets t WHERE t.id = $1`,
      [ticket.id],
    );
    const r = rows[0]!;
    const perVisit = r.median ?? DEFAULT_SERVICE_SECONDS;
    return { ticket, peopleAhead: r.ahead, estimatedWaitMinutes: Math.ceil((r.ahead * perVisit) / Math.max(1, r.windows) / 60) };
  }

  /** A window is held by one workstation: another takes it only when no ticket is open there. */
  async setWindow(device: Device, input: BranchParsed<'queue.setWindow'>): Promise<{ done: true }> {
    await inTransaction(this.pool, async (c) => {
      const held = await c.query<{ device_id: number }>('SELECT device_id FROM windows WHERE "window" = $1 FOR UPDATE', [input.window]);
      const holder = held.rows[0]?.device_id;
      if (holder !== undefined && holder !== device.id) {
        const open = await c.query('SELECT 1 FROM tickets WHERE day = $1 AND "window" = $2 AND state IN (\'called\', \'serving\')', [this.today(), input.window]);
        if (open.rowCount) throw new BranchFailure('WINDOW_TAKEN');
      }
      // A workstation serves one window: the one it held before is let go.
      await c.query('DELETE FROM windows WHERE device_id = $1 AND "window" <> $2', [device.id, input.window]);
      await c.query(
        `INSERT INTO windows ("window", device_id, groups, paused, operator_login, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT ("window") DO UPDATE SET device_id = excluded.device_id, groups = excluded.groups, paused = excluded.paused,
           operator_login = excluded.operator_login, updated_at = excluded.updated_at`,
        [input.window, device.id, [...new Set(input.groups)].sort(), input.paused, input.operator?.login ?? null],
      );
    });
    return { done: true };
  }

  /** One statement: call_next checks the window, chooses, calls, announces and keeps the answer under the key. */
  async callNext(device: Device, input: BranchParsed<'queue.callNext'>): Promise<Ticket> {
    // A connection of its own, given back as healthy whatever call_next raises: pool.query would
    // close the connection on QUEUE_EMPTY or WINDOW_BUSY, and an idle window asking again and
    // again would cost PostgreSQL a new backend (and a fresh compile of call_next) every time.
    const c = await this.pool.connect();
    try {
      const { rows } = await c.query<{ r: Ticket }>('SELECT call_next($1, $2, $3, $4, $5) AS r', [
        input.idemKey, device.id, this.today(), input.window, input.operator.login,
      ]);
      return rows[0]!.r;
    } catch (err) {
      // Two tries of one key at the same instant: the loser reads the winner's answer.
      if ((err as { constraint?: string }).constraint === 'requests_pkey') return this.answered(input.idemKey);
      throw fromPg(err) ?? err;
    } finally {
      c.release();
    }
  }

  private async answered(key: string): Promise<Ticket> {
    const { rows } = await this.pool.query<{ response: Ticket }>('SELECT response FROM requests WHERE idem_key = $1', [key]);
    return rows[0]!.response;
  }

  async callTicket(device: Device, input: BranchParsed<'queue.callTicket'>): Promise<Ticket> {
    await this.mustHoldWindow(device, input.window, true);
    const day = this.today();
    return idempotent(this.pool, input.idemKey, device.id, 'queue.callTicket', async (c) => {
      const t = await this.lockTicket(c, input.ticketId, day);
      if (t.state !== 'waiting' || t.fallback || (t.window !== null && t.window !== input.window)) throw new BranchFailure('TICKET_CHANGED');
      return this.update(c, day, t, `state = 'called', "window" = $2, operator_login = $3, called_at = now()`, [input.window, input.operator.login], 'call');
    });
  }

  async recall(device: Device, input: BranchParsed<'queue.recall'>): Promise<Ticket> {
    const { recalls_before_no_show: limit } = (await this.pool.query<{ recalls_before_no_show: number }>('SELECT recalls_before_no_show FROM branch_settings')).rows[0]!;
    return this.windowChange(device, input, 'queue.recall', ['called'], (t) =>
      t.recalls >= limit
        ? { set: `state = 'noShow', finished_at = now()`, params: [] }
        : { set: 'recalls = recalls + 1', params: [], announce: 'recall' as const },
    );
  }

  noShow(device: Device, input: BranchParsed<'queue.noShow'>) {
    return this.windowChange(device, input, 'queue.noShow', ['called'], () => ({ set: `state = 'noShow', finished_at = now()`, params: [] }));
  }

  returnToQueue(device: Device, input: BranchParsed<'queue.returnToQueue'>) {
    return this.windowChange(device, input, 'queue.returnToQueue', ['called'], () => ({
      set: `state = 'waiting', "window" = NULL, operator_login = NULL, called_at = NULL, recalls = 0`,
      params: [],
    }));
  }

  finish(device: Device, input: BranchParsed<'queue.finish'>) {
    return this.windowChange(device, input, 'queue.finish', ['serving'], () => ({ set: `state = 'done', finished_at = now()`, params: [] }));
  }

  startService(device: Device, input: BranchParsed<'queue.startService'>) {
    return this.windowChange(device, input, 'queue.startService', ['called'], () => ({
      set: `state = 'serving', service_started_at = now(), case_number = $2`,
      params: [input.caseNumber],
    }));
  }

  /** The ticket keeps its number and its place in time; it waits in another line or for another window. */
  transfer(device: Device, input: BranchParsed<'queue.transfer'>) {
    return this.windowChange(device, input, 'queue.transfer', ['called', 'serving'], (t) => ({
      set: `state = 'waiting', line = $2, "window" = $3, operator_login = NULL, called_at = NULL, service_started_at = NULL,
            recalls = 0, transfers = transfers + 1`,
      params: [input.toGroup ?? t.line, input.toWindow],
    }));
  }

  private async windowChange(
    device: Device,
    input: { ticketId: number; version: number; window: string; idemKey: string },
    call: string,
    expected: TicketState[],
    plan: (t: TicketRow) => { set: string; params: unknown[]; announce?: 'recall' },
  ): Promise<Ticket> {
    await this.mustHoldWindow(device, input.window, false);
    const day = this.today();
    return idempotent(this.pool, input.idemKey, device.id, call, async (c) => {
      const t = await this.lockTicket(c, input.ticketId, day);
      if (t.fallback || t.version !== input.version || t.window !== input.window || !expected.includes(t.state)) throw new BranchFailure('TICKET_CHANGED');
      const p = plan(t);
      return this.update(c, day, t, p.set, p.params, p.announce);
    });
  }

  private async lockTicket(c: PoolClient, id: number, day: string): Promise<TicketRow> {
    const { rows } = await c.query<TicketRow & { day: string }>(`${SELECT_TICKET} WHERE id = $1 AND day = $2 FOR UPDATE`, [id, day]);
    if (!rows[0]) throw new BranchFailure('TICKET_CHANGED');
    return rows[0];
  }

  private async update(c: PoolClient, day: string, t: TicketRow, set: string, params: unknown[], announce?: 'call' | 'recall'): Promise<Ticket> {
    const { rows } = await c.query<{ json: Ticket }>(
      `UPDATE tickets t SET ${set}, version = version + 1 WHERE id = $1 RETURNING ticket_json(t) AS json,
       ${announce ? `(SELECT announce($${params.length + 2}::date, t, ${announce === 'recall'}))` : 'NULL'} AS announced`,
      announce ? [t.id, ...params, day] : [t.id, ...params],
    );
    await notifyChanged(c, day);
    return rows[0]!.json;
  }

  private async mustHoldWindow(device: Device, window: string, toCall: boolean) {
    const { rows } = await this.pool.query<{ paused: boolean }>('SELECT paused FROM windows WHERE "window" = $1 AND device_id = $2', [window, device.id]);
    if (!rows[0]) throw new BranchFailure('WINDOW_TAKEN');
    if (toCall && rows[0].paused) throw new BranchFailure('WINDOW_PAUSED');
  }

  async current(device: Device, window: string): Promise<Ticket | null> {
    const { rows } = await this.pool.query<{ json: Ticket }>(
      `SELECT ticket_json(t) AS json FROM tickets t WHERE day = $1 AND "window" = $2 AND state IN ('called', 'serving')`,
      [this.today(), window],
    );
    void device;
    return rows[0]?.json ?? null;
  }

  async get(id: number): Promise<Ticket> {
    const { rows } = await this.pool.query<{ json: Ticket }>('SELECT ticket_json(t) AS json FROM tickets t WHERE id = $1 AND day = $2', [id, this.today()]);
    if (!rows[0]) throw new BranchFailure('TICKET_CHANGED');
    return rows[0].json;
  }

  async overview(): Promise<BranchOutput<'queue.overview'>> {
    const day = this.today();
    const [waiting, tickets] = await Promise.all([
      this.pool.query<{ group: string; regular: number; priority: number }>(
        `SELECT line AS "group", count(*) FILTER (WHERE priority IS NULL)::int AS regular, count(*) FILTER (WHERE priority IS NOT NULL)::int AS priority
         FROM tickets WHERE day = $1 AND state = 'waiting' GROUP BY line ORDER BY line`,
        [day],
      ),
      this.pool.query<{ json: Ticket }>('SELECT ticket_json(t) AS json FROM tickets t WHERE day = $1 ORDER BY id DESC LIMIT 300', [day]),
    ]);
    return { day, waiting: waiting.rows, tickets: tickets.rows.map((r) => r.json) };
  }

  async board(windows: string[] | null): Promise<BranchOutput<'queue.board'>> {
    const day = this.today();
    const [called, next] = await Promise.all([
      this.pool.query<{ number: string; window: string; calledAt: string; recalls: number }>(
        `SELECT number, "window", iso(called_at) AS "calledAt", recalls FROM tickets
         WHERE day = $1 AND state IN ('called', 'serving') AND ($2::text[] IS NULL OR "window" = ANY($2))
         ORDER BY called_at DESC LIMIT 8`,
        [day, windows],
      ),
      this.pool.query<{ number: string; group: string; priority: boolean }>(
        `SELECT number, line AS "group", priority IS NOT NULL AS priority FROM tickets
         WHERE day = $1 AND state = 'waiting' ORDER BY (priority IS NOT NULL) DESC, line_order LIMIT 10`,
        [day],
      ),
    ]);
    return { day, called: called.rows, next: next.rows };
  }
}

/** A refresh for the operators' queue panels and the boards' "next" list (not kept: a refresh is a refresh). */
export async function notifyChanged(c: PoolClient, day: string) {
  await c.query(`SELECT pg_notify('azho_branch', json_build_object('type', 'queue.changed', 'id', 0, 'day', $1::text)::text)`, [day]);
}
