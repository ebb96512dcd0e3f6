import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { closeUntouched, isDamaged } from './damaged';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a damaged database', () => {
  it('is what SQLite says of a page or a header that does not read back, and nothing else', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_NOTADB']) {
      expect(isDamaged(new Database.SqliteError('malformed', code)), code).toBe(true);
    }
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT']) {
      expect(isDamaged(new Database.SqliteError('other', code)), code).toBe(false);
    }
    // The same code from elsewhere is not SQLite's word on the file.
    expect(isDamaged(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(false);
  });

  it('is closed without folding its WAL into the file; with an empty WAL, as a plain close', () => {
    const path = join(dir.path, 'azho.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(1000));
    const [file, wal] = [hash(path), hash(`${path}-wal`)];
    closeUntouched(db);
    expect([hash(path), hash(`${path}-wal`)]).toEqual([file, wal]);
    // The commits are still there, read through the WAL.
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 50 });
    reader.close();

    const again = new Database(path);
    again.pragma('wal_checkpoint(TRUNCATE)');
    closeUntouched(again);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
