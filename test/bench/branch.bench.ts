/**
 * Benchmarks of the branch server (PostgreSQL, HTTPS with client certificates), in a fresh
 * database, the server in a process of its own (branchServer.child.ts):
 * 1. call-next with 20 windows calling at once and 100,000 tickets in the day, end to end at the
 *    window, vs a bare `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)` from 20
 *    connections on the same database, in alternating rounds of the same run; with the server's
 *    own time, call_next's time on PostgreSQL and the server's event-loop lag;
 * 2. from a call to the 20th of 20 boards hearing it: calls one at a time (the goal), and with
 *    the 20 windows calling flat out;
 * 3. reconciling 1,000 offline tickets and 200 cases vs a bare batched insert of the same rows.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { BranchClient } from '../../src/core/branch/branchClient';
import { enrollWithBranch } from '../../src/core/branch/enroll';
import type { DeviceRole, FallbackTicket, RegistryCase } from '../../src/shared/branch/wire';
import { branchCalls } from '../../src/shared/branch/wire';
import { op, windowGroups } from '../support/branchLoad';
import { makeIin } from '../support/iins';
import { freshDatabase, postgresAvailable } from '../support/postgres';
import { tempDir } from '../support/tempDir';
import { median, ms, report, summary, type Verdict } from './measure';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./branchServer.child.ts', import.meta.url));
const WINDOWS = 20;
const PREFILL = 100_000;
const ROUNDS = 5;
const CALLS_PER_WINDOW = 50;

interface ServerReport {
  handled: Record<string, number[]>;
  callNextSql: number[];
  lag: { p50: number; p99: number; max: number };
}

/** The server process and its small IPC protocol. */
async function startServer(dsn: string, dataDir: string) {
  const child: ChildProcess = fork(CHILD, [dsn, dataDir], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  let ready!: (v: unknown) => void;
  waiting.set(0, (v) => ready(v));
  child.on('message', (m: { id: number; value: unknown }) => waiting.get(m.id)?.(m.value));
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = next++;
      waiting.set(id, (v) => resolve(v as T));
      child.send({ ...message, id });
    });
  const started = (await Promise.race([new Promise((r) => (ready = r)), once(child, 'exit').then(() => Promise.reject(new Error('the branch server exited')))])) as {
    port: number;
    enrollPort: number;
    caPem: string;
  };
  return {
    ...started,
    code: (device: string, role: DeviceRole) => ask<string>({ type: 'enroll', device, role }),
    measure: () => ask<null>({ type: 'measure' }),
    report: () => ask<ServerReport>({ type: 'report' }),
    async stop() {
      void ask({ type: 'stop' });
      await once(child, 'exit');
    },
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;

async function enrollAll(server: Server, names: string[], role: DeviceRole): Promise<BranchClient[]> {
  return Promise.all(
    names.map(
      async (n) =>
        new BranchClient(
          await enrollWithBranch({
            enrollUrl: `https://127.0.0.1:${server.enrollPort}`,
            apiUrl: `https://127.0.0.1:${server.port}`,
            caPem: server.caPem,
            code: await server.code(n, role),
          }),
        ),
    ),
  );
}

/** 100,000 waiting tickets of the day in one statement, numbered per group as the server numbers them. */
async function prefill(db: pg.Pool, day: string): Promise<number> {
  const t0 = performance.now();
  await db.query(
    `INSERT INTO tickets (day, grp, line, seq, number, priority, state, issued_at, line_order)
     SELECT $1::date, g.grp, g.grp, g.seq, g.grp || '-' || lpad(g.seq::text, greatest(3, length(g.seq::text)), '0'),
            CASE WHEN g.seq % 10 = 3 THEN 'elderly' END, 'waiting', g.at, (extract(epoch FROM g.at) * 1000000)::bigint
     FROM (SELECT i, chr(65 + i % 5) AS grp, i / 5 + 1 AS seq, now() - interval '3 hours' + i * interval '100 ms' AS at
           FROM generate_series(0, $2::int - 1) AS i) g`,
    [day, PREFILL],
  );
  await db.query(`INSERT INTO ticket_sequences (day, grp, last) SELECT day, grp, max(seq) FROM tickets WHERE day = $1 GROUP BY day, grp`, [day]);
  await db.query('ANALYZE tickets');
  return performance.now() - t0;
}

/** Each window: call the next ticket (timed), then mark it a no-show so the window is free again. */
async function windowsCalling(windows: BranchClient[], calls: number, onCalled?: (ticketId: number, t0: number) => void): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    windows.map(async (w, i) => {
      const window = String(i + 1);
      for (let k = 0; k < calls; k++) {
        const t0 = performance.now();
        const t = await w.call('queue.callNext', { window, operator: op(`op${window}`), idemKey: `bench:${randomBytes(8).toString('hex')}` });
        times.push(performance.now() - t0);
        onCalled?.(t.id, t0);
        await w.call('queue.noShow', { ticketId: t.id, version: t.version, window, idemKey: `bench:${randomBytes(8).toString('hex')}` });
      }
    }),
  );
  return times;
}

