/**
 * What a data folder holds, to tell whether anything was written. The database is compared by
 * its logical content — every table's row count and a SHA-256 of its rows, read through a
 * second, read-only connection — because its files (azho.db and its -wal/-shm) change on disk
 * without a single row changing (WAL frames, checkpoints, the shared-memory index). Every other
 * file is compared by its SHA-256.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '../../src/core/workstation';

export type Snapshot = Map<string, string>;

const DATABASE_FILES = /^azho\.db(-wal|-shm|-journal)?$/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function snapshot(dataDir: string): Snapshot {
  const out: Snapshot = new Map();
  for (const path of files(dataDir)) {
    const name = relative(dataDir, path);
    if (!DATABASE_FILES.test(name)) out.set(`file ${name}`, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      let rows: unknown[];
      try {
        rows = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).all();
      } catch {
        rows = db.prepare(`SELECT * FROM ${quoted}`).all(); // a WITHOUT ROWID table
      }
      out.set(`table ${table}`, `${rows.length} rows ${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`);
    }
  } finally {
    db.close();
  }
  return out;
}

/** One line per table or file that differs, appeared or went. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).map((n) => `${n}: ${before.get(n) ?? 'absent'} → ${after.get(n) ?? 'absent'}`);
}
