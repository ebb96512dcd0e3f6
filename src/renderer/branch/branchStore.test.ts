import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { branchStatus as status } from './testStatus';
import type { Bridge } from '../../shared/contract';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
const answer = (value: unknown) => ({ ok: true, value });

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useBranch } = await import('./branchStore');

beforeEach(() => {
  bridge.invoke.mockReset();
  useBranch.setState({ status: null });
});

describe('the branch store', () => {
  it('takes the fetched status, and keeps a push that came while the fetch was on its way', async () => {
    bridge.invoke.mockResolvedValueOnce(answer(status({ state: 'connecting' })));
    await useBranch.getState().loadStatus();
    expect(useBranch.getState().status?.state).toBe('connecting');

    let release: (value: unknown) => void = () => {};
    bridge.invoke.mockImplementationOnce(() => new Promise((done) => (release = done)));
    const loading = useBranch.getState().loadStatus();
    useBranch.getState().statusChanged(status({ state: 'offline' }));
    release(answer(status({ state: 'connecting' })));
    await loading;
    expect(useBranch.getState().status?.state).toBe('offline');
  });

  it('stays quiet when the core does not answer', async () => {
    bridge.invoke.mockRejectedValueOnce(new Error('no core'));
    await useBranch.getState().loadStatus();
    expect(useBranch.getState().status).toBeNull();
  });

  it('shows the status an enrollment answers with, and passes its refusal on', async () => {
    bridge.invoke.mockResolvedValueOnce(answer(status({ state: 'connecting', device: 'window-2' })));
    const input = { enrollUrl: 'https://b:8443', apiUrl: 'https://b:8444', caPem: 'x', code: 'AAAA-BBBB-CCCC-DDDD' };
    await expect(useBranch.getState().enroll(input)).resolves.toMatchObject({ device: 'window-2' });
    expect(useBranch.getState().status?.device).toBe('window-2');

    bridge.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'BRANCH_REFUSED', branch: { code: 'ENROLLMENT_CODE' } } });
    await expect(useBranch.getState().enroll(input)).rejects.toMatchObject({ problem: { code: 'BRANCH_REFUSED', branch: { code: 'ENROLLMENT_CODE' } } });
    expect(useBranch.getState().status?.device).toBe('window-2');
  });
});
