/**
 * The operator directory shared across a branch's counters: an account made at one counter logs in
 * at another, one disabled at one is refused at the others, five wrong passwords anywhere in the
 * branch lock the login everywhere — and a counter cut off from the branch still logs its known
 * operators in on its own. The branch holds the operators' names and IINs only sealed.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../src/core/workstation';
import { startTestBranch, type TestBranch } from '../support/branch';
import { OPERATOR, OPERATOR_PASSWORD, openCounter } from '../support/counter';
import { makeIin } from '../support/iins';
import { startLinkProxy, type LinkProxy } from '../support/linkProxy';
import { postgresAvailable } from '../support/postgres';
import { until } from '../support/simulatedCounter';
import { ADMIN, type TestCore } from '../support/workstation';

const AIGERIM = { login: 'aigerim', fullName: 'Әйгерім Серікқызы Омарова', iin: makeIin('900101', '4', 31), role: 'operator' as const, password: 'Уақытша-құпиясөз-1' };
const DANA = { login: 'dana', fullName: 'Дана Болатқызы Ахметова', iin: makeIin('920202', '4', 45), role: 'operator' as const, password: 'Уақытша-құпиясөз-2' };
const ERLAN = { login: 'erlan', fullName: 'Ерлан Маратұлы Касымов', iin: makeIin('950505', '3', 88), role: 'operator' as const, password: 'Уақытша-құпиясөз-3' };

describe.skipIf(!postgresAvailable)('the operator directory shared across a branch', () => {
  let branch: TestBranch;
  let proxy: LinkProxy;
  let ws1: TestCore;
  let ws2: TestCore;
  const ticks: NodeJS.Timeout[] = [];

  const join = async (core: TestCore, device: string, apiUrl: string) => {
    // The worker runtime's one-second sweep, quicker.
    ticks.push(setInterval(() => core.ws.sweep(), 100));
    await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    await core.call(
      'branch.enroll',
      { enrollUrl: `https://127.0.0.1:${branch.server.enrollPort}`, apiUrl, caPem: branch.server.caPem, code: await branch.server.makeEnrollmentCode(device, 'workstation') },
      'admin',
    );
    await until(async () => (await core.call('branch.status', {})).state === 'online', `${device} is online`);
  };
  const logins = async (core: TestCore) => (await core.call('operators.list', {}, 'admin')).operators;
  const known = async (core: TestCore, login: string) => (await logins(core)).find((o) => o.login === login);
  const branchCount = async (sql: string, params: unknown[] = []) => Number((await branch.server.pool.query<{ n: string }>(sql, params)).rows[0]!.n);

  beforeAll(async () => {
    branch = await startTestBranch();
    // Workstation 2 reaches the branch through a network the test can cut; workstation 1 directly.
    proxy = await startLinkProxy({ host: '127.0.0.1', port: branch.server.port });
    [ws1, ws2] = await Promise.all([openCounter({ running: true, branchTimeoutMs: 800 }), openCounter({ running: true, branchTimeoutMs: 800 })]);
    // Workstation 2's clock runs ten minutes behind: a change made there to a version it has seen
    // must still win over that version, and the shared lockout's wait must not depend on it.
    ws2.clock.advance(-10 * 60_000);
    await join(ws1, 'W-01', `https://127.0.0.1:${branch.server.port}`);
    await join(ws2, 'W-02', proxy.url);
    // The accounts each had before joining are in the branch's directory.
    await until(async () => (await branchCount('SELECT count(*) AS n FROM operators')) === 2, 'both counters pushed their accounts');
  });

  afterAll(async () => {
    for (const t of ticks) clearInterval(t);
    ws1?.dispose();
    ws2?.dispose();
    await proxy?.close();
    await branch?.close();
  });

  it('logs in at workstation 2 an operator created at workstation 1', async () => {
    await ws1.call('operators.create', AIGERIM, 'admin');
    await until(() => known(ws2, AIGERIM.login), 'workstation 2 pulls the new account');
    const view = await ws2.call('auth.login', { login: AIGERIM.login, password: AIGERIM.password }, 'counter-2');
    expect(view.operator).toMatchObject({ login: AIGERIM.login, fullName: AIGERIM.fullName, iin: AIGERIM.iin, role: 'operator', mustChangePassword: true });
    // The pull is audited by counts, without the account's personal data.
    expect(ws2.auditActions()).toContain('operators.synced');
  });

  it('refuses at workstation 1 an operator disabled at workstation 2, and ends the session there', async () => {
    await ws1.call('auth.login', { login: AIGERIM.login, password: AIGERIM.password }, 'counter-1b');
    const there = (await known(ws2, AIGERIM.login))!;
    await ws2.call('operators.setDisabled', { operatorId: there.id, disabled: true }, 'admin');
    await until(async () => (await known(ws1, AIGERIM.login))?.disabled, 'workstation 1 pulls the change');
    expect(await ws1.fail('auth.login', { login: AIGERIM.login, password: AIGERIM.password }, 'counter-1c')).toEqual({ code: 'BAD_CREDENTIALS' });
    expect(await ws1.call('auth.session', {}, 'counter-1b')).toBeNull();
  });

  it('locks a login at both workstations after five wrong passwords split across them', async () => {
    await ws1.call('operators.create', DANA, 'admin');
    await until(() => known(ws2, DANA.login), 'workstation 2 pulls the new account');
    const wrong = { login: DANA.login, password: 'not-the-password' };
    for (let i = 0; i < 3; i++) expect(await ws1.fail('auth.login', wrong, 'counter-1')).toEqual({ code: 'BAD_CREDENTIALS' });
    expect(await ws2.fail('auth.login', wrong, 'counter-2')).toEqual({ code: 'BAD_CREDENTIALS' });
    // The fifth failure in the branch, the second here: each counter alone has counted fewer than five.
    expect(await ws2.fail('auth.login', wrong, 'counter-2')).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 60 });
    const right = { login: DANA.login, password: DANA.password };
    expect(await ws1.fail('auth.login', right, 'counter-1')).toMatchObject({ code: 'LOCKED_OUT' });
    expect(await ws2.fail('auth.login', right, 'counter-2')).toMatchObject({ code: 'LOCKED_OUT' });
    expect(ws2.auditActions()).toContain('auth.lockedOut');

    // An administrator's password reset at workstation 1 lifts the lockout for the whole branch.
    const reset = 'Жаңа-уақытша-құпиясөз-4';
    await ws1.call('operators.resetPassword', { operatorId: (await known(ws1, DANA.login))!.id, password: reset }, 'admin');
    await until(() => passwordHashOf(ws2, DANA.login) === passwordHashOf(ws1, DANA.login), 'workstation 2 pulls the new password');
    const view = await ws2.call('auth.login', { login: DANA.login, password: reset }, 'counter-2');
    expect(view.operator).toMatchObject({ login: DANA.login, mustChangePassword: true });
  });

  it('logs a known operator in at workstation 2 while it is cut off, and shares what it made meanwhile once the link returns', async () => {
    proxy.block();
    const began = Date.now();
    const view = await ws2.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-5');
    expect(view.operator.login).toBe(OPERATOR.login);
    // At most the branch's short deadline, never the wait of a hung connection.
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(await ws2.fail('auth.login', { login: OPERATOR.login, password: 'wrong' }, 'counter-6')).toEqual({ code: 'BAD_CREDENTIALS' });
    expect((await ws2.call('branch.status', {})).state).toBe('offline');

    await ws2.call('operators.create', ERLAN, 'admin');
    expect(await branchCount('SELECT count(*) AS n FROM operators WHERE login = $1', [ERLAN.login])).toBe(0);
    proxy.unblock();
    await until(() => known(ws1, ERLAN.login), 'workstation 1 pulls the account made while cut off', 30_000);
    const there = await ws1.call('auth.login', { login: ERLAN.login, password: ERLAN.password }, 'counter-7');
    expect(there.operator.fullName).toBe(ERLAN.fullName);
  });

  it('stores the operators’ IINs and names at the branch only sealed', async () => {
    const accounts = await branchCount('SELECT count(*) AS n FROM operators');
    expect(accounts).toBe(5);
    for (const person of [ADMIN, OPERATOR, AIGERIM, DANA, ERLAN]) {
      for (const plain of [person.iin, person.fullName]) {
        expect(await branchCount("SELECT count(*) AS n FROM operators WHERE position(convert_to($1, 'UTF8') in iin_enc) > 0 OR position(convert_to($1, 'UTF8') in full_name_enc) > 0", [plain])).toBe(0);
        expect(await branchCount('SELECT count(*) AS n FROM operators o WHERE position($1 in o::text) > 0', [plain])).toBe(0);
      }
    }
    // The password only as the workstation's scrypt hash — and only for workstations: a hall device is refused the directory.
    expect(await branchCount("SELECT count(*) AS n FROM operators WHERE password_hash LIKE 'scrypt$%'")).toBe(accounts);
    const board = await branch.client('B-01', 'board');
    await expect(board.call('operators.pull', {})).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await expect(board.call('auth.succeeded', { loginKey: DANA.login })).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('settles: an account pulled is not pushed back, and nothing goes round in a loop', async () => {
    await until(() => pendingAccounts(ws1) + pendingAccounts(ws2) === 0, 'both counters have pushed their accounts');
    const synced = () => ws1.auditActions().filter((a) => a === 'operators.synced').length + ws2.auditActions().filter((a) => a === 'operators.synced').length;
    const before = synced();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(pendingAccounts(ws1) + pendingAccounts(ws2)).toBe(0);
    expect(synced()).toBe(before);
    // Every counter holds the branch's version of every account.
    const versions = async (core: TestCore) => (await logins(core)).map((o) => `${o.login}:${o.disabled}`).sort();
    expect(await versions(ws1)).toEqual(await versions(ws2));
  });
});

/** Accounts this workstation still has to push, read through a second connection. */
function pendingAccounts(core: TestCore): number {
  const db = new Database(databasePath(core.dataDir), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM branch_pending WHERE kind = 'operator'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function passwordHashOf(core: TestCore, login: string): string | undefined {
  const db = new Database(databasePath(core.dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT password_hash AS hash FROM operators WHERE login = ?').get(login) as { hash: string } | undefined)?.hash;
  } finally {
    db.close();
  }
}
