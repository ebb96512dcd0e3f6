/**
 * A workstation of a branch cut off from it (its traffic blocked, the server still up) keeps
 * serving: walk-ins on its own fallback queue, cases as always. When the link returns it reports
 * everything exactly once — a second sending of the same rows (a sync repeated after a crash
 * before the acknowledgement) changes nothing in the branch's report.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE } from '../../src/shared/training/people';
import { databasePath } from '../../src/core/workstation';
import { startTestBranch, type TestBranch } from '../support/branch';
import { openCounter } from '../support/counter';
import { startLinkProxy, type LinkProxy } from '../support/linkProxy';
import { postgresAvailable } from '../support/postgres';
import { S1_DOCUMENTS, until } from '../support/simulatedCounter';
import { ADMIN, type TestCore } from '../support/workstation';

const COUNTER = 'counter-1';

describe.skipIf(!postgresAvailable)('a workstation cut off from its branch', () => {
  let branch: TestBranch;
  let proxy: LinkProxy;
  let core: TestCore;
  let tick: NodeJS.Timeout;

  beforeAll(async () => {
    branch = await startTestBranch();
    proxy = await startLinkProxy({ host: '127.0.0.1', port: branch.server.port });
    core = await openCounter({ running: true, branchTimeoutMs: 800 });
    // The worker runtime's one-second sweep, quicker.
    tick = setInterval(() => core.ws.sweep(), 100);
    await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    const status = await core.call(
      'branch.enroll',
      {
        enrollUrl: `https://127.0.0.1:${branch.server.enrollPort}`,
        apiUrl: proxy.url,
        caPem: branch.server.caPem,
        code: await branch.server.makeEnrollmentCode('W-07', 'workstation'),
      },
      'admin',
    );
    expect(status).toMatchObject({ branchId: 'TEST-01', device: 'W-07' });
    await until(async () => (await core.call('branch.status', {})).state === 'online', 'the link is up');
    await core.call('queue.setWindow', { window: '7', groups: ['A'] }, COUNTER);
  });

  afterAll(async () => {
    clearInterval(tick);
    core?.dispose();
    await proxy?.close();
    await branch?.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await branch.server.pool.query<{ n: string }>(sql, params)).rows[0]!.n);

  it('takes its tickets from the branch while the link is up', async () => {
    const print = await core.call('queue.issue', { group: 'A', priority: null }, COUNTER);
    expect(print.ticket.number).toBe('A-001');
    const called = await core.call('queue.callNext', {}, COUNTER);
    expect(called.number).toBe('A-001');
    await core.call('queue.noShow', { ticketId: called.id, version: called.version }, COUNTER);
    expect(await count("SELECT count(*) AS n FROM tickets WHERE state = 'noShow'")).toBe(1);
  });

  it('serves 30 walk-ins and accepts 10 cases while cut off, then reports each exactly once', async () => {
    proxy.block();
    // The first walk-in finds the link cut (after the call's timeout) and is numbered here.
    const first = await core.call('queue.issue', { group: 'A', priority: null }, COUNTER);
    expect(first.ticket.number).toBe('A7-001');
    expect((await core.call('branch.status', {})).state).toBe('offline');
    // The screens are told (the header's indicator), a moment later: announcements are coalesced.
    await until(() => core.events.some((e) => e.event.name === 'branch.changed' && (e.event.payload as { state: string }).state === 'offline'), 'the screens hear of it');
    for (let i = 1; i < 30; i++) await core.call('queue.issue', { group: 'A', priority: i % 7 === 0 ? 'elderly' : null }, COUNTER);

    const caseNumbers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const t = await core.call('queue.callNext', {}, COUNTER);
      expect(t.number).toMatch(/^A7-\d{3}$/);
      if (i < 10) {
        const started = await core.call('queue.startService', { ticketId: t.id, version: t.version, regulationId: 's1-aktobe-285', documentLocale: 'kk' }, COUNTER);
        let v = await core.call('cases.handOver', { caseId: started.case.id, version: started.case.version, documents: S1_DOCUMENTS }, COUNTER);
        v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[i % TRAINING_PEOPLE.length]!.iin, representative: null }, COUNTER);
        caseNumbers.push(v.number);
        await core.call('queue.finish', { ticketId: t.id, version: started.ticket.version }, COUNTER);
      } else {
        await core.call('queue.noShow', { ticketId: t.id, version: t.version }, COUNTER);
      }
    }
    // Nothing reached the branch while cut off.
    expect(await count('SELECT count(*) AS n FROM tickets WHERE origin_device IS NOT NULL')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(0);
    const pending = (await core.call('branch.status', {})).pending;
    expect(pending.tickets).toBe(30);
    expect(pending.cases).toBe(10);

    proxy.unblock();
    await until(async () => {
      const s = await core.call('branch.status', {});
      return s.state === 'online' && s.pending.tickets + s.pending.cases + s.pending.audit === 0;
    }, 'the workstation reconciles', 30_000);

    // The day of the walk-ins (the test's clock on the workstation; the branch's own tickets are of today).
    const day = (await branch.server.pool.query<{ day: string }>('SELECT day::text AS day FROM tickets WHERE origin_device IS NOT NULL LIMIT 1')).rows[0]!.day;
    const report = async () => (await branch.client('SUP-01')).call('reports.day', { day });
    const first_ = await report();
    expect(first_.fallbackTickets).toBe(30);
    expect(first_.tickets.issued).toBe(30);
    expect(first_.tickets.noShow).toBe(20);
    expect(first_.tickets.served).toBe(10);
    expect(first_.cases.total).toBe(10);
    expect((await branch.server.pool.query<{ number: string }>('SELECT number FROM cases ORDER BY number')).rows.map((r) => r.number)).toEqual([...caseNumbers].sort());
    // The applicant's IIN is in the registry only sealed.
    const iin = TRAINING_PEOPLE[0]!.iin;
    expect(await count("SELECT count(*) AS n FROM cases WHERE position(convert_to($1, 'UTF8') in applicant_enc) > 0", [iin])).toBe(0);
    const localAudit = localAuditAfterEnrollment(core);
    expect(await count('SELECT count(*) AS n FROM audit')).toBe(localAudit);

    // The whole of it marked unsent again, as if the workstation died before the acknowledgement.
    markAllUnsent(core);
    expect((await core.call('branch.status', {})).pending.tickets).toBe(30);
    await until(async () => (await core.call('branch.status', {})).pending.tickets === 0, 'sent again', 30_000);
    const again = await report();
    expect(again.fallbackTickets).toBe(30);
    expect(again.tickets.issued).toBe(30);
    expect(again.tickets.served).toBe(10);
    expect(again.cases.total).toBe(10);
    expect(await count('SELECT count(*) AS n FROM audit')).toBe(localAuditAfterEnrollment(core));
  });

  it("shows the supervisor the whole branch's figures while the link is up", async () => {
    const day = (await branch.server.pool.query<{ day: string }>('SELECT day::text AS day FROM tickets WHERE origin_device IS NULL LIMIT 1')).rows[0]!.day;
    const issued = Number((await branch.server.pool.query<{ n: string }>('SELECT count(*) AS n FROM tickets WHERE day = $1', [day])).rows[0]!.n);
    const stats = await core.call('queue.stats', { day }, 'admin');
    expect(stats.total.issued).toBe(issued);
    expect(stats.byGroup.map((g) => g.group)).toEqual(['A']);
  });

  it('serves from the branch again once the fallback queue is empty', async () => {
    await core.call('queue.issue', { group: 'A', priority: null }, COUNTER);
    const t = await core.call('queue.callNext', {}, COUNTER);
    expect(t.number).toBe('A-002');
  });
});

function localAuditAfterEnrollment(core: TestCore): number {
  const db = new Database(databasePath(core.dataDir), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM audit WHERE id >= (SELECT min(id) FROM audit WHERE action = 'branch.enrolled')").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function markAllUnsent(core: TestCore) {
  const db = new Database(databasePath(core.dataDir));
  try {
    db.transaction(() => {
      db.prepare("INSERT OR REPLACE INTO branch_pending (kind, ref, seq) SELECT 'ticket', id, version FROM tickets").run();
      db.prepare("INSERT OR REPLACE INTO branch_pending (kind, ref, seq) SELECT 'case', id, version FROM cases").run();
      db.prepare("UPDATE branch_link SET audit_sent = (SELECT min(id) - 1 FROM audit WHERE action = 'branch.enrolled')").run();
    })();
  } finally {
    db.close();
  }
}
