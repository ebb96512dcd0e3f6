import type { Database } from 'better-sqlite3';
import { BranchSettings } from '../../shared/contract';
import { Settings } from '../../shared/schemas';

export const DEFAULT_SETTINGS: Settings = { idleLockSeconds: 300, sessionLimitMinutes: 12 * 60 };

export const DEFAULT_BRANCH: BranchSettings = { region: 'aktobe', opensAt: '09:00', closesAt: '18:00' };

export interface SettingsStore {
  get(): Settings;
  put(settings: Settings): void;
  branch(): BranchSettings;
  putBranch(branch: BranchSettings): void;
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
  // Not cached: a write rolled back with its transaction must not linger in memory.
  return {
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
