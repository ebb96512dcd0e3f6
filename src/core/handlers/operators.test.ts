import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIin } from '../../../test/support/iins';
import { ADMIN, openTestCore, type TestCore } from '../../../test/support/workstation';

let core: TestCore;
const OPERATOR = { login: 'daulet', fullName: 'Дәулет Серікұлы Оспанов', iin: makeIin('920704', '3', 40), role: 'operator' as const, password: 'Уақытша-пароль-1' };

beforeEach(async () => {
  core = openTestCore();
  await core.call('setup.createAdmin', ADMIN, 'admin-window');
});
afterEach(() => core.dispose());

describe('first run', () => {
  it('creates the administrator once; a second attempt is refused and changes nothing', async () => {
    const before = core.auditActions();
    expect(await core.fail('setup.createAdmin', { ...ADMIN, login: 'other' })).toEqual({ code: 'SETUP_ALREADY_DONE' });
    expect(core.auditActions()).toEqual(before);
    expect(before.slice(0, 3)).toEqual(['app.started', 'setup.adminCreated', 'auth.login']);
  });

  it('asks for the set-up before anything else on an empty database', async () => {
    const fresh = openTestCore();
    try {
      expect(await fresh.call('app.status', {})).toMatchObject({ ready: true, firstRun: true, storageProblem: null });
      expect(await fresh.fail('auth.login', { login: 'admin', password: 'anything' })).toEqual({ code: 'SETUP_REQUIRED' });
    } finally {
      fresh.dispose();
    }
  });
});

