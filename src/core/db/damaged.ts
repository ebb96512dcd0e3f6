/**
 * A database damaged under SQLite — a failing drive, a bad sector, another program writing into
 * the file: a page does not read back (SQLITE_CORRUPT, or one of its extended codes saying where
 * SQLite noticed), or the header itself is gone (SQLITE_NOTADB). Nothing written on top of such
 * a file can be trusted, so whoever meets one stops writing to it.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

export function isDamaged(err: unknown): err is InstanceType<typeof Database.SqliteError> {
  if (!(err instanceof Database.SqliteError)) return false;
  return err.code === 'SQLITE_NOTADB' || err.code === 'SQLITE_CORRUPT' || err.code.startsWith('SQLITE_CORRUPT_');
}

/** The core's one log line for it: what met the damage and SQLite's code — no data, no stack. */
export function damageLine(where: string, err: InstanceType<typeof Database.SqliteError>): string {
  return `${where} met a damaged database (${err.code}): the core stops here — every call is refused and nothing more is written to it`;
}

/**
 * Closes a connection without writing to its file. SQLite folds the WAL into the database when
 * the last connection to it closes: onto a damaged file, and over the evidence. A read-only
 * connection never does, and while one is open the closing connection is not the last — so one
 * is opened beside it for the moment of closing. The WAL stays as it was, with the commits it
 * holds (a specialist can read both). If even that cannot open, the plain close is all there is.
 * An empty WAL has nothing to fold in: then the plain close, which also removes the -wal and
 * -shm that opening made, leaves the folder as it was found.
 */
export function closeUntouched(db: Db): void {
  if (walSize(db.name) === 0) {
    db.close();
    return;
  }
  let reader: Db | undefined;
  try {
    reader = new Database(db.name, { readonly: true, fileMustExist: true });
    // A read takes the WAL's shared lock, which is what keeps the other close from checkpointing.
    reader.pragma('user_version');
  } catch {
    reader?.close();
    reader = undefined;
  }
  db.close();
  reader?.close();
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
