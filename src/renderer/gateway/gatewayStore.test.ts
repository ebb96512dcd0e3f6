import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract';
import type { GatewayStatus } from '../../shared/gateway';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
const answer = (value: unknown) => ({ ok: true, value });
const status = (patch: Partial<GatewayStatus> = {}): GatewayStatus => ({
  link: 'offline',
  since: '2026-11-23T05:00:00.000Z',
  lastFailure: 'unreachable',
  pending: 1,
  failed: 0,
  casesWaiting: 1,
  simulator: false,
  ...patch,
});
const backlogCalls = () => bridge.invoke.mock.calls.filter(([name]) => name === 'gateway.backlog').length;

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useGateway } = await import('./gatewayStore');

beforeEach(() => {
  bridge.invoke.mockReset();
  bridge.invoke.mockImplementation(async (name) => (name === 'gateway.backlog' ? answer({ cases: [] }) : answer({ done: true })));
  useGateway.getState().forget();
});

describe('the gateway store', () => {
  it('takes the pushed status; the backlog is read again only while its screen is open', async () => {
    useGateway.getState().statusChanged(status());
    expect(useGateway.getState().status?.link).toBe('offline');
    expect(backlogCalls()).toBe(0);

    const stop = useGateway.getState().watchBacklog();
    await vi.waitFor(() => expect(useGateway.getState().backlog).toEqual([]));
    useGateway.getState().statusChanged(status({ link: 'online', pending: 0 }));
    await vi.waitFor(() => expect(backlogCalls()).toBe(2));
    stop();
    useGateway.getState().statusChanged(status());
    await Promise.resolve();
    expect(backlogCalls()).toBe(2);
  });

  it('sends a message again once however often it is pressed, and says why it could not', async () => {
    let release: (value: unknown) => void = () => {};
    bridge.invoke.mockImplementationOnce(() => new Promise((done) => (release = done)));
    const first = useGateway.getState().retry('00000000-0000-4000-8000-000000000001');
    expect(useGateway.getState().retrying.has('00000000-0000-4000-8000-000000000001')).toBe(true);
    await expect(useGateway.getState().retry('00000000-0000-4000-8000-000000000001')).resolves.toBeNull();
    release({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(first).resolves.toEqual({ code: 'FORBIDDEN' });
    expect(bridge.invoke).toHaveBeenCalledTimes(1);
    expect(useGateway.getState().retrying.size).toBe(0);
    expect(useGateway.getState().retryProblem).toEqual({ code: 'FORBIDDEN' });
  });

  it('keeps the settings it saved, and forgets them with the session', async () => {
    const saved = { endpoint: 'https://shep.example.kz', senderId: 'azho', passwordSet: true, caPem: null, timeoutSeconds: 30, pollIntervalSeconds: 300 };
    bridge.invoke.mockResolvedValueOnce(answer(saved));
    await useGateway.getState().saveSettings({ endpoint: 'https://shep.example.kz', senderId: 'azho', password: 'secret', caPem: null, timeoutSeconds: 30, pollIntervalSeconds: 300 });
    expect(useGateway.getState().settings).toEqual(saved);
    useGateway.getState().forget();
    expect(useGateway.getState().settings).toBeNull();
  });
});
