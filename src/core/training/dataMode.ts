/**
 * Training data never mixes with real data: the database remembers, from the first time it is
 * opened, whether it belongs to a training workstation or a live one, and refuses to be opened
 * in the other mode. A training folder opened as live would put made-up applicants among real
 * ones (and into the branch's reports); a live folder opened in training would let the training
 * reset clear real cases.
 */
import type { Database } from 'better-sqlite3';
import { StorageError } from '../db/storageError';

export type DataMode = 'training' | 'live';

export function checkDataMode(db: Database, training: boolean, path: string): void {
  const mode: DataMode = training ? 'training' : 'live';
  const row = db.prepare("SELECT value FROM meta WHERE key = 'mode'").get() as { value: string } | undefined;
  // Written once, when the database is created (or first opened by a version that records it).
  if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('mode', ?)").run(mode);
  else if (row.value !== mode) throw new StorageError('modeMismatch', path, `a ${row.value} database opened in ${mode} mode`);
}
