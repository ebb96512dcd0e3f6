import type { Database } from 'better-sqlite3';

/** Operators, the login throttle, settings, and the hash-chained audit log with its head. */
export function migration0001(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE operators (
      id            INTEGER PRIMARY KEY,
      login         TEXT NOT NULL UNIQUE,
      full_name_enc BLOB NOT NULL,
      iin_enc       BLOB NOT NULL,
      iin_index     TEXT NOT NULL UNIQUE,
      role          TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'trainer', 'admin')),
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL DEFAULT 0,
      disabled      INTEGER NOT NULL DEFAULT 0,
      created_at    TEXT NOT NULL,
      password_changed_at TEXT NOT NULL
    ) STRICT;

    -- Failures are counted per login as typed, whether or not such an account exists,
    -- so the lockout behaves the same for both and reveals nothing about which logins exist.
    CREATE TABLE login_throttle (
      login_key     TEXT PRIMARY KEY,
      failures      INTEGER NOT NULL DEFAULT 0,
      lockouts      INTEGER NOT NULL DEFAULT 0,
      locked_until  INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit (
      id        INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor_id  INTEGER,
      action    TEXT NOT NULL,
      subject   TEXT,
      detail    TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;

    -- The newest row's id and hash, written in the same transaction as the row and sealed with
    -- the audit key: rows cut from the end leave the head pointing past them, and a head moved
    -- back by hand fails its seal.
    CREATE TABLE audit_head (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      last_id   INTEGER NOT NULL,
      last_hash TEXT NOT NULL,
      seal      TEXT NOT NULL
    ) STRICT;

    -- Audit rows are append-only for the application itself.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
  `);
}
