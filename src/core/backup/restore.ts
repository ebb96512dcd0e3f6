/**
 * Restoring a backup into a fresh data folder — with the workstation stopped, never through a
 * running core (which owns its folder and its open database). The backup is verified against its
 * sealed manifest first (which also proves the master key given is the one that made it), and
 * every file is checked again after it is copied, so nothing half-copied or altered is restored.
 */
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupSummary, BackupVerdict } from '../../shared/backup';
import { createKeyring } from '../crypto/keys';
import { DATABASE_FILE } from './backup';
import { copyInto, flush, isEmptyFolder, listFiles } from './files';
import { hashFile, MANIFEST_FILE, verifyFolder } from './manifest';

export async function verifyBackup(folder: string, key: Buffer): Promise<BackupVerdict> {
  let present: string[];
  try {
    present = await listFiles(folder);
  } catch {
    return { ok: false, problem: 'manifestUnreadable', file: MANIFEST_FILE, summary: null };
  }
  const { body: _body, ...verdict } = await verifyFolder(folder, key, present);
  return verdict;
}

const EXPLAIN: Record<NonNullable<BackupVerdict['problem']>, string> = {
  manifestMissing: 'it has no manifest.json: it is not a backup, or the backup did not finish',
  manifestUnreadable: 'its manifest.json cannot be read as a backup manifest',
  sealBroken: "its manifest's seal does not match: the manifest was edited, or the master key given is not the one of the workstation that made it",
  fileMissing: 'a file the manifest lists is missing',
  fileChanged: "a file's content differs from the manifest (changed or damaged)",
  fileUnexpected: 'it holds a file the manifest does not list',
};

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export function explainVerdict(verdict: BackupVerdict): string {
  if (verdict.ok || !verdict.problem) return 'the backup is whole';
  return `${EXPLAIN[verdict.problem]}${verdict.file ? ` (${verdict.file})` : ''}`;
}

export interface RestoreOptions {
  from: string;
  dataDir: string;
  masterKey: Uint8Array;
  /**
   * A key file for the app that will start on the folder (the desktop's `master.key.restored`, a
   * web host's `host.key`), written owner-only once everything else is restored and checked —
   * and removed with the rest if the restore fails, so a refused restore leaves no key behind.
   */
  keyFile?: { name: string; text: string };
}

export async function restoreBackup(options: RestoreOptions): Promise<BackupSummary> {
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir);
  const key = createKeyring(options.masterKey).get('backup-manifest');
  const present = await listFiles(from).catch(() => {
    throw new RestoreError(`cannot read the backup folder ${from}`);
  });
  const verdict = await verifyFolder(from, key, present);
  if (!verdict.ok || !verdict.body) throw new RestoreError(`refused to restore ${from}: ${explainVerdict(verdict)}`);
  // A restore never overwrites a data folder: the old one is moved aside by a person, on purpose.
  if (!(await isEmptyFolder(dataDir))) throw new RestoreError(`refused to restore into ${dataDir}: the folder is not empty (restore into a new folder, or move the old one aside)`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    for (const f of verdict.body.files) {
      await copyInto(from, dataDir, f.path);
      const copied = await hashFile(join(dataDir, ...f.path.split('/')));
      if (copied.sha256 !== f.sha256 || copied.size !== f.size) throw new RestoreError(`the copy of ${f.path} differs from the backup: check the target disk`);
    }
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new RestoreError(`the restored database fails SQLite's quick_check: ${String(check)}`);
    } finally {
      db.close();
    }
    if (options.keyFile) {
      const path = join(dataDir, options.keyFile.name);
      await writeFile(path, options.keyFile.text, { mode: 0o600, flag: 'wx' });
      if (process.platform !== 'win32') await chmod(path, 0o600);
      await flush(path);
    }
  } catch (err) {
    // The folder was empty: leave it so, rather than a half-restored workstation someone might start.
    for (const entry of await readdir(dataDir).catch(() => [])) await rm(join(dataDir, entry), { recursive: true, force: true });
    throw err;
  }
  return verdict.summary!;
}
