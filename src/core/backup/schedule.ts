/**
 * When the daily backup is due, on the branch's clock (UTC+5 for every region since 2024):
 *
 * - once a day at the administrator's time, or at the first tick after it when the workstation
 *   was off or busy at that minute (a missed backup is made late, not skipped);
 * - a failed one is tried again every half hour until one succeeds that day, so a drive plugged
 *   in after the failure is used the same day;
 * - after a success, tomorrow at the same time.
 *
 * Pure functions of the schedule, the last scheduled run and the time: the tests move the clock.
 */
import type { BackupRun, BackupSchedule } from '../../shared/backup';

export const RETRY_MS = 30 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const MINUTE_MS = 60_000;
export const BRANCH_UTC_OFFSET_MINUTES = 300;

/** Every dated backup folder is named so, in the branch's local time; nothing else is ever pruned. */
const DATED = /^azho-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/;

const localDay = (ms: number, offsetMin: number) => Math.floor((ms + offsetMin * MINUTE_MS) / DAY_MS);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of `at` on the branch's local day `day`. */
function atOnDay(day: number, at: string, offsetMin: number): number {
  return day * DAY_MS + (minutesOf(at) - offsetMin) * MINUTE_MS;
}

/** When the schedule next makes a backup, or null when it is off or has nowhere to go. */
export function nextRunAt(schedule: BackupSchedule, lastScheduled: BackupRun | null, nowMs: number, offsetMin = BRANCH_UTC_OFFSET_MINUTES): number | null {
  if (!schedule.daily || !schedule.folder) return null;
  const today = localDay(nowMs, offsetMin);
  const todayAt = atOnDay(today, schedule.at, offsetMin);
  const last = lastScheduled ? Date.parse(lastScheduled.at) : null;
  const triedToday = last !== null && localDay(last, offsetMin) === today && last >= todayAt;
  if (!triedToday) return Math.max(todayAt, Math.min(nowMs, todayAt + DAY_MS - 1));
  if (lastScheduled!.ok) return atOnDay(today + 1, schedule.at, offsetMin);
  const retry = last! + RETRY_MS;
  // A retry that would fall on the next day gives way to that day's own run.
  return localDay(retry, offsetMin) === today ? retry : atOnDay(today + 1, schedule.at, offsetMin);
}

export function isDue(schedule: BackupSchedule, lastScheduled: BackupRun | null, nowMs: number, offsetMin = BRANCH_UTC_OFFSET_MINUTES): boolean {
  const next = nextRunAt(schedule, lastScheduled, nowMs, offsetMin);
  return next !== null && next <= nowMs;
}

/** `azho-backup-20261207-213000` for a backup made at 21:30:00 on the branch's clock. */
export function datedName(nowMs: number, offsetMin = BRANCH_UTC_OFFSET_MINUTES): string {
  const local = new Date(nowMs + offsetMin * MINUTE_MS).toISOString();
  return `azho-backup-${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
}

/** The instant a dated folder's name stands for, or null when the name is not one of ours. */
export function madeAtOf(name: string, offsetMin = BRANCH_UTC_OFFSET_MINUTES): number | null {
  const m = DATED.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * MINUTE_MS;
  // A name like 20261399 parses to another date: it is not one we made.
  return datedName(ms, offsetMin) === name ? ms : null;
}