describe('operator accounts', () => {
  it("refuses an IIN whose birth date is after the core's today, and accepts it once the clock has passed it", async () => {
    // The test clock stands at 2026-01-15; this person would be born on 2026-03-01.
    const unborn = { ...OPERATOR, iin: makeIin('260301', '5', 7) };
    const before = core.auditActions();
    expect(await core.fail('operators.create', unborn, 'admin-window')).toEqual({ code: 'VALIDATION', issues: [{ path: 'iin', reason: 'iin.future' }] });
    expect(core.auditActions()).toEqual(before);
    core.clock.advance(60 * 86_400_000);
    expect(await core.call('operators.create', unborn, 'admin-window')).toMatchObject({ login: 'daulet' });
  });

  it('lets the administrator create an operator who must change the temporary password', async () => {
    const created = await core.call('operators.create', OPERATOR, 'admin-window');
    expect(created).toMatchObject({ login: 'daulet', role: 'operator', mustChangePassword: true, disabled: false });

    const first = await core.call('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3');
    expect(first.operator.mustChangePassword).toBe(true);
    expect(await core.fail('settings.get', {}, 'counter-3')).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(await core.fail('auth.changePassword', { current: 'not it', next: 'Жаңа-құпиясөз-7' }, 'counter-3')).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'current', reason: 'password.wrong' }],
    });
    expect((await core.fail('auth.changePassword', { current: OPERATOR.password, next: OPERATOR.password }, 'counter-3')).code).toBe(
      'PASSWORD_REUSED',
    );
    const changed = await core.call('auth.changePassword', { current: OPERATOR.password, next: 'Жаңа-құпиясөз-7' }, 'counter-3');
    expect(changed.operator.mustChangePassword).toBe(false);
    expect(await core.call('settings.get', {}, 'counter-3')).toEqual({ idleLockSeconds: 300, sessionLimitMinutes: 720 });
    expect(core.auditActions()).toEqual(expect.arrayContaining(['operators.created', 'auth.passwordChanged']));
  });

  it('refuses a taken login or IIN with the field named', async () => {
    await core.call('operators.create', OPERATOR, 'admin-window');
    expect(await core.fail('operators.create', { ...OPERATOR, iin: makeIin('920704', '3', 900) }, 'admin-window')).toEqual({
      code: 'LOGIN_TAKEN',
      issues: [{ path: 'login', reason: 'login.taken' }],
    });
    expect(await core.fail('operators.create', { ...OPERATOR, login: 'daulet2' }, 'admin-window')).toEqual({
      code: 'IIN_TAKEN',
      issues: [{ path: 'iin', reason: 'iin.taken' }],
    });
  });

  it('keeps operators away from administration', async () => {
    await core.call('operators.create', { ...OPERATOR, role: 'operator' }, 'admin-window');
    await core.call('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3');
    await core.call('auth.changePassword', { current: OPERATOR.password, next: 'Жаңа-құпиясөз-7' }, 'counter-3');
    expect(await core.fail('operators.list', {}, 'counter-3')).toEqual({ code: 'FORBIDDEN' });
    expect(await core.fail('audit.verify', {}, 'counter-3')).toEqual({ code: 'FORBIDDEN' });
    expect(await core.fail('operators.list', {}, 'nobody')).toEqual({ code: 'NOT_AUTHENTICATED' });
  });

  it('disabling an operator ends their sessions and stops their logins', async () => {
    const { id } = await core.call('operators.create', OPERATOR, 'admin-window');
    await core.call('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3');
    await core.call('operators.setDisabled', { operatorId: id, disabled: true }, 'admin-window');
    expect(core.events.at(-1)).toEqual({ clientId: 'counter-3', event: { name: 'session.ended', payload: { reason: 'disabled' } } });
    expect(await core.fail('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3')).toEqual({ code: 'BAD_CREDENTIALS' });
    await core.call('operators.setDisabled', { operatorId: id, disabled: false }, 'admin-window');
    await core.call('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3');
  });

  it('never disables the last active administrator', async () => {
    const admin = (await core.call('operators.list', {}, 'admin-window')).operators[0]!;
    expect(await core.fail('operators.setDisabled', { operatorId: admin.id, disabled: true }, 'admin-window')).toEqual({ code: 'LAST_ADMIN' });
    expect(await core.fail('operators.setDisabled', { operatorId: 999, disabled: true }, 'admin-window')).toEqual({ code: 'NOT_FOUND' });
  });

  it('a password reset lifts a lockout and forces a change at the next login', async () => {
    const { id } = await core.call('operators.create', OPERATOR, 'admin-window');
    for (let i = 0; i < 5; i++) await core.fail('auth.login', { login: 'daulet', password: 'wrong' }, 'counter-3');
    expect((await core.fail('auth.login', { login: 'daulet', password: OPERATOR.password }, 'counter-3')).code).toBe('LOCKED_OUT');
    await core.call('operators.resetPassword', { operatorId: id, password: 'Басқа-уақытша-2' }, 'admin-window');
    const view = await core.call('auth.login', { login: 'daulet', password: 'Басқа-уақытша-2' }, 'counter-3');
    expect(view.operator.mustChangePassword).toBe(true);
  });

  it('stores names and IINs encrypted: the database file holds neither in plain text', async () => {
    await core.call('operators.create', OPERATOR, 'admin-window');
    core.ws.close();
    const { readFileSync, readdirSync } = await import('node:fs');
    const bytes = readdirSync(core.dataDir)
      .filter((f) => f.startsWith('azho.db'))
      .map((f) => readFileSync(`${core.dataDir}/${f}`))
      .reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    for (const secret of [OPERATOR.iin, ADMIN.iin, 'Оспанов', 'Жұмабаева', OPERATOR.password]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('daulet'))).toBe(true);
    core.reopen();
    expect((await core.call('auth.login', { login: 'daulet', password: OPERATOR.password }, 'x')).operator.fullName).toBe(OPERATOR.fullName);
  });
});

describe('bad input writes nothing', () => {
  it('a refused call leaves the audit log and the accounts as they were', async () => {
    const before = core.auditActions();
    const bad: [string, unknown][] = [
      ['operators.create', { login: 'x' }],
      ['operators.create', { ...OPERATOR, iin: '123' }],
      ['operators.create', { ...OPERATOR, fullName: 'Ә'.repeat(201) }],
      ['operators.create', { ...OPERATOR, extra: true }],
      ['operators.setDisabled', { operatorId: -1, disabled: true }],
      ['operators.setDisabled', { operatorId: '1', disabled: 'yes' }],
      ['settings.update', { idleLockSeconds: 5, sessionLimitMinutes: 60 }],
      ['no.such.call', {}],
      ['auth.login', null],
    ];
    for (const [name, input] of bad) {
      expect(['VALIDATION', 'UNKNOWN_CALL']).toContain((await core.fail(name, input, 'admin-window')).code);
    }
    expect(core.auditActions()).toEqual(before);
    expect((await core.call('operators.list', {}, 'admin-window')).operators).toHaveLength(1);
  });
});
