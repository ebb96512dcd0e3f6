import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus } from '../../shared/backup';
import type { Bridge } from '../../shared/contract';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
const answer = (value: unknown) => ({ ok: true, value });
const status = (running: boolean): BackupStatus => ({
  schedule: { folder: '/media/usb/azho', daily: true, at: '19:00', keep: 7 },
  lastRun: null,
  nextRunAt: '2026-12-07T14:00:00.000Z',
  backups: [],
  recoverySetAt: null,
  running,
});
const calls = (name: string) => bridge.invoke.mock.calls.filter(([n]) => n === name).length;

beforeAll(() => {
  (globalThis as unknown as { window: { azho: Bridge } }).window = { azho: bridge };
});

const { useBackups, RUNNING_POLL_MS } = await import('./backupStore');

beforeEach(() => {
  vi.useFakeTimers();
  bridge.invoke.mockReset();
  useBackups.getState().forget();
});
afterEach(() => vi.useRealTimers());

describe("the administrator's backups", () => {
  it('are read again while a backup runs, and no more once it has ended', async () => {
    bridge.invoke.mockResolvedValueOnce(answer(status(true))).mockResolvedValueOnce(answer(status(true))).mockResolvedValue(answer(status(false)));
    await useBackups.getState().load();
    expect(useBackups.getState().status?.running).toBe(true);
    await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS);
    await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS);
    expect(calls('backup.status')).toBe(3);
    expect(useBackups.getState().status?.running).toBe(false);
    await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS * 5);
    expect(calls('backup.status')).toBe(3);
  });

  it('stop reading when the session closes', async () => {
    bridge.invoke.mockResolvedValue(answer(status(true)));
    await useBackups.getState().load();
    useBackups.getState().forget();
    await vi.advanceTimersByTimeAsync(RUNNING_POLL_MS * 3);
    expect(calls('backup.status')).toBe(1);
  });

  it("keep each checked backup's verdict by its folder", async () => {
    const whole = { ok: true, problem: null, file: null, summary: null };
    const broken = { ok: false, problem: 'fileChanged', file: 'scans/ab/ab12', summary: null };
    bridge.invoke.mockResolvedValueOnce(answer(whole)).mockResolvedValueOnce(answer(broken));
    await useBackups.getState().check('/media/usb/azho/azho-backup-20261206-190000');
    await useBackups.getState().check('/media/usb/azho/azho-backup-20261207-190000');
    expect(useBackups.getState().verdicts).toEqual({
      '/media/usb/azho/azho-backup-20261206-190000': whole,
      '/media/usb/azho/azho-backup-20261207-190000': broken,
    });
    expect(useBackups.getState().checking).toBeNull();
  });
});
