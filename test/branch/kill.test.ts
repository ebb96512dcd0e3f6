/**
 * The branch server SIGKILLed at random moments during a day's load and started again on the same
 * ports: nothing lost, nothing done twice, and the devices carry on by themselves — the windows
 * and the kiosk by repeating each change under the key they fixed before its first try, the
 * boards by their event stream's own reconnection. The test never reconnects anyone.
 *
 * CI runs a small size; `npm run test:branch-kill` runs 5,000 tickets, 20 windows and 10 kills.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BranchClient, BranchUnreachable } from '../../src/core/branch/branchClient';
import { enrollWithBranch } from '../../src/core/branch/enroll';
import { callUntil } from '../../src/core/branch/retry';
import type { BranchCallName, BranchInput, BranchOutput, DeviceRole } from '../../src/shared/branch/wire';
import { checkBranchDay } from '../support/branchChecks';
import { openBoard, op, planTickets, runKiosk, runWindow, windowGroups, type BoardLog, type Progress, type Send } from '../support/branchLoad';
import { enrollmentCode, freePorts, startBranchProcess, type BranchProcess, type BranchProcessOptions } from '../support/branchProcess';
import { freshDatabase, postgresAvailable } from '../support/postgres';
import { tempDir } from '../support/tempDir';

const TICKETS = Number(process.env.BRANCH_KILL_TICKETS ?? 1000);
const WINDOWS = Number(process.env.BRANCH_KILL_WINDOWS ?? 8);
const KILLS = Number(process.env.BRANCH_KILL_KILLS ?? 10);
const BRANCH_ID = 'KILL-01';

// Every change goes through the retry the workstations use, its key fixed before the first try.
const send: Send = (client, name, input) => callUntil(client, name, input, 30_000);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The tries a kill cut while in flight (not those refused while the server was down), by key and
 * wall-clock time: for the figures, to show the kills did catch changes on their way.
 */
const tries = { total: 0, refused: 0, cut: new Map<string, number>() };
class CountingClient extends BranchClient {
  override async call<N extends BranchCallName>(name: N, input: BranchInput<N>): Promise<BranchOutput<N>> {
    tries.total++;
    try {
      return await super.call(name, input);
    } catch (err) {
      if (err instanceof BranchUnreachable) {
        const key = (input as { idemKey?: string }).idemKey;
        if (/ECONNREFUSED/.test(err.message)) tries.refused++;
        else if (key && !tries.cut.has(key)) tries.cut.set(key, Date.now());
      }
      throw err;
    }
  }
}

