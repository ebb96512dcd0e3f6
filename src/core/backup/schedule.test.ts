import { describe, expect, it } from 'vitest';
import type { BackupRun, BackupSchedule } from '../../shared/backup';
import { datedName, isDue, madeAtOf, nextRunAt, RETRY_MS } from './schedule';

const schedule: BackupSchedule = { folder: '/media/backup', daily: true, at: '19:00', keep: 7 };
// 19:00 on the branch's clock (UTC+5) is 14:00 UTC.
const at = (utc: string) => Date.parse(`2026-12-07T${utc}Z`);
const run = (utc: string, ok: boolean): BackupRun => ({ at: new Date(at(utc)).toISOString(), scheduled: true, ok, folder: null, problem: ok ? null : 'destinationMissing', summary: null });

describe('when the daily backup is due', () => {
  it("is today's time before it, and due from that minute on until it is made", () => {
    expect(nextRunAt(schedule, null, at('13:59:59'))).toBe(at('14:00:00'));
    expect(isDue(schedule, null, at('13:59:59'))).toBe(false);
    expect(isDue(schedule, null, at('14:00:00'))).toBe(true);
    // The workstation was off at 19:00: the backup is made at the first tick after.
    const yesterday: BackupRun = { ...run('14:00:05', true), at: '2026-12-06T14:00:05.000Z' };
    expect(isDue(schedule, yesterday, at('16:30:00'))).toBe(true);
  });

  it('is tomorrow once today succeeded, and half an hour after a failure', () => {
    expect(nextRunAt(schedule, run('14:00:02', true), at('14:00:03'))).toBe(at('14:00:00') + 86_400_000);
    expect(nextRunAt(schedule, run('14:00:02', false), at('14:00:03'))).toBe(at('14:00:02') + RETRY_MS);
    expect(isDue(schedule, run('14:00:02', false), at('14:29:00'))).toBe(false);
    expect(isDue(schedule, run('14:00:02', false), at('14:30:02'))).toBe(true);
  });

  it('leaves a retry past midnight to the next day', () => {
    const late: BackupSchedule = { ...schedule, at: '23:50' }; // 18:50 UTC
    const failed = run('18:50:00', false);
    expect(nextRunAt(late, failed, at('18:51:00'))).toBe(at('18:50:00') + 86_400_000);
  });

  it('is never when the schedule is off or has no folder', () => {
    expect(nextRunAt({ ...schedule, daily: false }, null, at('15:00:00'))).toBeNull();
    expect(nextRunAt({ ...schedule, folder: null }, null, at('15:00:00'))).toBeNull();
  });
});

describe('dated backup folders', () => {
  it("are named by the branch's clock and read back to the same instant", () => {
    expect(datedName(at('16:30:05'))).toBe('azho-backup-20261207-213005');
    expect(datedName(at('20:00:00'))).toBe('azho-backup-20261208-010000');
    expect(madeAtOf('azho-backup-20261208-010000')).toBe(at('20:00:00'));
  });

  it('are not confused with folders of other names', () => {
    for (const name of ['azho-backup-20261399-010000', 'azho-backup-2026120-010000', 'my-backup', 'azho-backup-20261207-246000', 'azho-backup-20261207-213005x']) {
      expect(madeAtOf(name)).toBeNull();
    }
  });
});
