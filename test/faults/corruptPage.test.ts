/**
 * A page of azho.db damaged while the program was closed (a failing drive, a bad copy), after a
 * clean shutdown — so no lock file hints at trouble. The core must refuse to run on it (storage
 * problem 'corrupt', the file's path), leave the file byte for byte as it was (it is the evidence,
 * and what a specialist would try to save), and its message must say how to get back: restore
 * from the backup. Restored, the workstation starts with its cases.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { message } from './messages';
import { databasePath } from '../../src/core/workstation';
import { tempDir } from '../support/tempDir';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';
import { counterWithCase } from './faultCounter';
import { folderFingerprint } from './dataFolder';

const dirs = [tempDir('azho-corrupt-'), tempDir('azho-backup-')];
let core: TestCore | undefined;
afterEach(() => {
  core?.ws.close();
  for (const d of dirs) d.remove();
});

it('a damaged page in azho.db after a clean shutdown: refused as corrupt, the file untouched, the message says to restore from the backup', async () => {
  const [data, backup] = dirs as [ReturnType<typeof tempDir>, ReturnType<typeof tempDir>];
  const counter = await counterWithCase({ dataDir: data.path });
  counter.core.ws.close();
  expect(existsSync(join(data.path, 'azho.lock'))).toBe(false);
  const db = databasePath(data.path);
  // The administrator's last backup, taken while the program was closed.
  copyFileSync(db, join(backup.path, 'azho.db'));

  const bytes = readFileSync(db);
  const pages = bytes.length / 4096;
  const middle = Math.floor(pages / 2) * 4096;
  bytes.fill(0xa5, middle, middle + 4096);
  writeFileSync(db, bytes);
  console.log(`corrupt page: page ${middle / 4096 + 1} of ${pages} overwritten whole, after a clean shutdown`);

  const before = folderFingerprint(data.path);
  core = openTestCore({ dataDir: data.path, masterKey: counter.core.masterKey });
  const status = await core.call('app.status', {});
  expect(status).toMatchObject({ ready: false, storageProblem: { problem: 'corrupt', path: db } });
  expect(await core.fail('auth.login', { login: ADMIN.login, password: ADMIN.password })).toEqual({ code: 'STORAGE_UNAVAILABLE', storage: { problem: 'corrupt', path: db } });
  core.ws.close();
  expect(folderFingerprint(data.path)).toEqual(before);
  console.log(`corrupt page: app.status → ${JSON.stringify(status.storageProblem)}; every other call STORAGE_UNAVAILABLE; the folder byte for byte as it was`);
  const restore = { kk: /резервтік көшірме/, ru: /резервной копии/, en: /backup/ };
  for (const locale of ['kk', 'ru', 'en'] as const) expect(message(locale, 'storage.corrupt')).toMatch(restore[locale]);
  console.log(`corrupt page: the screen says: "${message('en', 'storage.corrupt')}"`);

  copyFileSync(join(backup.path, 'azho.db'), db);
  core = openTestCore({ dataDir: data.path, masterKey: counter.core.masterKey });
  expect(await core.call('app.status', {})).toMatchObject({ ready: true, storageProblem: null });
  await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
  expect(await core.call('audit.verify', {}, 'admin')).toMatchObject({ ok: true });
  console.log('corrupt page: the backup put back → the core starts, the administrator logs in, the audit chain verifies');
});