describe.skipIf(!postgresAvailable)('the branch server killed during the load', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: ReturnType<typeof tempDir>;
  let options: BranchProcessOptions;
  let server: BranchProcess;
  let pool: pg.Pool;
  const clients: BranchClient[] = [];
  let boards: BoardLog[] = [];

  const device = async (name: string, role: DeviceRole) => {
    const identity = await enrollWithBranch({
      enrollUrl: `https://127.0.0.1:${options.enrollPort}`,
      apiUrl: `https://127.0.0.1:${options.port}`,
      caPem: readFileSync(join(dir.path, 'ca.crt'), 'utf8'),
      code: await enrollmentCode(options, name, role),
    });
    const client = new CountingClient(identity);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await freshDatabase();
    dir = tempDir('azho-branch-kill-');
    const [port, enrollPort] = await freePorts(2);
    options = { dsn: db.dsn, dataDir: dir.path, branchId: BRANCH_ID, port: port!, enrollPort: enrollPort! };
    server = await startBranchProcess(options);
    pool = new pg.Pool({ connectionString: db.dsn, max: 2 });
  }, 60_000);
  afterAll(async () => {
    for (const b of boards) b.close();
    for (const c of clients) c.close();
    await server?.kill('SIGTERM');
    await pool?.end();
    await db?.drop();
    dir?.remove();
  });

  it(`${TICKETS} tickets, ${WINDOWS} windows, ${KILLS} kills: each ticket issued once and called once, every board told of every call`, async () => {
    // Devices enrolled through the administrator's command, a few at a time (each is a process).
    const enrolling = performance.now();
    const names = Array.from({ length: WINDOWS }, (_, i) => `W-${String(i + 1).padStart(2, '0')}`);
    const windows: BranchClient[] = [];
    for (let i = 0; i < names.length; i += 4) windows.push(...(await Promise.all(names.slice(i, i + 4).map((n) => device(n, 'workstation')))));
    const [kiosk, ...boardClients] = await Promise.all([device('K-01', 'kiosk'), device('B-01', 'board'), device('B-02', 'board')]);
    boards = await Promise.all(boardClients.map(openBoard));
    await Promise.all(windows.map((w, i) => send(w, 'queue.setWindow', { window: String(i + 1), groups: windowGroups(i), paused: false, operator: op(`op${i + 1}`) })));
    const enrolled = performance.now() - enrolling;
    const hello = await send(kiosk!, 'hello', {});
    const plan = planTickets(TICKETS, hello.queue.priorityCategories);

    const progress: Progress = { answered: 0 };
    const began = performance.now();
    let kioskDone = false;
    let headStart!: () => void;
    const ahead = new Promise<void>((r) => (headStart = r));
    const kioskRun = runKiosk(kiosk!, plan, send, progress, 6, (n) => n >= TICKETS / 10 && headStart()).finally(() => {
      kioskDone = true;
      headStart();
    });
    let settled = false;
    const load = (async () => {
      await ahead;
      const outcomes = await Promise.all(windows.map((w, i) => runWindow(w, String(i + 1), send, progress, () => kioskDone)));
      return { issued: await kioskRun, outcomes };
    })().finally(() => (settled = true));

    // Kills at random points of the day's progress: each ticket takes at least three answers, so
    // every point below 3 × tickets comes while the load still runs.
    const points = Array.from({ length: KILLS }, () => (0.05 + 0.9 * Math.random()) * 3 * TICKETS).sort((a, b) => a - b);
    const downtimes: number[] = [];
    for (const point of points) {
      // The restarted server serves a little before the next kill, whatever the point.
      while (!settled && (progress.answered < point || performance.now() - server.readyAt < 150)) await pause(5);
      if (settled) break;
      await pause(Math.random() * 40);
      const killedAt = performance.now();
      await server.kill('SIGKILL');
      await pause(100 + Math.random() * 400);
      server = await startBranchProcess(options);
      downtimes.push(server.readyAt - killedAt);
    }
    const { issued, outcomes } = await load;
    const elapsed = performance.now() - began;

    // The boards catch up on what they missed by themselves; give the last events time to arrive.
    const expected = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE payload->>'type' = 'queue.called'`)).rows[0]!.n);
    for (let i = 0; i < 200 && boards.some((b) => b.called.length < expected); i++) await pause(100);

    const { problems, figures } = await checkBranchDay(pool, { issued, planned: plan.length, windows: outcomes, boards });
    // Changes a kill cut after they had reached the database: their repeat got the stored answer.
    const stored = await pool.query<{ idem_key: string; at: number }>('SELECT idem_key, extract(epoch FROM at) * 1000 AS at FROM requests WHERE idem_key = ANY($1)', [[...tries.cut.keys()]]);
    const landed = stored.rows.filter((r) => Number(r.at) < tries.cut.get(r.idem_key)!).length;
    console.log(
      `kill: ${clients.length} devices enrolled in ${(enrolled / 1000).toFixed(1)} s; ${downtimes.length} kills (down ${Math.round(Math.min(...downtimes))}–${Math.round(Math.max(...downtimes))} ms each); ` +
        `${figures.tickets} tickets (${figures.priority} priority) finished in ${(elapsed / 1000).toFixed(1)} s with ${progress.answered} answers, ` +
        `${tries.total} tries: ${tries.cut.size} changes cut in flight by a kill (${landed} of them already in the database, answered again from it), ${tries.refused} refused while down; ` +
        `${figures.done} done, ${figures.noShow} no-show, ${figures.recallEvents} recalls; boards got ${figures.boardEvents.join(' / ')} of ${expected} call events ` +
        `and saw their link drop ${boards.map((b) => b.drops).join(' / ')} times; forced regular calls ${figures.forcedRegular}`,
    );
    expect(downtimes.length).toBe(KILLS);
    expect(problems).toEqual([]);
    // The boards did live through the kills: their links dropped and came back by themselves.
    for (const b of boards) expect(b.drops).toBeGreaterThan(0);
  }, Number(process.env.BRANCH_KILL_TIMEOUT_MS ?? 240_000));
});
