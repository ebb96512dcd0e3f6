/**
 * One workstation process per data folder. The lock file stays while the core runs and is
 * removed on a clean close, so finding a stale one at start means the last run ended
 * uncleanly (power cut, kill) and the database gets a quick_check before it is trusted.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from './storageError';

export interface RunLock {
  /** The previous run left its lock behind. */
  uncleanShutdown: boolean;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireRunLock(dataDir: string): RunLock {
  const path = join(dataDir, 'azho.lock');
  let uncleanShutdown = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        uncleanShutdown,
        release: () => rmSync(path, { force: true }),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StorageError('io', path, String(err));
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new StorageError('inUse', dataDir, `process ${pid} holds the data folder`);
      }
      uncleanShutdown = true;
      rmSync(path, { force: true });
    }
  }
  throw new StorageError('inUse', dataDir, 'could not take the data folder lock');
}
