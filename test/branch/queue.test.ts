import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BranchRefusal, type BranchClient } from '../../src/core/branch/branchClient';
import { keepTheDay } from '../../src/branch/dayKeeping';
import { branchDay } from '../../src/branch/server';
import { startTestBranch, type TestBranch } from '../support/branch';
import { postgresAvailable } from '../support/postgres';

const op = (login: string) => ({ login, name: login });
let key = 0;
const idem = (p: string) => `${p}:${process.pid}:${++key}`;

describe.skipIf(!postgresAvailable)('branch queue on PostgreSQL', () => {
  let branch: TestBranch;
  let w1: BranchClient;
  let w2: BranchClient;
  let kiosk: BranchClient;

  beforeAll(async () => {
    branch = await startTestBranch();
    [w1, w2, kiosk] = await Promise.all([branch.client('W-01'), branch.client('W-02'), branch.client('K-01', 'kiosk')]);
    await w1.call('queue.setWindow', { window: '1', groups: ['A', 'B'], paused: false, operator: op('aigerim') });
    await w2.call('queue.setWindow', { window: '2', groups: ['A'], paused: false, operator: op('nurlan') });
  });
  afterAll(async () => branch?.close());

  it('numbers tickets per group for the whole branch, and a repeat of the kiosk key is the same ticket', async () => {
    const a = await kiosk.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: idem('k') });
    const k = idem('k');
    const b = await kiosk.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: k });
    const again = await kiosk.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: k });
    const c = await w2.call('queue.issue', { group: 'B', priority: null, regulationId: null, idemKey: idem('w') });
    expect([a.ticket.number, b.ticket.number, c.ticket.number]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(again.ticket.id).toBe(b.ticket.id);
    expect(b.peopleAhead).toBe(1);
  });

  it('calls the oldest first, never one ticket at two windows, and says when the window is busy', async () => {
    const t1 = await w1.call('queue.callNext', { window: '1', operator: op('aigerim'), idemKey: idem('c') });
    const t2 = await w2.call('queue.callNext', { window: '2', operator: op('nurlan'), idemKey: idem('c') });
    expect(t1.number).toBe('A-001');
    expect(t2.number).toBe('A-002');
    await expect(w1.call('queue.callNext', { window: '1', operator: op('aigerim'), idemKey: idem('c') })).rejects.toMatchObject({ error: { code: 'WINDOW_BUSY' } });
    const started = await w1.call('queue.startService', { ticketId: t1.id, version: t1.version, window: '1', caseNumber: 'K-1', idemKey: idem('s') });
    expect(started.state).toBe('serving');
    await expect(w2.call('queue.finish', { ticketId: t1.id, version: started.version, window: '2', idemKey: idem('f') })).rejects.toBeInstanceOf(BranchRefusal);
    const done = await w1.call('queue.finish', { ticketId: t1.id, version: started.version, window: '1', idemKey: idem('f') });
    expect(done.state).toBe('done');
  });

  it('numbers on past 999 in a group without cutting the number short', async () => {
    const day = (await kiosk.call('hello', {})).day;
    await branch.server.pool.query(`INSERT INTO ticket_sequences (day, grp, last) VALUES ($1, 'Z', 998)`, [day]);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await kiosk.call('queue.issue', { group: 'Z', priority: null, regulationId: null, idemKey: idem('z') })).ticket.number);
    expect(numbers).toEqual(['Z-999', 'Z-1000', 'Z-1001']);
  });

  it('a board may not issue tickets', async () => {
    const board = await branch.client('B-01', 'board');
    await expect(board.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: idem('b') })).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    const view = await board.call('queue.board', { windows: ['2'] });
    expect(view.called.map((c) => c.window)).toEqual(['2']);
  });

  it('marks a call nobody came for as a no-show, and closes an earlier day', async () => {
    const today = branchDay('Asia/Almaty');
    await kiosk.call('queue.issue', { group: 'B', priority: null, regulationId: null, idemKey: idem('k') });
    const called = await w1.call('queue.callNext', { window: '1', operator: op('aigerim'), idemKey: idem('c') });
    const pool = branch.server.pool;
    await pool.query("UPDATE tickets SET called_at = now() - interval '6 minutes' WHERE id = $1", [called.id]);
    await pool.query(
      `INSERT INTO tickets (day, grp, line, seq, number, state, issued_at, line_order)
       VALUES ($1::date - 1, 'A', 'A', 900, 'A-900', 'waiting', now() - interval '1 day', 1)`,
      [today],
    );
    expect(await keepTheDay(pool, today)).toEqual({ noShows: 1, unserved: 1 });
    const states = await pool.query<{ number: string; state: string }>("SELECT number, state FROM tickets WHERE id = $1 OR number = 'A-900'", [called.id]);
    expect(Object.fromEntries(states.rows.map((r) => [r.number, r.state]))).toEqual({ [called.number]: 'noShow', 'A-900': 'unserved' });
    expect(await keepTheDay(pool, today)).toEqual({ noShows: 0, unserved: 0 });
  });

  it("gives the supervisor's figures for the whole branch, computed as a counter computes its own", async () => {
    const day = '2026-02-02';
    const at = (min: number) => `2026-02-02T04:${String(min).padStart(2, '0')}:00Z`;
    // Waits of 1, 2 and 3 minutes; one served for 5 minutes by aigerim, one no-show by nurlan.
    const rows = [
      { grp: 'A', seq: 1, state: 'done', login: 'aigerim', issued: at(0), called: at(1), started: at(2), finished: at(7) },
      { grp: 'A', seq: 2, state: 'noShow', login: 'nurlan', issued: at(0), called: at(2), started: null, finished: at(4) },
      { grp: 'B', seq: 1, state: 'unserved', login: null, issued: at(0), called: at(3), started: null, finished: at(9) },
    ];
    for (const r of rows) {
      await branch.server.pool.query(
        `INSERT INTO tickets (day, grp, line, seq, number, state, operator_login, issued_at, called_at, service_started_at, finished_at, line_order)
         VALUES ($1, $2, $2, $3::int, $2 || '-00' || $3::text, $4, $5, $6, $7, $8, $9, 1)`,
        [day, r.grp, r.seq, r.state, r.login, r.issued, r.called, r.started, r.finished],
      );
    }
    const stats = await w1.call('queue.stats', { day });
    expect(stats.total).toEqual({ issued: 3, served: 1, noShow: 1, unserved: 1, waitMeanSeconds: 120, waitP90Seconds: 180, serviceMeanSeconds: 300, serviceP90Seconds: 300 });
    expect(stats.byGroup.map((g) => [g.group, g.issued, g.waitMeanSeconds])).toEqual([['A', 2, 90], ['B', 1, 180]]);
    expect(Object.fromEntries(stats.byOperator.map((o) => [o.operatorLogin, o.served]))).toEqual({ aigerim: 1, nurlan: 0 });
  });
});
