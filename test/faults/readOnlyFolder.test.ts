/**
 * The data folder cannot be written at start (a permission changed, a drive mounted read-only).
 * The core must not fail in a loop or half-start: it answers app.status with the storage problem
 * 'io' and the path, writes nothing at all, and starts normally once the folder is writable again.
 *
 * chmod does not stop root, and CI may run as root: then the core is started as `nobody` in a
 * process of its own, on a folder `nobody` owns with mode 0500 — the same refusal an operator's
 * account meets. As any other user the folder is simply made 0500.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCounter } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { message } from './messages';
import { bundleChild, RESOURCES, runChild } from './childCore';
import { folderFingerprint } from './dataFolder';

let child: Awaited<ReturnType<typeof bundleChild>>;
const dir = tempDir('azho-readonly-');
beforeAll(async () => (child = await bundleChild()));
afterAll(() => {
  chmodSync(dir.path, 0o700);
  dir.remove();
  child?.remove();
});

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

async function statusOf(masterKey: Buffer) {
  const run = runChild(child.script, { FAULT_MODE: 'status', FAULT_DATA_DIR: dir.path, FAULT_KEY: masterKey.toString('hex'), FAULT_RESOURCES: RESOURCES }, asRoot ? NOBODY : undefined);
  const line = await run.line('STATUS ');
  await run.exited;
  return JSON.parse(line.slice('STATUS '.length)) as { ready: boolean; storageProblem: { problem: string; path: string } | null };
}

function chownTree(path: string, uid: number, gid: number) {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

it('a read-only data folder at start: a storage problem with its message, nothing written; it starts once the folder is writable', async () => {
  const masterKey = randomBytes(32);
  const core = await openCounter({ dataDir: dir.path, masterKey });
  core.ws.close();
  if (asRoot) chownTree(dir.path, NOBODY.uid, NOBODY.gid);
  console.log(`read-only folder: ${asRoot ? 'running as root, so the core runs as nobody (uid 65534) on a folder nobody owns' : 'the folder is made 0500 for this user'}`);

  chmodSync(dir.path, 0o500);
  const before = folderFingerprint(dir.path);
  const status = await statusOf(masterKey);
  expect(status.ready).toBe(false);
  expect(status.storageProblem).toEqual({ problem: 'io', path: join(dir.path, 'azho.lock') });
  for (const locale of ['kk', 'ru', 'en'] as const) expect(message(locale, 'storage.io')).toMatch(/рұқсат|прав|permission/);
  console.log(`read-only folder: app.status → ${JSON.stringify(status.storageProblem)}; the screen says: "${message('en', 'storage.io')}"`);
  expect(folderFingerprint(dir.path)).toEqual(before);
  console.log(`read-only folder: ${Object.keys(before).length} files, names and contents unchanged (no lock, no -wal, no -shm)`);

  chmodSync(dir.path, 0o700);
  expect(await statusOf(masterKey)).toMatchObject({ ready: true, storageProblem: null });
  console.log('read-only folder: writable again → the core starts, ready');
});
