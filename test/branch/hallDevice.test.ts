/**
 * A hall device of a branch — a host enrolled as the kiosk — issues from the branch's numbering
 * and reports nothing to it: the branch takes reports (`reconcile`) from workstations only, so a
 * kiosk that tried would be refused again at every tick of its link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBranchServer, type BranchServer } from '../../src/branch/server';
import { openCounter } from '../support/counter';
import { freshDatabase, postgresAvailable } from '../support/postgres';
import { until } from '../support/simulatedCounter';
import { tempDir } from '../support/tempDir';
import { ADMIN, type TestCore } from '../support/workstation';

describe.skipIf(!postgresAvailable)('a kiosk host enrolled with its branch', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: ReturnType<typeof tempDir>;
  let server: BranchServer;
  let kiosk: TestCore;
  let tick: NodeJS.Timeout;
  const calls: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    dir = tempDir('azho-branch-');
    server = await startBranchServer({ dsn: db.dsn, dataDir: dir.path, branchId: 'TEST-01', branchName: 'Сынақ филиалы', log: (line) => void calls.push(line) });
    kiosk = await openCounter({ running: true });
    // The worker runtime's one-second sweep, quicker.
    tick = setInterval(() => kiosk.ws.sweep(), 100);
    await kiosk.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    await kiosk.call(
      'branch.enroll',
      {
        enrollUrl: `https://127.0.0.1:${server.enrollPort}`,
        apiUrl: `https://127.0.0.1:${server.port}`,
        caPem: server.caPem,
        code: await server.makeEnrollmentCode('K-01', 'kiosk'),
      },
      'admin',
    );
    await until(async () => (await kiosk.call('branch.status', {})).state === 'online', 'the link is up');
  });

  afterAll(async () => {
    clearInterval(tick);
    kiosk?.dispose();
    await server?.close();
    await db?.drop();
    dir?.remove();
  });

  it('issues the branch numbers and sends the branch no reports it would refuse', async () => {
    const print = await kiosk.call('queue.issue', { group: 'A', priority: null }, 'hall');
    expect(print.ticket.number).toBe('A-001');
    // Its audit rows (set-up, enrollment) are pending for a workstation's sync; a second of ticks passes.
    expect((await kiosk.call('branch.status', {})).pending.audit).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500));
    const apiCalls = calls.filter((l) => l.event === 'call');
    expect(apiCalls.filter((l) => l.call === 'reconcile')).toEqual([]);
    expect(apiCalls.filter((l) => 'code' in l), 'calls the branch refused').toEqual([]);
    expect((await kiosk.call('branch.status', {})).state).toBe('online');
  });
});
