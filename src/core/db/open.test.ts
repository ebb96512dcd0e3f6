import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { ADMIN, openTestCore } from '../../../test/support/workstation';
import { APPLICATION_ID, openDatabase } from './open';
import { LATEST_VERSION, MIGRATIONS, assertMigrationOrder } from './migrations';
import { StorageError } from './storageError';
import { acquireRunLock } from './runLock';

let dir: ReturnType<typeof tempDir>;
let dbPath: string;
beforeEach(() => {
  dir = tempDir();
  dbPath = join(dir.path, 'azho.db');
});
afterEach(() => dir.remove());

const fingerprint = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function refusal(fn: () => unknown): StorageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw err;
  }
  throw new Error('expected the database to be refused');
}

describe('migrations', () => {
  it('creates a fresh database at the latest version with our application id and durable settings', () => {
    const db = openDatabase(dbPath, { checkIntegrity: false });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies only the pending migrations, in order, on a database left at an older version', () => {
    const applied: number[] = [];
    const list = [
      { version: 1, name: 'one', up: (d: Database.Database) => (applied.push(1), d.exec('CREATE TABLE one (x)')) },
      { version: 2, name: 'two', up: (d: Database.Database) => (applied.push(2), d.exec('CREATE TABLE two (x)')) },
    ];
    openDatabase(dbPath, { checkIntegrity: false, migrations: list.slice(0, 1) }).close();
    const db = openDatabase(dbPath, { checkIntegrity: false, migrations: list });
    expect(applied).toEqual([1, 2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('rolls a failing migration back whole: the version and the schema stay where they were', () => {
    openDatabase(dbPath, { checkIntegrity: false, migrations: MIGRATIONS }).close();
    const broken = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT nope FROM nowhere') }];
    expect(() => openDatabase(dbPath, { checkIntegrity: false, migrations: broken })).toThrow();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a mis-numbered migration list', () => {
    expect(() => assertMigrationOrder([{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
  });
});

describe('files that are not ours, or not for this version, are refused and left untouched', () => {
  it('a database written by a newer АЖО', () => {
    openDatabase(dbPath, { checkIntegrity: false }).close();
    const db = new Database(dbPath);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fingerprint(dbPath);
    expect(refusal(() => openDatabase(dbPath, { checkIntegrity: true })).problem).toBe('fromNewerVersion');
    expect(fingerprint(dbPath)).toBe(before);
  });

  it("another program's SQLite database", () => {
    const db = new Database(dbPath);
    db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1)");
    db.close();
    const before = fingerprint(dbPath);
    expect(refusal(() => openDatabase(dbPath, { checkIntegrity: false })).problem).toBe('foreign');
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('a file that is not a database at all', () => {
    writeFileSync(dbPath, 'Бұл дерекқор емес — this is a letter, not a database.\n'.repeat(100));
    const before = fingerprint(dbPath);
    expect(refusal(() => openDatabase(dbPath, { checkIntegrity: true })).problem).toBe('foreign');
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('a damaged database found after an unclean shutdown', () => {
    const db = openDatabase(dbPath, { checkIntegrity: false });
    db.exec('CREATE TABLE filler (x TEXT); ');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over pages in the middle of the file, keeping the header intact.
    const bytes = readFileSync(dbPath);
    bytes.fill(0xa5, 8192, 8192 * 20);
    writeFileSync(dbPath, bytes);
    const before = fingerprint(dbPath);
    expect(refusal(() => openDatabase(dbPath, { checkIntegrity: true })).problem).toBe('corrupt');
    expect(fingerprint(dbPath)).toBe(before);
  });
});

describe('the run lock', () => {
  it('finds a lock left by a dead process: an unclean shutdown', () => {
    writeFileSync(join(dir.path, 'azho.lock'), '999999');
    const lock = acquireRunLock(dir.path);
    expect(lock.uncleanShutdown).toBe(true);
    lock.release();
    const again = acquireRunLock(dir.path);
    expect(again.uncleanShutdown).toBe(false);
    again.release();
    expect(existsSync(join(dir.path, 'azho.lock'))).toBe(false);
  });

  it('refuses a data folder held by a live process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir.path, 'azho.lock'), String(other.pid));
      expect(refusal(() => acquireRunLock(dir.path)).problem).toBe('inUse');
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('the core on a database it cannot open', () => {
  it('still answers: status names the problem and the file, every other call says storage is unavailable', async () => {
    writeFileSync(dbPath, 'not a database');
    const core = openTestCore({ dataDir: dir.path });
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ready: false, storageProblem: { problem: 'foreign', path: dbPath } });
    expect(await core.fail('auth.login', { login: 'admin', password: 'x' })).toEqual({
      code: 'STORAGE_UNAVAILABLE',
      storage: { problem: 'foreign', path: dbPath },
    });
    expect(await core.fail('auth.login', { login: 5 })).toMatchObject({ code: 'VALIDATION' });
    core.ws.close();
    expect(readFileSync(dbPath, 'utf8')).toBe('not a database');
    expect(existsSync(join(dir.path, 'azho.lock'))).toBe(false);
  });

  it('refuses to open the database with another master key', async () => {
    const first = openTestCore({ dataDir: dir.path });
    await first.call('setup.createAdmin', ADMIN);
    first.ws.close();
    const second = openTestCore({ dataDir: dir.path });
    expect((await second.call('app.status', {})).storageProblem).toEqual({ problem: 'keyMismatch', path: dbPath });
    second.ws.close();
    const third = openTestCore({ dataDir: dir.path, masterKey: first.masterKey });
    expect((await third.call('app.status', {})).ready).toBe(true);
    third.ws.close();
  });
});

describe('migration 2: cases', () => {
  it('finds today\'s cases, an applicant\'s cases and a case\'s steps through indexes, not table scans', () => {
    const db = openDatabase(dbPath, { checkIntegrity: false });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM cases WHERE created_at >= '2026-01-01' ORDER BY created_at")).toContain('USING INDEX cases_by_created');
    expect(plan("SELECT * FROM cases WHERE applicant_index = 'x'")).toContain('USING INDEX cases_by_applicant');
    expect(plan('SELECT * FROM case_steps WHERE case_id = 1 ORDER BY id')).toContain('USING INDEX case_steps_by_case');
    expect(plan("SELECT * FROM cases WHERE status = 'resultReady' ORDER BY updated_at")).toContain('USING INDEX cases_by_status');
    db.close();
  });

  it('upgrades a version-1 database with its accounts and audit intact', () => {
    const v1 = openDatabase(dbPath, { checkIntegrity: false, migrations: MIGRATIONS.slice(0, 1) });
    v1.prepare("INSERT INTO settings (key, value) VALUES ('workstation', '{}')").run();
    v1.close();
    const db = openDatabase(dbPath, { checkIntegrity: false });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 3: the queue', () => {
  it('finds the head of a line and a window\'s reserved tickets through indexes', () => {
    const db = openDatabase(dbPath, { checkIntegrity: false });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const head = plan(
      "SELECT id FROM tickets WHERE day = '2026-01-15' AND state = 'waiting' AND line = 'A' AND (priority IS NOT NULL) = 1 ORDER BY line_order LIMIT 1",
    );
    expect(head).toMatch(/USING (COVERING )?INDEX tickets_line/);
    expect(head).not.toContain('TEMP B-TREE');
    const reserved = plan("SELECT id FROM tickets WHERE day = '2026-01-15' AND state = 'waiting' AND window = '3' ORDER BY line_order LIMIT 1");
    expect(reserved).toMatch(/USING (COVERING )?INDEX tickets_reserved/);
    expect(reserved).not.toContain('TEMP B-TREE');
    db.close();
  });
});

describe('checkpoints between calls, not inside them', () => {
  it('leaves the WAL growing until the core checkpoints it, then moves every page', async () => {
    const { checkpoint } = await import('./open');
    const db = openDatabase(dbPath, { checkIntegrity: false });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 3000; i++) db.transaction(() => insert.run('x'.repeat(300)))();
    const result = checkpoint(db);
    expect(result.log).toBeGreaterThan(1000);
    expect(result.moved).toBe(result.log);
    db.close();
  });
});