/**
 * The baseline: the bare statement that takes a line's head (by the same index as call_next, no
 * priority rule, no line lock, no idempotency record, no event), from 20 connections at once.
 */
async function bareCalling(dsn: string, day: string, calls: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: WINDOWS }, async (_, i) => {
      const c = new pg.Client({ connectionString: dsn });
      await c.connect();
      const line = windowGroups(i)[0]!;
      for (let k = 0; k < calls; k++) {
        const t0 = performance.now();
        const { rows } = await c.query<{ id: string }>(
          `UPDATE tickets SET state = 'called', "window" = $1, called_at = now(), version = version + 1
           WHERE id = (SELECT id FROM tickets WHERE day = $2 AND line = $3 AND state = 'waiting' AND "window" IS NULL AND origin_device IS NULL
                       ORDER BY (priority IS NOT NULL), line_order LIMIT 1 FOR UPDATE SKIP LOCKED)
           RETURNING id`,
          [`b${i + 1}`, day, line],
        );
        times.push(performance.now() - t0);
        await c.query(`UPDATE tickets SET state = 'noShow', finished_at = now() WHERE id = $1`, [rows[0]!.id]);
      }
      await c.end();
    }),
  );
  return times;
}

/**
 * Every window calling at the same instant, a burst every 150 ms: the contention of twenty
 * simultaneous calls without the machine saturated (a branch's windows call minutes apart; the
 * flat-out rounds above measure throughput on two shared cores instead). The no-shows that free
 * the windows again are outside the timed part.
 */
