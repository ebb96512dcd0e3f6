import type { Database } from 'better-sqlite3';
import { Settings } from '../../shared/schemas';

export const DEFAULT_SETTINGS: Settings = { idleLockSeconds: 300, sessionLimitMinutes: 12 * 60 };

export interface SettingsStore {
  get(): Settings;
  put(settings: Settings): void;
}

/** Settings are one JSON row, re-validated on read so a hand-edited value cannot break the core. */
export function createSettingsStore(db: Database): SettingsStore {
  const read = db.prepare("SELECT value FROM settings WHERE key = 'workstation'");
  const write = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('workstation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  // Not cached: a write rolled back with its transaction must not linger in memory.
  return {
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
