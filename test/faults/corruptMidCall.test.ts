/**
 * A page of azho.db damaged while the workstation runs (a disk fault under it). The call that
 * meets it must answer STORAGE_UNAVAILABLE / corrupt with the file's path, with one line in the
 * log and no personal data in it; from then on every call is refused the same way and the timers
 * do nothing, so not a byte more reaches the data folder — not even when the core closes; and
 * app.status reports the problem exactly as a start on the damaged file does.
 *
 * How the damage is made to be met, reliably: the counter's day is closed cleanly first, so the
 * WAL is folded into azho.db and empty, then the core is started again (quick_check passes). The
 * damage goes to the root page of the `cases` table — a page nothing at start writes, so no newer
 * copy of it sits in the WAL, where SQLite would read it instead of the file. SQLite also keeps
 * the pages it has read in the connection's cache (quick_check read them all at start), and a
 * write to the file from outside does not invalidate that cache: a real fault is met once the page
 * has been evicted and is read from disk again. `PRAGMA shrink_memory` on the core's connection
 * evicts every page now, instead of waiting for the cache to turn over; the next read of a case
 * then reads the damaged page and SQLite answers SQLITE_CORRUPT.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { afterEach, expect, it, vi } from 'vitest';
import { CALL_NAMES, calls, type CallName } from '../../src/shared/contract';
import { CORE_VERSION, databasePath } from '../../src/core/workstation';
import { OPERATOR, OPERATOR_PASSWORD } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';
import { folderFingerprint } from './dataFolder';
import { counterWithCase } from './faultCounter';

const dirs = [tempDir('azho-corrupt-mid-'), tempDir('azho-corrupt-mid-backup-')] as const;
let core: TestCore | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  core?.ws.close();
  for (const d of dirs) d.remove();
});

/** The lines the core writes to its log (stderr) from now on — but a slow call's, which a busy machine may add. */
function logLines(): string[] {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    lines.push(...String(chunk).split('\n').filter((line) => line && !line.includes(' core slow call ')));
    return write(chunk, ...(rest as []));
  });
  return lines;
}

