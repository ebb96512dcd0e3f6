import type { Database } from 'better-sqlite3';
import { FRESH, type ThrottleState } from './lockout';

export interface ThrottleStore {
  get(loginKey: string): ThrottleState;
  put(loginKey: string, state: ThrottleState): void;
  clear(loginKey: string): void;
}

export function createThrottleStore(db: Database): ThrottleStore {
  const select = db.prepare('SELECT failures, lockouts, locked_until AS lockedUntil FROM login_throttle WHERE login_key = ?');
  const upsert = db.prepare(
    `INSERT INTO login_throttle (login_key, failures, lockouts, locked_until) VALUES (?, ?, ?, ?)
     ON CONFLICT(login_key) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, locked_until = excluded.locked_until`,
  );
  const remove = db.prepare('DELETE FROM login_throttle WHERE login_key = ?');
  return {
    get: (loginKey) => (select.get(loginKey) as ThrottleState | undefined) ?? FRESH,
    put: (loginKey, s) => void upsert.run(loginKey, s.failures, s.lockouts, s.lockedUntil),
    clear: (loginKey) => void remove.run(loginKey),
  };
}
