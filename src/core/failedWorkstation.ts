/**
 * The core when its database cannot be opened: it still answers, so the operator sees why (the
 * storage screen: what happened, where, what to do) instead of a crash loop. `app.status` tells
 * the problem; every other call is refused with it.
 */
import type { AppError, CallResult } from '../shared/errors';
import { parseCall } from '../shared/validate';
import type { StorageError } from './db/storageError';
import type { Workstation } from './workstation';

export function failedWorkstation(err: StorageError, training: boolean, version: string): Workstation {
  const storage = { problem: err.problem, path: err.path };
  return {
    async dispatch(name, input): Promise<CallResult<unknown>> {
      try {
        parseCall(name, input);
      } catch (e) {
        return { ok: false, error: (e as AppError).data };
      }
      if (name === 'app.status') {
        return { ok: true, value: { ready: false, firstRun: false, training, version, storageProblem: storage } };
      }
      return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', storage } };
    },
    sweep() {},
    maintain() {},
    clientGone() {},
    close() {},
  };
}
