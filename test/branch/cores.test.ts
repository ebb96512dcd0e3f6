/**
 * The whole workstation against the branch: 20 workstation cores (real SQLite, the contract's
 * dispatch, the counter's queue routed to the branch), a kiosk core and two board cores, each
 * enrolled as an administrator does it. The kiosk issues tickets while the windows call them, and
 * the board cores relay every call to their screens as the counter's own `queue.called`. The
 * branch-client load test (load.test.ts) drives 5,000 tickets; this one proves the same through
 * the cores the screens talk to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, type TestBranch } from '../support/branch';
import { windowGroups } from '../support/branchLoad';
import { openCounter } from '../support/counter';
import { postgresAvailable } from '../support/postgres';
import { ADMIN, type TestCore } from '../support/workstation';

const WINDOWS = 20;
const TICKETS = Number(process.env.BRANCH_CORES_TICKETS ?? 2000);
const COUNTER = 'counter-1';
const HALL = 'hall-screen';

describe.skipIf(!postgresAvailable)('twenty workstation cores, a kiosk and two boards on one branch', () => {
  let branch: TestBranch;
  let windows: TestCore[] = [];
  let kiosk: TestCore;
  let boards: TestCore[] = [];
  let ticking: NodeJS.Timeout;

  const join = async (core: TestCore, device: string, role: 'workstation' | 'kiosk' | 'board') => {
    await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    await core.call(
      'branch.enroll',
      {
        enrollUrl: `https://127.0.0.1:${branch.server.enrollPort}`,
        apiUrl: `https://127.0.0.1:${branch.server.port}`,
        caPem: branch.server.caPem,
        code: await branch.server.makeEnrollmentCode(device, role),
      },
      'admin',
    );
  };

  beforeAll(async () => {
    branch = await startTestBranch('CORES-01');
    const all = await Promise.all(Array.from({ length: WINDOWS + 3 }, () => openCounter({ running: true, branchTimeoutMs: 5000 })));
    windows = all.slice(0, WINDOWS);
    kiosk = all[WINDOWS]!;
    boards = all.slice(WINDOWS + 1);
    // The worker runtime's one-second sweep (the branch link's probe and sync), a little quicker.
    ticking = setInterval(() => all.forEach((c) => c.ws.sweep()), 250);
    for (const [i, core] of windows.entries()) await join(core, `W-${String(i + 1).padStart(2, '0')}`, 'workstation');
    await join(kiosk, 'K-01', 'kiosk');
    for (const [i, core] of boards.entries()) await join(core, `B-0${i + 1}`, 'board');
    await Promise.all(all.map((c) => waitOnline(c)));
    await Promise.all(windows.map((c, i) => c.call('queue.setWindow', { window: String(i + 1), groups: windowGroups(i) }, COUNTER)));
  }, 180_000);

  afterAll(async () => {
    clearInterval(ticking);
    for (const c of [...windows, kiosk, ...boards]) c?.dispose();
    await branch?.close();
  });

  it(`${TICKETS} tickets through the cores: each called once from one numbering, every board core relays every call`, async () => {
    const groups = ['A', 'B', 'C', 'D', 'E'];
    let issued = 0;
    const issue = async () => {
      while (issued < TICKETS) {
        const n = issued++;
        const print = await kiosk.call('queue.issue', { group: groups[n % groups.length]!, priority: n % 11 === 0 ? 'elderly' : null }, HALL);
        // The branch numbers them: a kiosk core numbering on its own would print A01-…
        expect(print.ticket.number).toMatch(/^[A-E]-\d{3,}$/);
      }
    };
    const kioskRun = Promise.all([issue(), issue(), issue()]);
    let kioskDone = false;
    void kioskRun.then(() => (kioskDone = true));

    const calledBy = new Map<number, string>();
    const work = async (core: TestCore, window: string) => {
      for (;;) {
        const finished = kioskDone;
        const result = await core.ws.dispatch('queue.callNext', {}, COUNTER);
        if (!result.ok) {
          expect(result.error.code).toBe('QUEUE_EMPTY');
          if (finished) return;
          await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        const t = result.value as { id: number; version: number; number: string; window: string | null };
        expect(t.window).toBe(window);
        expect(calledBy.has(t.id), `ticket ${t.number} called at ${calledBy.get(t.id)} and ${window}`).toBe(false);
        calledBy.set(t.id, window);
        let current: { id: number; version: number } = t;
        if (t.id % 7 === 0) current = await core.call('queue.recall', { ticketId: t.id, version: t.version }, COUNTER);
        await core.call('queue.noShow', { ticketId: current.id, version: current.version }, COUNTER);
      }
    };
    // The windows call while the kiosk is still issuing.
    const windowRuns = Promise.all(windows.map((core, i) => work(core, String(i + 1))));
    await kioskRun;
    await windowRuns;
    expect(calledBy.size).toBe(TICKETS);

    const pool = branch.server.pool;
    const rows = (await pool.query<{ number: string; state: string; window: string }>('SELECT number, state, "window" FROM tickets')).rows;
    expect(rows).toHaveLength(TICKETS);
    expect(new Set(rows.map((r) => r.number)).size).toBe(TICKETS);
    expect(rows.every((r) => r.state === 'noShow')).toBe(true);
    // No line ever went past its streak limit, whichever window called.
    const streak = await pool.query<{ over: string }>('SELECT count(*) AS over FROM tickets WHERE streak_after > (SELECT max_priority_streak FROM branch_settings)');
    expect(Number(streak.rows[0]!.over)).toBe(0);

    // Each board core's screens were told of every first call, once, with its window.
    const expected = rows.map((r) => `${r.number}→${r.window}`).sort();
    for (const board of boards) {
      const heard = () =>
        board.events
          .filter((e) => e.event.name === 'queue.called' && !(e.event.payload as { recall: boolean }).recall)
          .map((e) => {
            const p = e.event.payload as { number: string; window: string };
            return `${p.number}→${p.window}`;
          });
      await until(() => heard().length >= TICKETS, 'the board core relays every call');
      expect(heard().sort()).toEqual(expected);
    }
  }, 300_000);
});

async function waitOnline(core: TestCore) {
  await until(async () => (await core.call('branch.status', {})).state === 'online', 'the core is online with its branch');
}

async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
