/** The file helpers a backup and a restore share: listing a folder, copying a file durably. */
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Every regular file under `root`, as '/'-separated paths relative to it, sorted; [] if absent. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string[]): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(root, ...rel), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel.length === 0) return;
      throw err;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk([...rel, e.name]);
      else if (e.isFile()) out.push([...rel, e.name].join('/'));
    }
  };
  await walk([]);
  return out.sort();
}

/** True when `path` is a folder there now (an unplugged drive's mount point may be nothing at all). */
export async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** True when the folder does not exist or holds nothing at all. */
export async function isEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** Flushes a written file to the disk: a backup on a drive pulled out right after must be whole. */
export async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies `rel` from one root to another (never over an existing file) and flushes it. */
export async function copyInto(fromRoot: string, toRoot: string, rel: string): Promise<void> {
  const target = join(toRoot, ...rel.split('/'));
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await copyFile(join(fromRoot, ...rel.split('/')), target, constants.COPYFILE_EXCL);
  await flush(target);
}
