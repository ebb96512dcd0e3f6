import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestCore, type TestCore } from '../../../test/support/workstation';

let core: TestCore;
const actionsSince = (count: number) => core.auditActions().slice(count);

beforeEach(async () => {
  core = openTestCore({ idleLockSeconds: 300 });
  await core.call('setup.createAdmin', ADMIN, 'setup');
});
afterEach(() => core.dispose());

describe('process 1: log in with login and password', () => {
  it('opens a session for this client only', async () => {
    const view = await core.call('auth.login', { login: 'ADMIN', password: ADMIN.password });
    expect(view.operator).toMatchObject({ login: 'admin', fullName: ADMIN.fullName, iin: ADMIN.iin, role: 'admin' });
    expect(view.locked).toBe(false);
    expect(await core.call('auth.session', {}, 'someone-else')).toBeNull();
  });

  it('answers a wrong password and an unknown login with the same generic error', async () => {
    expect(await core.fail('auth.login', { login: 'admin', password: 'wrong password' })).toEqual({ code: 'BAD_CREDENTIALS' });
    expect(await core.fail('auth.login', { login: 'nobody', password: ADMIN.password })).toEqual({ code: 'BAD_CREDENTIALS' });
    expect(actionsSince(0)).toContain('auth.loginFailed');
  });

  it('locks a login out after five failures, for longer each time, and lets it in after the wait', async () => {
    const before = core.auditActions().length;
    for (let i = 0; i < 4; i++) expect((await core.fail('auth.login', { login: 'admin', password: 'nope' })).code).toBe('BAD_CREDENTIALS');
    expect(await core.fail('auth.login', { login: 'admin', password: 'nope' })).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 60 });
    // While locked out even the right password is refused, and no password is checked.
    expect(await core.fail('auth.login', { login: 'admin', password: ADMIN.password })).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 60 });
    core.clock.advance(30_000);
    expect((await core.fail('auth.login', { login: 'admin', password: ADMIN.password })).retryAfterSeconds).toBe(30);
    core.clock.advance(30_000);

    for (let i = 0; i < 4; i++) await core.fail('auth.login', { login: 'admin', password: 'nope' });
    expect(await core.fail('auth.login', { login: 'admin', password: 'nope' })).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 120 });
    core.clock.advance(120_000);
    await core.call('auth.login', { login: 'admin', password: ADMIN.password });

    const actions = actionsSince(before);
    expect(actions.filter((a) => a === 'auth.loginFailed')).toHaveLength(10);
    expect(actions.filter((a) => a === 'auth.lockedOut')).toHaveLength(2);
    expect(actions.at(-1)).toBe('auth.login');
  });

  it('locks out a login that does not exist exactly as one that does', async () => {
    for (let i = 0; i < 4; i++) await core.fail('auth.login', { login: 'ghost', password: 'nope' });
    expect(await core.fail('auth.login', { login: 'ghost', password: 'nope' })).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 60 });
  });

  it('resets the failure count after a successful login', async () => {
    for (let i = 0; i < 4; i++) await core.fail('auth.login', { login: 'admin', password: 'nope' });
    await core.call('auth.login', { login: 'admin', password: ADMIN.password });
    expect((await core.fail('auth.login', { login: 'admin', password: 'nope' })).code).toBe('BAD_CREDENTIALS');
  });
});

describe('idle lock and session limit', () => {
  beforeEach(async () => {
    await core.call('auth.login', { login: 'admin', password: ADMIN.password });
  });

  it('locks the screen after the idle time, refuses work until the password is given, and pushes an event', async () => {
    core.clock.advance(299_000);
    core.ws.sweep();
    expect((await core.call('auth.session', {}))!.locked).toBe(false);
    core.clock.advance(1_000);
    core.ws.sweep();
    expect(core.events.filter((e) => e.clientId === 'client-1').map((e) => e.event)).toEqual([
      { name: 'session.locked', payload: { reason: 'idle' } },
    ]);
    expect(await core.fail('operators.list', {})).toEqual({ code: 'SESSION_LOCKED' });
    expect(await core.fail('auth.unlock', { password: 'wrong' })).toEqual({ code: 'BAD_CREDENTIALS' });
    const view = await core.call('auth.unlock', { password: ADMIN.password });
    expect(view.locked).toBe(false);
    expect((await core.call('operators.list', {})).operators).toHaveLength(1);
    const actions = actionsSince(0);
    expect(actions).toEqual(expect.arrayContaining(['auth.locked', 'auth.unlockFailed', 'auth.unlock']));
  });

  it('postpones the idle lock on activity', async () => {
    core.clock.advance(200_000);
    const { lockAt } = await core.call('auth.touch', {});
    expect(Date.parse(lockAt)).toBe(core.clock.now() + 300_000);
    core.clock.advance(200_000);
    core.ws.sweep();
    expect((await core.call('auth.session', {}))!.locked).toBe(false);
  });

  it('ends the session when five wrong passwords are given at the lock screen', async () => {
    await core.call('auth.lock', {});
    for (let i = 0; i < 4; i++) await core.fail('auth.unlock', { password: 'wrong' });
    expect((await core.fail('auth.unlock', { password: 'wrong' })).code).toBe('LOCKED_OUT');
    expect(await core.call('auth.session', {})).toBeNull();
    expect(core.events.at(-1)).toEqual({ clientId: 'client-1', event: { name: 'session.ended', payload: { reason: 'lockedOut' } } });
  });

  it('ends every session at the absolute limit, active or not', async () => {
    for (let minutes = 0; minutes < 12 * 60; minutes += 4) {
      core.clock.advance(4 * 60_000);
      await core.call('auth.touch', {});
      core.ws.sweep();
    }
    expect(await core.call('auth.session', {})).toBeNull();
    expect(core.events.at(-1)?.event).toEqual({ name: 'session.ended', payload: { reason: 'expired' } });
    expect(await core.fail('auth.touch', {})).toEqual({ code: 'NOT_AUTHENTICATED' });
  });

  it('logs out and writes the audit row', async () => {
    await core.call('auth.logout', {});
    expect(await core.call('auth.session', {})).toBeNull();
    expect((actionsSince(0)).at(-1)).toBe('auth.logout');
  });
});
