import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { startTestCore } from '../../../test/support/startTestCore';
import { ADMIN } from '../../../test/support/workstation';
import type { CoreHandle, TargetedEvent } from './types';

let dir: ReturnType<typeof tempDir>;
let core: CoreHandle;
beforeEach(async () => {
  dir = tempDir();
  core = await startTestCore(dir.path, { idleLockSeconds: 1 });
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

describe('the core in its worker thread', () => {
  it('answers calls and pushes the idle lock event to the right client', async () => {
    const events: TargetedEvent[] = [];
    core.onEvent((e) => events.push(e));
    expect(await core.call('app.status', {}, { clientId: 'w1' })).toMatchObject({ ok: true, value: { firstRun: true } });
    expect(await core.call('setup.createAdmin', ADMIN, { clientId: 'w1' })).toMatchObject({ ok: true });
    // The worker sweeps every second; the idle lock here is one second.
    await new Promise((r) => setTimeout(r, 2500));
    expect(events).toContainEqual({ clientId: 'w1', event: { name: 'session.locked', payload: { reason: 'idle' } } });
    expect(await core.call('settings.get', {}, { clientId: 'w1' })).toEqual({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('returns an envelope for bad input instead of throwing', async () => {
    expect(await core.call('auth.login', { login: 1 }, { clientId: 'w1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.call('drop.tables', {}, { clientId: 'w1' })).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('answers an input the thread cannot be handed (nested too deep) with an envelope, and goes on', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(await core.call('auth.login', { login: deep, password: 'x' }, { clientId: 'w1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.call('app.status', {}, { clientId: 'w1' })).toMatchObject({ ok: true });
  });

  it('answers calls made side by side in any order', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => core.call('app.status', {}, { clientId: `c${i}` })));
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('after close, calls get an INTERNAL envelope rather than hanging', async () => {
    await core.close();
    expect(await core.call('app.status', {}, { clientId: 'w1' })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('moves a scan\'s bytes to its thread rather than copying them, and copies what it cannot move', async () => {
    const content = new Uint8Array(4 * 1024 * 1024);
    const moved = await core.call('scans.add', { caseId: 1, documentId: 'application', source: 'file', content }, { clientId: 'w1' }, [content.buffer]);
    // The bytes arrived as bytes (the call went as far as the missing administrator).
    expect(moved).toEqual({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    expect(content.byteLength).toBe(0);
    const pooled = Buffer.from('%PDF-1.7');
    const copied = await core.call('scans.add', { caseId: 1, documentId: 'application', source: 'file', content: pooled }, { clientId: 'w1' }, [pooled.buffer as ArrayBuffer]);
    expect(copied).toEqual({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    expect(pooled.toString()).toBe('%PDF-1.7');
  });
});
