/**
 * An online backup of a workstation's data folder, made while the core keeps serving:
 *
 * - the database through SQLite's backup API (a consistent snapshot even while calls write to
 *   it), a few hundred pages per step with the event loop given back between steps, so a large
 *   database never holds the core's thread for more than a few milliseconds at once;
 * - the scans as they are on disk: already AES-256-GCM files (scans/scanVault.ts);
 * - the wrapped master key of the desktop app (`master.key.safe`, only the OS key store that
 *   wrapped it can open it) and the web host's passphrase salt (not secret). The web host's plain
 *   key file `host.key` is deliberately NOT copied: beside the data it would decrypt, it would
 *   make the backup readable by whoever finds the drive. It is kept apart (README);
 * - the audit chain's head, anchored just before the copy, so the backup carries it;
 * - a manifest of every file's SHA-256 and size, sealed with the 'backup-manifest' key.
 *
 * Personal data stays encrypted throughout: the database's personal columns are sealed
 * (crypto/fieldCipher.ts) and the scans are sealed files; nothing is decrypted to back it up.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AuditAnchor } from '../../shared/schemas';
import type { BackupSummary } from '../../shared/backup';
import { ANCHOR_FILE, writeAnchor } from '../audit/anchorFile';
import { isScanName } from '../scans/scanVault';
import { copyInto, flush, isEmptyFolder, listFiles } from './files';
import { hashFile, MANIFEST_FILE, MANIFEST_FORMAT, sealManifest, summaryOf } from './manifest';

export const DATABASE_FILE = 'azho.db';
/** Files of the data folder's root that go into a backup when present (see above for host.key). */
export const KEY_FILES = ['master.key.safe', 'master.key.recovery', 'passphrase.salt'];
/** Pages copied per step of SQLite's backup: ~400 KB at 4 KB pages, a millisecond or two each. */
export const STEP_PAGES = 100;

export interface BackupSource {
  db: Database;
  dataDir: string;
  /** The keyring's 'backup-manifest' key. */
  key: Buffer;
  training: boolean;
  /** Writes the audit head to the anchor file now and returns it (AuditLog.anchor). */
  anchor(): AuditAnchor | null;
  now(): string;
}

export class BackupFolderError extends Error {
  constructor(readonly reason: 'backup.folderNotEmpty' | 'backup.folderInsideData', folder: string) {
    super(`${reason}: ${folder}`);
    this.name = 'BackupFolderError';
  }
}

/** Copies the live database through SQLite's backup API; `steps` counts the turns it took. */
export async function backupDatabase(db: Database, target: string, pagesPerStep = STEP_PAGES): Promise<{ steps: number }> {
  let steps = 0;
  await db.backup(target, {
    progress: () => {
      steps++;
      return pagesPerStep;
    },
  });
  return { steps };
}

/** Whether `path` is `folder` itself or lies anywhere under it: a backup there would copy itself. */
export function isWithin(folder: string, path: string): boolean {
  const inside = relative(resolve(folder), resolve(path));
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

export async function createBackup(source: BackupSource, folder: string): Promise<{ folder: string; summary: BackupSummary }> {
  const target = resolve(folder);
  if (isWithin(source.dataDir, target)) throw new BackupFolderError('backup.folderInsideData', target);
  // Never mixed with another backup or other files: the manifest must describe the whole folder.
  if (!(await isEmptyFolder(target))) throw new BackupFolderError('backup.folderNotEmpty', target);
  // The caller holds back scan removals (ScanService.removals) from before this call until it
  // ends: a scan the snapshot names keeps its file until it is copied.
  try {
    await mkdir(target, { recursive: true, mode: 0o700 });
    const auditHead = source.anchor();
    const { body } = await copyEverything(source, target, auditHead);
    const manifestPath = join(target, MANIFEST_FILE);
    // Written last: a folder without a manifest is an unfinished backup and verification says so.
    await writeFile(manifestPath, sealManifest(body, source.key), { mode: 0o600, flag: 'wx' });
    await flush(manifestPath);
    return { folder: target, summary: summaryOf(body) };
  } catch (err) {
    // The folder was empty when we began: what is in it now is this unfinished backup.
    for (const entry of await readdir(target).catch(() => [])) await rm(join(target, entry), { recursive: true, force: true });
    throw err;
  }
}

async function copyEverything(source: BackupSource, target: string, auditHead: AuditAnchor | null) {
  await backupDatabase(source.db, join(target, DATABASE_FILE));
  await flush(join(target, DATABASE_FILE));
  // Scans after the database: every scan the snapshot names was on disk before its row committed.
  const scans = (await listFiles(join(source.dataDir, 'scans'))).filter((p) => isScanName(p.split('/').at(-1)!));
  for (const rel of scans) {
    try {
      await copyInto(join(source.dataDir, 'scans'), join(target, 'scans'), rel);
    } catch (err) {
      // Listed, then gone: a removal already under way when the hold was taken, so its row was
      // marked before the snapshot and the snapshot does not name it.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const present = new Set(await readdir(source.dataDir));
  for (const name of KEY_FILES) if (present.has(name)) await copyInto(source.dataDir, target, name);
  // The anchor as it was taken, not the live file: an anchor written during the copy could name
  // rows the database snapshot does not have, and the restored chain would read as cut short.
  if (auditHead) writeAnchor(join(target, ANCHOR_FILE), auditHead);

  const files = [];
  for (const path of await listFiles(target)) files.push({ path, ...(await hashFile(join(target, ...path.split('/')))) });
  const schemaVersion = source.db.pragma('user_version', { simple: true }) as number;
  return { body: { format: MANIFEST_FORMAT, createdAt: source.now(), schemaVersion, training: source.training, auditHead, files } as const };
}
