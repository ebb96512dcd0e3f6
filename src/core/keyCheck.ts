/**
 * A database opened with the wrong master key would decrypt nothing and, worse, write rows
 * under a second key. The first open stores a keyed check value; later opens compare it.
 */
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Keyring } from './crypto/keys';
import { StorageError } from './db/storageError';

export function checkMasterKey(db: Database, keys: Keyring, path: string): void {
  const expected = createHmac('sha256', keys.get('key-check')).update('azho').digest('hex');
  const row = db.prepare("SELECT value FROM meta WHERE key = 'key_check'").get() as { value: string } | undefined;
  if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(expected);
  else if (row.value !== expected) throw new StorageError('keyMismatch', path, 'the master key does not open this database');
}
