/**
 * The branch under a day's load on loopback: 20 windows, a kiosk and two boards (each through the
 * workstation's own branch client; cores.test.ts goes through whole cores) against one branch
 * server. 5,000 tickets are issued while 20 windows with overlapping groups call them: no ticket
 * is called by two windows, the priority rule and its anti-starvation limit hold on every line,
 * and every board is handed every call. Figures are printed; speed is the bench's job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchClient } from '../../src/core/branch/branchClient';
import { checkBranchDay } from '../support/branchChecks';
import { openBoard, op, planTickets, runKiosk, runWindow, windowGroups, type BoardLog, type Send } from '../support/branchLoad';
import { startTestBranch, type TestBranch } from '../support/branch';
import { postgresAvailable } from '../support/postgres';

const TICKETS = Number(process.env.BRANCH_LOAD_TICKETS ?? 5000);
const WINDOWS = 20;
const send: Send = (client, name, input) => client.call(name, input);

describe.skipIf(!postgresAvailable)('the branch under load', () => {
  let branch: TestBranch;
  let windows: BranchClient[];
  let kiosk: BranchClient;
  let boards: BoardLog[] = [];

  beforeAll(async () => {
    branch = await startTestBranch('LOAD-01');
    const names = Array.from({ length: WINDOWS }, (_, i) => `W-${String(i + 1).padStart(2, '0')}`);
    windows = await Promise.all(names.map((n) => branch.client(n)));
    kiosk = await branch.client('K-01', 'kiosk');
    boards = await Promise.all(['B-01', 'B-02'].map(async (n) => openBoard(await branch.client(n, 'board'))));
    await Promise.all(windows.map((w, i) => w.call('queue.setWindow', { window: String(i + 1), groups: windowGroups(i), paused: false, operator: op(`op${i + 1}`) })));
  });
  afterAll(async () => {
    for (const b of boards) b.close();
    await branch?.close();
  });

  it(`${TICKETS} tickets issued and called at once from ${WINDOWS} windows: each called once, priority fair on every line, every board told`, async () => {
    const hello = await kiosk.call('hello', {});
    const plan = planTickets(TICKETS, hello.queue.priorityCategories);
    const progress = { answered: 0 };
    const began = performance.now();

    // The kiosk gets a head start of a tenth of the day, so lines have a queue (and priority runs
    // meet waiting regular tickets) from the first call; then both go on together.
    let kioskDone = false;
    let headStart!: () => void;
    const ahead = new Promise<void>((r) => (headStart = r));
    const kioskRun = runKiosk(kiosk, plan, send, progress, 6, (n) => n >= TICKETS / 10 && headStart()).finally(() => {
      kioskDone = true;
      headStart();
    });
    await ahead;
    const windowRuns = Promise.all(windows.map((w, i) => runWindow(w, String(i + 1), send, progress, () => kioskDone)));
    const issued = await kioskRun;
    const issuedIn = performance.now() - began;
    const outcomes = await windowRuns;
    const elapsed = performance.now() - began;

    // The last calls' events may still be on their way to the boards.
    const total = async () => Number((await branch.server.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE payload->>'type' = 'queue.called'`)).rows[0]!.n);
    const expected = await total();
    for (let i = 0; i < 100 && boards.some((b) => b.called.length < expected); i++) await new Promise((r) => setTimeout(r, 100));

    const { problems, figures } = await checkBranchDay(branch.server.pool, { issued, planned: plan.length, windows: outcomes, boards });
    console.log(
      `load: ${figures.tickets} tickets (${figures.priority} priority) issued in ${(issuedIn / 1000).toFixed(1)} s, all finished in ${(elapsed / 1000).toFixed(1)} s; ` +
        `${progress.answered} answers (${Math.round(progress.answered / (elapsed / 1000))}/s); ${figures.done} done, ${figures.noShow} no-show, ${figures.recallEvents} recalls; ` +
        `calls per window ${Math.min(...outcomes.map((o) => o.calls.length))}–${Math.max(...outcomes.map((o) => o.calls.length))}; ` +
        `boards got ${figures.boardEvents.join(' / ')} of ${expected} call events; priority calls over a waiting regular ticket ${figures.priorityOverWaiting}, ` +
        `regular calls forced by the streak limit ${figures.forcedRegular}, longest streak ${figures.maxStreakSeen}`,
    );
    expect(problems).toEqual([]);
    // The anti-starvation rule was put to work, not just left unbroken.
    expect(figures.forcedRegular).toBeGreaterThan(0);
  }, 240_000);
});
