import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract';
import { invoke, on, onCallProblem } from './client';
import { CallFailed } from './problem';

const listeners = new Map<string, (payload: unknown) => void>();
const desktop = {
  invoke: vi.fn<Bridge['invoke']>(),
  on: (event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  },
};

beforeAll(() => {
  // As the Electron preload does: the client must take it over the HTTP bridge.
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: desktop };
});

describe('the typed client', () => {
  it('unwraps a successful envelope', async () => {
    desktop.invoke.mockResolvedValueOnce({ ok: true, value: { done: true } });
    await expect(invoke('auth.lock', {})).resolves.toEqual({ done: true });
    expect(desktop.invoke).toHaveBeenLastCalledWith('auth.lock', {});
  });

  it('throws the host error data, and tells the session-wide listeners', async () => {
    const seen = vi.fn();
    const stop = onCallProblem(seen);
    desktop.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'LOCKED_OUT', retryAfterSeconds: 90 } });
    const failure = await invoke('auth.login', { login: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallFailed);
    expect((failure as CallFailed).problem).toEqual({ code: 'LOCKED_OUT', retryAfterSeconds: 90 });
    expect(seen).toHaveBeenCalledWith('auth.login', { code: 'LOCKED_OUT', retryAfterSeconds: 90 });
    stop();
  });

  it('turns a bridge that rejects into UNREACHABLE and a shapeless answer into INTERNAL', async () => {
    desktop.invoke.mockRejectedValueOnce(new Error('socket closed'));
    await expect(invoke('app.status', {})).rejects.toMatchObject({ problem: { code: 'UNREACHABLE' } });
    desktop.invoke.mockResolvedValueOnce('<html>proxy error</html>');
    await expect(invoke('app.status', {})).rejects.toMatchObject({ problem: { code: 'INTERNAL' } });
    desktop.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NO_SUCH_CODE' } });
    await expect(invoke('app.status', {})).rejects.toMatchObject({ problem: { code: 'INTERNAL' } });
  });

  it('passes on events that match the contract and drops the rest', () => {
    const seen = vi.fn();
    on('session.locked', seen);
    listeners.get('session.locked')?.({ reason: 'idle' });
    listeners.get('session.locked')?.({ reason: 'because' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith({ reason: 'idle' });
  });
});