async function bursts(windows: BranchClient[], dsn: string, day: string, rounds: number): Promise<{ api: number[]; bare: number[] }> {
  const api: number[] = [];
  const bare: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: WINDOWS }, async () => {
      const c = new pg.Client({ connectionString: dsn });
      await c.connect();
      return c;
    }),
  );
  const key = () => `bench:${randomBytes(8).toString('hex')}`;
  try {
    for (let r = 0; r < rounds; r++) {
      const called = await Promise.all(
        windows.map(async (w, i) => {
          const window = String(i + 1);
          const t0 = performance.now();
          const t = await w.call('queue.callNext', { window, operator: op(`op${window}`), idemKey: key() });
          api.push(performance.now() - t0);
          return { w, window, t };
        }),
      );
      await Promise.all(called.map(({ w, window, t }) => w.call('queue.noShow', { ticketId: t.id, version: t.version, window, idemKey: key() })));
      await new Promise((done) => setTimeout(done, 150));
      const ids = await Promise.all(
        clients.map(async (c, i) => {
          const t0 = performance.now();
          const { rows } = await c.query<{ id: string }>(
            `UPDATE tickets SET state = 'called', "window" = $1, called_at = now(), version = version + 1
             WHERE id = (SELECT id FROM tickets WHERE day = $2 AND line = $3 AND state = 'waiting' AND "window" IS NULL AND origin_device IS NULL
                         ORDER BY (priority IS NOT NULL), line_order LIMIT 1 FOR UPDATE SKIP LOCKED)
             RETURNING id`,
            [`b${i + 1}`, day, windowGroups(i)[0]!],
          );
          bare.push(performance.now() - t0);
          return rows[0]!.id;
        }),
      );
      await clients[0]!.query(`UPDATE tickets SET state = 'noShow', finished_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      await new Promise((done) => setTimeout(done, 150));
    }
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { api, bare };
}

async function callNext(server: Server, dsn: string, windows: BranchClient[], day: string): Promise<Verdict[]> {
  await windowsCalling(windows, 10);
  await bareCalling(dsn, day, 10);
  // One window on its own: what a call costs when no other window waits on the same lines.
  const alone = summary(await windowsCalling(windows.slice(0, 1), 300));
  const rounds: { api: number[]; bare: number[]; server: ServerReport }[] = [];
  // Alternating rounds: both sides meet the machine in the same state; the ratios' median is the figure.
  let busy = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const bare = await bareCalling(dsn, day, CALLS_PER_WINDOW);
    await server.measure();
    const t0 = performance.now();
    const api = await windowsCalling(windows, CALLS_PER_WINDOW);
    busy += performance.now() - t0;
    rounds.push({ api, bare, server: await server.report() });
  }
  const api = summary(rounds.flatMap((r) => r.api));
  const bare = summary(rounds.flatMap((r) => r.bare));
  const handled = summary(rounds.flatMap((r) => r.server.handled['queue.callNext'] ?? []));
  const sql = summary(rounds.flatMap((r) => r.server.callNextSql));
  const r99 = median(rounds.map((r) => summary(r.api).p99 / summary(r.bare).p99));
  const r50 = median(rounds.map((r) => summary(r.api).p50 / summary(r.bare).p50));
  const lag99 = median(rounds.map((r) => r.server.lag.p99));
  const lagMax = Math.max(...rounds.map((r) => r.server.lag.max));
  const burst = await bursts(windows, dsn, day, 60);
  const b = summary(burst.api);
  const bb = summary(burst.bare);
  return [
    {
      name: `call-next, ${WINDOWS} windows calling at the same instant (bursts), ${PREFILL.toLocaleString('en')} tickets`,
      figure: `p50 ${ms(b.p50)} p99 ${ms(b.p99)} (n ${b.n}); bare UPDATE … SKIP LOCKED in the same bursts p50 ${ms(bb.p50)} p99 ${ms(bb.p99)}; ratio p50 ${(b.p50 / bb.p50).toFixed(1)}× p99 ${(b.p99 / bb.p99).toFixed(1)}×`,
      goal: 'p99 < 10 ms',
      pass: b.p99 < 10,
    },
    {
      name: `call-next, ${WINDOWS} windows flat out, ${PREFILL.toLocaleString('en')} tickets in the day`,
      figure:
        `at the window p50 ${ms(api.p50)} p99 ${ms(api.p99)} (n ${api.n}, ${Math.round(api.n / (busy / 1000))} calls/s, each followed by a no-show); in the server p50 ${ms(handled.p50)} p99 ${ms(handled.p99)}; ` +
        `call_next on PostgreSQL p50 ${ms(sql.p50)} p99 ${ms(sql.p99)}; bare UPDATE … SKIP LOCKED p50 ${ms(bare.p50)} p99 ${ms(bare.p99)}; ` +
        `ratio p50 ${r50.toFixed(1)}× p99 ${r99.toFixed(1)}× (medians of ${ROUNDS} rounds); server loop lag p99 ${ms(lag99)} (max ${ms(lagMax)}); ` +
        `one window alone p50 ${ms(alone.p50)} p99 ${ms(alone.p99)}`,
      goal: 'p99 < 10 ms',
      pass: api.p99 < 10,
    },
  ];
}

async function pushToBoards(windows: BranchClient[], boards: BranchClient[]): Promise<Verdict[]> {
  const heard = new Map<number, number[]>();
  const allHeard = new Map<number, () => void>();
  const streams = boards.map((b) =>
    b.events(
      (e) => {
        if (e.type !== 'queue.called' || e.recall) return;
        const times = [...(heard.get(e.ticketId) ?? []), performance.now()];
        heard.set(e.ticketId, times);
        if (times.length === boards.length) allHeard.get(e.ticketId)?.();
      },
      () => undefined,
    ),
  );
  // Every board's stream open and positioned before the first call.
  await new Promise((r) => setTimeout(r, 1000));
  const until = (id: number) =>
    (heard.get(id)?.length ?? 0) >= boards.length ? Promise.resolve() : Promise.race([new Promise<void>((r) => allHeard.set(id, r)), new Promise((r) => setTimeout(r, 2000))]);
  const toBoards = (started: Map<number, number>) => {
    const toLast = [...started].map(([id, t0]) => ((heard.get(id)?.length ?? 0) < boards.length ? Infinity : Math.max(...heard.get(id)!) - t0));
    return { last: summary(toLast), first: summary([...started].map(([id, t0]) => Math.min(...(heard.get(id) ?? [Infinity])) - t0)), missed: toLast.filter((x) => x === Infinity).length };
  };

  // The goal's case: calls one at a time, the windows in turn; each call's time counts from its
  // request to the last board, with no other call queued in front of it.
  const oneAtATime = new Map<number, number>();
  for (let k = 0; k < 400; k++) {
    const i = k % windows.length;
    const window = String(i + 1);
    const t0 = performance.now();
    const t = await windows[i]!.call('queue.callNext', { window, operator: op(`op${window}`), idemKey: `bench:${randomBytes(8).toString('hex')}` });
    oneAtATime.set(t.id, t0);
    await until(t.id);
    await windows[i]!.call('queue.noShow', { ticketId: t.id, version: t.version, window, idemKey: `bench:${randomBytes(8).toString('hex')}` });
  }
  // And with all 20 windows calling flat out: each call also waits behind the others on its lines.
  const flatOut = new Map<number, number>();
  await windowsCalling(windows, 20, (id, t0) => flatOut.set(id, t0));
  await Promise.all([...flatOut.keys()].map(until));
  for (const s of streams) s.close();

  const one = toBoards(oneAtATime);
  const flat = toBoards(flatOut);
  return [
    {
      name: `call → the ${boards.length}th board, one call at a time`,
      figure:
        `p50 ${ms(one.last.p50)} p99 ${ms(one.last.p99)} over ${one.last.n} calls (first board p50 ${ms(one.first.p50)}); ` +
        `${windows.length} windows calling flat out: p50 ${ms(flat.last.p50)} p99 ${ms(flat.last.p99)} over ${flat.last.n} calls; ` +
        `${one.missed + flat.missed} calls not heard by every board`,
      goal: 'p99 < 200 ms',
      pass: one.last.p99 < 200 && one.missed + flat.missed === 0,
    },
  ];
}

// The contract's own limits per reconcile call, read from its schema.
const limits = z.toJSONSchema(branchCalls.reconcile.input, { io: 'input' }) as { properties: Record<'tickets' | 'cases', { maxItems: number }> };
const TICKET_BATCH = limits.properties.tickets.maxItems;
const CASE_BATCH = limits.properties.cases.maxItems;

function offlineDay(day: string, from: number): { tickets: FallbackTicket[]; cases: RegistryCase[] } {
  const at = (min: number) => new Date(Date.parse(`${day}T03:00:00Z`) + min * 60_000).toISOString();
  const tickets = Array.from({ length: 1000 }, (_, i): FallbackTicket => ({
    localId: from + i,
    version: 3,
    day,
    number: `A7-${String(from + i).padStart(3, '0')}`,
    group: 'A',
    line: 'A',
    priority: i % 10 === 3 ? 'elderly' : null,
    regulationId: null,
    state: 'done',
    window: '7',
    operatorLogin: 'op7',
    recalls: 0,
    issuedAt: at(i * 0.2),
    calledAt: at(i * 0.2 + 1),
    serviceStartedAt: at(i * 0.2 + 2),
    finishedAt: at(i * 0.2 + 9),
    caseNumber: null,
  }));
  const cases = Array.from({ length: 200 }, (_, i): RegistryCase => ({
    localId: from + i,
    version: 4,
    number: `A-${day.replaceAll('-', '')}-${String(from + i).padStart(4, '0')}`,
    regulationId: 'reg-0001',
    status: 'resultReady',
    step: 'p8',
    outcome: 'result',
    refusalReason: null,
    registrationNumber: `ЕС-${String(from + i).padStart(6, '0')}`,
    operatorLogin: 'op7',
    window: '7',
    training: false,
    createdAt: at(i),
    updatedAt: at(i + 20),
    applicant: { iin: makeIin('850315', '4', (from + i) % 9000), fullName: 'Әсемгүл Нұрланқызы Жұмабаева' },
  }));
  return { tickets, cases };
}

async function reconcileOnce(w: BranchClient, day: { tickets: FallbackTicket[]; cases: RegistryCase[] }): Promise<number> {
  const t0 = performance.now();
  // Split as the contract allows: at most so many tickets and cases per call.
  for (let i = 0; i * TICKET_BATCH < day.tickets.length || i * CASE_BATCH < day.cases.length; i++) {
    await w.call('reconcile', {
      tickets: day.tickets.slice(i * TICKET_BATCH, (i + 1) * TICKET_BATCH),
      cases: day.cases.slice(i * CASE_BATCH, (i + 1) * CASE_BATCH),
      audit: [],
    });
  }
  return performance.now() - t0;
}

/** The same rows with plain multi-row INSERTs in one transaction: no contract, no TLS, no sealing. */
async function bareInsert(db: pg.Pool, device: number, day: { tickets: FallbackTicket[]; cases: RegistryCase[] }): Promise<number> {
  const c = await db.connect();
  const t0 = performance.now();
  try {
    await c.query('BEGIN');
    const tp: unknown[] = [];
    const tv = day.tickets.map((t) => {
      const row = [t.day, t.group, t.line, 0, t.number, t.priority, t.state, t.window, t.operatorLogin, t.issuedAt, Date.parse(t.issuedAt) * 1000, t.calledAt, t.serviceStartedAt, t.finishedAt, t.version, device, t.localId];
      tp.push(...row);
      return `(${row.map((_, k) => `$${tp.length - row.length + k + 1}`).join(', ')})`;
    });
    await c.query(
      `INSERT INTO tickets (day, grp, line, seq, number, priority, state, "window", operator_login, issued_at, line_order, called_at, service_started_at, finished_at, version, origin_device, origin_id)
       VALUES ${tv.join(', ')}`,
      tp,
    );
    const cp: unknown[] = [];
    const cv = day.cases.map((k) => {
      const row = [device, k.localId, k.version, k.number, k.regulationId, k.status, k.step, k.outcome, k.registrationNumber, k.operatorLogin, k.window, k.training, k.createdAt, k.updatedAt, randomBytes(32), randomBytes(120)];
      cp.push(...row);
      return `(${row.map((_, j) => `$${cp.length - row.length + j + 1}`).join(', ')})`;
    });
    await c.query(
      `INSERT INTO cases (device_id, local_id, version, number, regulation_id, status, step, outcome, registration_number, operator_login, "window", training, created_at, updated_at, applicant_index, applicant_enc)
       VALUES ${cv.join(', ')}`,
      cp,
    );
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  return performance.now() - t0;
}

async function reconciliation(db: pg.Pool, w: BranchClient, day: string): Promise<Verdict[]> {
  const bareDevice = (await db.query<{ id: number }>(`INSERT INTO devices (name, role) VALUES ('BENCH-BARE', 'workstation') RETURNING id`)).rows[0]!.id;
  await reconcileOnce(w, offlineDay(day, 1_000_000));
  await bareInsert(db, bareDevice, offlineDay(day, 1_000_000));
  const viaServer: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const from = (r + 1) * 10_000;
    viaServer.push(await reconcileOnce(w, offlineDay(day, from)));
    bare.push(await bareInsert(db, bareDevice, offlineDay(day, from)));
  }
  const ratio = median(viaServer.map((v, i) => v / bare[i]!));
  return [
    {
      name: 'reconcile 1,000 offline tickets and 200 cases',
      figure: `median ${ms(median(viaServer))} (${viaServer.map((x) => Math.round(x)).join(', ')} ms) vs a bare batched insert ${ms(median(bare))}: ratio ${ratio.toFixed(1)}× (median of ${ROUNDS} rounds; the server validates, seals the applicants, upserts)`,
      goal: 'reported (ratio to a bare insert)',
      pass: true,
    },
  ];
}

async function main() {
  if (!postgresAvailable) {
    process.stdout.write('skipped: no PostgreSQL (scripts/postgres-for-tests.sh)\n');
    return;
  }
  const database = await freshDatabase();
  const dir = tempDir('azho-bench-branch-');
  const server = await startServer(database.dsn, dir.path);
  const db = new pg.Pool({ connectionString: database.dsn, max: 4 });
  const clients: BranchClient[] = [];
  try {
    const windows = await enrollAll(server, Array.from({ length: WINDOWS }, (_, i) => `W-${i + 1}`), 'workstation');
    const boards = await enrollAll(server, Array.from({ length: 20 }, (_, i) => `B-${i + 1}`), 'board');
    clients.push(...windows, ...boards);
    await Promise.all(windows.map((w, i) => w.call('queue.setWindow', { window: String(i + 1), groups: windowGroups(i), paused: false, operator: op(`op${i + 1}`) })));
    const { day } = await windows[0]!.call('hello', {});
    const filled = await prefill(db, day);
    process.stdout.write(`${PREFILL.toLocaleString('en')} waiting tickets written in ${(filled / 1000).toFixed(1)} s\n`);
    report([...(await callNext(server, database.dsn, windows, day)), ...(await pushToBoards(windows, boards)), ...(await reconciliation(db, windows[0]!, day))]);
  } finally {
    for (const c of clients) c.close();
    await server.stop();
    await db.end();
    await database.drop();
    dir.remove();
  }
}

await main();