/** Overwrites one whole page of the file, as a failing drive would hand it back. */
function damagePage(path: string, page: number, pageSize: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

it('a page damaged while the core runs: the call answers STORAGE_UNAVAILABLE/corrupt, every call after it too, nothing more is written, app.status tells it as a start does', async () => {
  const [data, backupDir] = dirs;
  const counter = await counterWithCase({ dataDir: data.path });
  const { caseId } = counter;
  counter.core.ws.close();
  const file = databasePath(data.path);

  let db: Database | undefined;
  core = openTestCore({ dataDir: data.path, masterKey: counter.core.masterKey, storageSeams: { database: (d) => (db = d) } });
  await core.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-1');
  await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
  // Which page holds the cases table, as SQLite knows it (read before the damage).
  const { rootpage } = db!.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get() as { rootpage: number };
  const pageSize = db!.pragma('page_size', { simple: true }) as number;

  damagePage(file, rootpage, pageSize);
  const damaged = folderFingerprint(data.path)['azho.db'];
  db!.pragma('shrink_memory');
  const log = logLines();
  const met = await core.ws.dispatch('cases.get', { caseId }, 'counter-1');
  const refusal = { code: 'STORAGE_UNAVAILABLE', storage: { problem: 'corrupt', path: file } };
  expect(met).toEqual({ ok: false, error: refusal });
  console.log(`damaged mid-run: page ${rootpage} (the cases table) overwritten under the running core; cases.get → ${JSON.stringify(met)}`);

  // One line, saying what met the damage and SQLite's code; nothing personal, no stack.
  expect(log).toHaveLength(1);
  expect(log[0]).toMatch(/call cases\.get met a damaged database \(SQLITE_CORRUPT[A-Z_]*\)/);
  for (const personal of [ADMIN.fullName, ADMIN.iin, OPERATOR.fullName, OPERATOR.iin, OPERATOR_PASSWORD]) expect(log[0]).not.toContain(personal);
  console.log(`damaged mid-run: the log says: ${log[0]}`);

  // The file as the fault left it (the call's own work, if any, stopped in the WAL); from here on
  // nothing may reach the data folder: not a call, not a timer, not the close.
  const before = folderFingerprint(data.path);
  expect(before['azho.db']).toBe(damaged);

  // Calls of every kind, with inputs the live core would take: reads and writes, public and
  // role-bound, the ones that work before set-up, and a backup (a copy of a damaged file is no backup).
  const tried: [CallName, unknown, string][] = [
    ['cases.get', { caseId }, 'counter-1'],
    ['cases.list', {}, 'counter-1'],
    ['cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1'],
    ['queue.issue', { group: 'A', priority: null }, 'kiosk'],
    ['queue.callNext', {}, 'counter-1'],
    ['auth.session', {}, 'counter-1'],
    ['auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-2'],
    ['auth.lock', {}, 'counter-1'],
    ['auth.logout', {}, 'counter-1'],
    ['setup.createAdmin', ADMIN, 'fresh'],
    ['operators.list', {}, 'admin'],
    ['settings.get', {}, 'admin'],
    ['audit.verify', {}, 'admin'],
    ['backup.create', { folder: backupDir.path }, 'admin'],
  ];
  for (const [name, input, client] of tried) {
    expect(await core.ws.dispatch(name, input, client), name).toEqual({ ok: false, error: refusal });
  }
  // And every call of the contract: refused, or (an input it does not take) VALIDATION, never answered.
  let refused = 0;
  for (const name of CALL_NAMES.filter((n) => n !== 'app.status')) {
    const answer = await core.ws.dispatch(name, {}, 'counter-1');
    expect(answer.ok, name).toBe(false);
    if (calls[name].input.safeParse({}).success) {
      expect(answer, name).toEqual({ ok: false, error: refusal });
      refused++;
    } else expect(answer, name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }
  console.log(`damaged mid-run: ${tried.length} calls of every kind refused alike; of the contract's ${CALL_NAMES.length - 1} others, the ${refused} that take {} refused, the rest VALIDATION`);

  // The timers: an hour on, the live core would lock the sessions (an audit row), close the
  // queue's day, checkpoint the WAL into the file; a client leaving would log it out.
  core.clock.advance(60 * 60_000);
  core.ws.sweep();
  core.ws.maintain();
  core.ws.clientGone('counter-1');
  expect(folderFingerprint(data.path)).toEqual(before);
  expect(log).toHaveLength(1);

  const status = await core.call('app.status', {});
  expect(status).toEqual({ ready: false, firstRun: false, training: false, version: CORE_VERSION, storageProblem: { problem: 'corrupt', path: file } });
  console.log(`damaged mid-run: app.status → ${JSON.stringify(status)}; the folder byte for byte as it was after the damage was met`);

  // Closed: the run lock goes, the database and its WAL stay exactly as they were (no checkpoint).
  core.ws.close();
  const { 'azho.lock': lock, ...files } = before;
  expect(lock).toBeDefined();
  expect(folderFingerprint(data.path)).toEqual(files);

  // Started again on the same file: the same answer as the running core gave. (Only the -shm,
  // SQLite's index of the WAL, is rebuilt by the first connection to open it.)
  core = openTestCore({ dataDir: data.path, masterKey: counter.core.masterKey });
  expect(await core.call('app.status', {})).toEqual(status);
  expect(await core.fail('cases.get', { caseId }, 'counter-1')).toEqual(refusal);
  const after = folderFingerprint(data.path);
  expect([after['azho.db'], after['azho.db-wal']]).toEqual([files['azho.db'], files['azho.db-wal']]);
  console.log('damaged mid-run: closed and started again → the same status from quick_check, the database and its WAL still untouched');
});
