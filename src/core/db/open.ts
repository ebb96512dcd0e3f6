/**
 * Opens (or creates) the workstation database with the durability settings the regulations'
 * integrity and availability requirements call for, and refuses anything that is not ours or
 * is newer than this program — leaving such a file exactly as it was found.
 */
import { chmodSync, closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { closeUntouched, isDamaged } from './damaged';
import { StorageError } from './storageError';

/** `PRAGMA application_id` of АЖО databases ("AZHO" in ASCII). */
export const APPLICATION_ID = 0x415a484f;
const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** The previous run did not close cleanly: run quick_check before trusting the file. */
  checkIntegrity: boolean;
  migrations?: readonly Migration[];
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 0 || buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function sqliteProblem(err: unknown, path: string): StorageError {
  const code = (err as { code?: string }).code ?? '';
  if (err instanceof StorageError) return err;
  if (isDamaged(err)) return new StorageError('corrupt', path, code);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new StorageError('inUse', path, code);
  return new StorageError('io', path, code || String(err));
}

export function openDatabase(path: string, options: OpenOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const existed = existsSync(path);
  if (existed && !hasSqliteHeader(path)) throw new StorageError('foreign', path, 'not an SQLite database');

  let db: Db | undefined;
  try {
    db = new Database(path);
    // Read-only look first: nothing below writes until the file is known to be ours.
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (version !== 0 || tables > 0)) {
      throw new StorageError('foreign', path, `application_id ${appId}`);
    }
    if (version > latest) {
      throw new StorageError('fromNewerVersion', path, `schema ${version} > ${latest}`);
    }
    if (existed && options.checkIntegrity) {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
        throw new StorageError('corrupt', path, `quick_check: ${rows.map((r) => r.quick_check).join('; ')}`);
      }
    }
    db.pragma('journal_mode = WAL');
    // FULL: a case, an outbox row or an audit row acknowledged to the operator survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, which
    // put 10–100 ms into an operator's step now and then. The core checkpoints between calls
    // instead (checkpoint() below, on a timer in the worker).
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('busy_timeout = 5000');
    migrate(db, version, migrations);
    // Personal data lives here: owner-only, whatever the umask (SQLite gives -wal/-shm the same mode).
    if (!existed) chmodSync(path, 0o600);
    return db;
  } catch (err) {
    // Not a plain close: closing would fold a WAL left beside the file into it.
    if (db) closeUntouched(db);
    throw sqliteProblem(err, path);
  }
}

/** Moves committed WAL pages into the database file; returns how many are left behind (busy readers). */
export function checkpoint(db: Db, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): { log: number; moved: number } {
  const [row] = db.pragma(`wal_checkpoint(${mode})`) as { busy: number; log: number; checkpointed: number }[];
  return { log: row?.log ?? 0, moved: row?.checkpointed ?? 0 };
}

function migrate(db: Db, from: number, migrations: readonly Migration[]): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

export { LATEST_VERSION };
