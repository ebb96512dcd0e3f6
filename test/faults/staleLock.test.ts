/**
 * A lock file left by АЖО on another computer (the data folder on a shared drive). The lock says
 * which computer and process hold the folder. The rule (src/core/db/runLock.ts):
 * - this computer, the process alive → 'inUse' (close the other window);
 * - this computer, no such process → a crash: the lock is taken over, the database checked;
 * - another computer → 'heldElsewhere', never broken by itself: its process ids mean nothing
 *   here, so whether it still runs cannot be known. A person makes sure and deletes the file.
 * The refusal writes nothing (the lock file stays as it was, the database is not even opened);
 * once the file is deleted the workstation starts with its data.
 */
import { hostname } from 'node:os';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { message } from './messages';
import { acquireRunLock } from '../../src/core/db/runLock';
import { tempDir } from '../support/tempDir';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';
import { counterWithCase } from './faultCounter';
import { folderFingerprint } from './dataFolder';

const dir = tempDir('azho-lock-');
let core: TestCore | undefined;
afterEach(() => {
  core?.ws.close();
  dir.remove();
});

it('a lock from another computer is not broken silently: heldElsewhere with the lock file, nothing written; it starts once the file is removed', async () => {
  const counter = await counterWithCase({ dataDir: dir.path });
  counter.core.ws.close();
  const lockPath = join(dir.path, 'azho.lock');

  // Our own lock names this computer and this process.
  const own = acquireRunLock(dir.path);
  expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual({ host: hostname(), pid: process.pid });
  own.release();
  console.log(`stale lock: a lock records the computer and the process: ${JSON.stringify({ host: hostname(), pid: process.pid })}`);

  // This computer's own stale lock (a dead process): taken over, as after a crash.
  writeFileSync(lockPath, JSON.stringify({ host: hostname(), pid: 999_999 }));
  core = openTestCore({ dataDir: dir.path, masterKey: counter.core.masterKey });
  expect(await core.call('app.status', {})).toMatchObject({ ready: true });
  core.ws.close();
  console.log('stale lock: this computer, a dead process → taken over (an unclean shutdown), the core starts');

  // Another computer's: a dead process id here — or even this very process's id: neither says anything about the other computer.
  for (const pid of [999_999, process.pid]) {
    const lock = JSON.stringify({ host: 'counter-07.branch.local', pid });
    writeFileSync(lockPath, lock);
    const before = folderFingerprint(dir.path);
    core = openTestCore({ dataDir: dir.path, masterKey: counter.core.masterKey });
    expect((await core.call('app.status', {})).storageProblem).toEqual({ problem: 'heldElsewhere', path: lockPath });
    core.ws.close();
    expect(folderFingerprint(dir.path)).toEqual(before);
    expect(readFileSync(lockPath, 'utf8')).toBe(lock);
    console.log(`stale lock: ${lock} → heldElsewhere, ${lockPath.slice(dir.path.length + 1)} left as it was, nothing else written`);
  }
  for (const [locale, words] of [['kk', /басқа компьютер/], ['ru', /другом компьютере/], ['en', /another computer/]] as const) {
    expect(message(locale, 'storage.heldElsewhere')).toMatch(words);
  }
  console.log(`stale lock: the screen says: "${message('en', 'storage.heldElsewhere')}"`);

  // The administrator made sure АЖО is closed on the other computer and deleted the file.
  rmSync(lockPath);
  core = openTestCore({ dataDir: dir.path, masterKey: counter.core.masterKey });
  expect(await core.call('app.status', {})).toMatchObject({ ready: true, storageProblem: null });
  await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
  expect(await core.call('audit.verify', {}, 'admin')).toMatchObject({ ok: true });
  core.ws.close();
  expect(existsSync(lockPath)).toBe(false);
  console.log('stale lock: the other computer\'s lock deleted by the administrator → the core starts, the audit chain verifies');
});
