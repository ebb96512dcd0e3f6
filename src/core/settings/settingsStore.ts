import type { Database } from 'better-sqlite3';
import { BackupRun, BackupSchedule } from '../../shared/backup';
import { BranchSettings } from '../../shared/contract';
import { z } from 'zod';
import { QueueSettings } from '../../shared/queue';
import { Settings } from '../../shared/schemas';
import { StoredGatewaySettings } from './gatewaySettings';

export const DEFAULT_SETTINGS: Settings = { idleLockSeconds: 300, sessionLimitMinutes: 12 * 60 };

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  priorityCategories: ['disability', 'elderly', 'pregnant', 'infant'],
  maxPriorityStreak: 3,
  recallsBeforeNoShow: 3,
  noShowAfterSeconds: 300,
};

export const DEFAULT_BRANCH: BranchSettings = { region: 'aktobe', opensAt: '09:00', closesAt: '18:00' };

/** Off until the administrator names a folder; then every evening after the branch closes. */
export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { folder: null, daily: true, at: '19:00', keep: 14 };

/** The last backup of any kind (shown to the administrator) and the last the schedule made (when it is next due). */
export const BackupRuns = z.object({ last: BackupRun.nullable(), lastScheduled: BackupRun.nullable() });
export type BackupRuns = z.infer<typeof BackupRuns>;

export interface SettingsStore {
  get(): Settings;
  put(settings: Settings): void;
  branch(): BranchSettings;
  putBranch(branch: BranchSettings): void;
  queue(): QueueSettings;
  putQueue(queue: QueueSettings): void;
  gateway(): StoredGatewaySettings;
  putGateway(gateway: StoredGatewaySettings): void;
  backupSchedule(): BackupSchedule;
  putBackupSchedule(schedule: BackupSchedule): void;
  backupRuns(): BackupRuns;
  putBackupRuns(runs: BackupRuns): void;
}

/** Settings are one JSON row, re-validated on read so a hand-edited value cannot break the core. */
export function createSettingsStore(db: Database): SettingsStore {
  const read = db.prepare("SELECT value FROM settings WHERE key = 'workstation'");
  const write = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('workstation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  const readBranch = db.prepare("SELECT value FROM settings WHERE key = 'branch'");
  const writeBranch = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('branch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  const keyed = <T>(key: string, schema: { safeParse(x: unknown): { success: boolean; data?: T } }, fallback: T) => {
    const read = db.prepare('SELECT value FROM settings WHERE key = ?');
    const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    return {
      get(): T {
        const row = read.get(key) as { value: string } | undefined;
        const parsed = row ? schema.safeParse(JSON.parse(row.value)) : undefined;
        return parsed?.success ? (parsed.data as T) : fallback;
      },
      put: (value: T) => void write.run(key, JSON.stringify(value)),
    };
  };
  const queue = keyed<QueueSettings>('queue', QueueSettings, DEFAULT_QUEUE_SETTINGS);
  const gateway = keyed<StoredGatewaySettings>('gateway', StoredGatewaySettings, StoredGatewaySettings.parse({}));
  const backupSchedule = keyed<BackupSchedule>('backup.schedule', BackupSchedule, DEFAULT_BACKUP_SCHEDULE);
  const backupRuns = keyed<BackupRuns>('backup.runs', BackupRuns, { last: null, lastScheduled: null });
  // Not cached: a write rolled back with its transaction must not linger in memory.
  return {
    queue: queue.get,
    putQueue: queue.put,
    gateway: gateway.get,
    putGateway: gateway.put,
    backupSchedule: backupSchedule.get,
    putBackupSchedule: backupSchedule.put,
    backupRuns: backupRuns.get,
    putBackupRuns: backupRuns.put,
    branch() {
      const row = readBranch.get() as { value: string } | undefined;
      const parsed = row ? BranchSettings.safeParse(JSON.parse(row.value)) : undefined;
      return parsed?.success ? parsed.data : DEFAULT_BRANCH;
    },
    putBranch(branch) {
      writeBranch.run(JSON.stringify(branch));
    },
    get() {
      const row = read.get() as { value: string } | undefined;
      const parsed = row ? Settings.safeParse(JSON.parse(row.value)) : undefined;
      return parsed?.success ? parsed.data : DEFAULT_SETTINGS;
    },
    put(settings) {
      write.run(JSON.stringify(settings));
    },
  };
}
