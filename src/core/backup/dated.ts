/**
 * The dated backups in the schedule's folder: listed for the administrator, and the oldest
 * removed beyond the number to keep. Only folders named as we name them (schedule.ts) and holding
 * a manifest count: whatever else is on the drive (another program's files, a backup made by hand
 * into a folder of its own name, an unfinished one) is never listed as ours and never removed.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupListing } from '../../shared/backup';
import { iso } from '../clock';
import { MANIFEST_FILE } from './manifest';
import { madeAtOf } from './schedule';

/** Newest first; [] when the folder cannot be read (the drive is not there). */
export async function listDated(destination: string): Promise<BackupListing[]> {
  const names = await readdir(destination).catch(() => [] as string[]);
  const found: (BackupListing & { ms: number })[] = [];
  for (const name of names) {
    const ms = madeAtOf(name);
    if (ms === null) continue;
    const folder = join(destination, name);
    const manifest = await stat(join(folder, MANIFEST_FILE)).catch(() => null);
    if (manifest?.isFile()) found.push({ name, folder, madeAt: iso(ms), ms });
  }
  return found.sort((a, b) => b.ms - a.ms).map(({ ms: _ms, ...listing }) => listing);
}

/** Removes the dated backups beyond the newest `keep` (never `justMade`); returns how many went. */
export async function pruneDated(destination: string, keep: number, justMade: string): Promise<number> {
  const old = (await listDated(destination)).filter((b) => b.folder !== justMade).slice(Math.max(0, keep - 1));
  for (const b of old) await rm(b.folder, { recursive: true, force: true });
  return old.length;
}
