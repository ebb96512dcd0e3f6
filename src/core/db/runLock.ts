/**
 * One workstation process per data folder. The lock file stays while the core runs and is
 * removed on a clean close, so finding a stale one at start means the last run ended
 * uncleanly (power cut, kill) and the database gets a quick_check before it is trusted.
 *
 * The lock records the computer and the process: `{"host":"…","pid":123}`. The rule for a lock
 * found at start:
 * - this computer, a live process → the folder is in use ('inUse'): close the other window;
 * - this computer, no such process → the last run ended uncleanly: the lock is taken over;
 * - another computer (a folder on a shared drive) → 'heldElsewhere': whether that АЖО still
 *   runs cannot be told from here (its process ids mean nothing on this computer), so the lock
 *   is never broken silently — a person makes sure АЖО is closed there and deletes the file.
 * A lock of the earlier format (a bare pid) was written on this computer; an empty or unreadable
 * one is what a crash between creating and writing it leaves, and counts as stale.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StorageError } from './storageError';

export interface RunLock {
  /** The previous run left its lock behind. */
  uncleanShutdown: boolean;
  release(): void;
}

export interface LockOwner {
  host: string;
  pid: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who the lock file says holds the folder; null when it says nothing usable. */
export function readLockOwner(text: string, thisHost = hostname()): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { host: thisHost, pid: Number(trimmed) };
  try {
    const parsed = JSON.parse(trimmed) as Partial<LockOwner>;
    if (typeof parsed.host === 'string' && Number.isInteger(parsed.pid)) return { host: parsed.host, pid: parsed.pid! };
  } catch {
    // Unreadable: treated as stale below.
  }
  return null;
}

export function acquireRunLock(dataDir: string): RunLock {
  const path = join(dataDir, 'azho.lock');
  const host = hostname();
  let uncleanShutdown = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ host, pid: process.pid } satisfies LockOwner));
      closeSync(fd);
      return {
        uncleanShutdown,
        release: () => rmSync(path, { force: true }),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StorageError('io', path, String(err));
      const owner = readLockOwner(readFileSync(path, 'utf8'), host);
      if (owner && owner.host !== host) {
        throw new StorageError('heldElsewhere', path, `held by process ${owner.pid} on ${owner.host}`);
      }
      if (owner && owner.pid > 0 && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new StorageError('inUse', dataDir, `process ${owner.pid} holds the data folder`);
      }
      uncleanShutdown = true;
      rmSync(path, { force: true });
    }
  }
  throw new StorageError('inUse', dataDir, 'could not take the data folder lock');
}
