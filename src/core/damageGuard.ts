/**
 * The database damaged while the core runs (a disk fault under it; a file damaged while the
 * program was closed is refused at start by quick_check instead). The first call or timer that
 * meets a damaged page stops the core where it stands: the outbox's sender, the links and the hot
 * folder stop, the connection closes without folding the WAL into the file, and from then on the
 * core answers exactly as it does after a start on that file (failedWorkstation): app.status
 * tells the problem, every other call is refused with it, the timers do nothing. Nothing more is
 * written to the file: writing on top of a damaged page spreads the damage, and what is there is
 * what a specialist would try to save. The way back is the last backup (README).
 */
import type { Database } from 'better-sqlite3';
import { setIinToday } from '../shared/iin';
import { closeUntouched, damageLine, isDamaged } from './db/damaged';
import { StorageError } from './db/storageError';
import { logLine } from './dispatch';
import { failedWorkstation } from './failedWorkstation';
import type { Workstation } from './workstation';

export interface GuardedStorage {
  db: Database;
  training: boolean;
  version: string;
  /** Stops whatever writes on its own, outside a call: the outbox, the links, the hot folder. */
  stopWriters(): void;
  /** Releases the data folder's run lock (at close: the folder stays held until then). */
  releaseLock(): void;
}

export function guardAgainstDamage(storage: GuardedStorage, live: Workstation): Workstation {
  const path = storage.db.name;
  let stopped: Workstation | undefined;
  let closed = false;

  function stop(detail: string): Workstation {
    if (stopped) return stopped;
    storage.stopWriters();
    closeUntouched(storage.db);
    // The contract's IIN check asked the live core for today (the branch's hours, in this
    // database): back to the device's date, as after a start on a damaged file.
    setIinToday(() => new Date().toISOString().slice(0, 10));
    stopped = failedWorkstation(new StorageError('corrupt', path, detail), storage.training, storage.version);
    return stopped;
  }

  /** A timer's work, unless the core has stopped; damage it meets stops the core, not the worker. */
  function unlessStopped(where: string, work: () => void): void {
    if (stopped) return;
    try {
      work();
    } catch (err) {
      if (!isDamaged(err)) throw err;
      logLine(damageLine(where, err));
      stop(err.code);
    }
  }

  return {
    async dispatch(name, input, clientId) {
      const refusing = stopped;
      const result = await (refusing ?? live).dispatch(name, input, clientId);
      // dispatch.ts answers a damaged page this way (and has logged it); 'corrupt' is said of no
      // other file, but the path is checked all the same.
      if (!refusing && !result.ok && result.error.storage?.problem === 'corrupt' && result.error.storage.path === path) {
        stop(`call ${String(name).slice(0, 64)}`);
      }
      // A call still on its way when the core stopped (this one, or another) is answered as the
      // calls after it: its work may have reached the file or not, and the operator stops here.
      return !refusing && stopped ? stopped.dispatch(name, input, clientId) : result;
    },
    sweep: () => unlessStopped('the sweep', () => live.sweep()),
    maintain: () => unlessStopped('maintenance', () => live.maintain()),
    clientGone: (clientId) => unlessStopped('a client leaving', () => live.clientGone(clientId)),
    close() {
      if (!stopped) return live.close();
      if (closed) return;
      closed = true;
      storage.releaseLock();
    },
  };
}
