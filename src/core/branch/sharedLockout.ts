/**
 * The branch's half of the login lockout. With the branch online, failed logins are also counted
 * for the whole branch, so five wrong passwords at any of its counters lock the login at all of
 * them. Cut off, or the branch slow to answer, each question gets "nothing known" at once or
 * after a short deadline, and the workstation's own count decides alone: a branch problem never
 * keeps out an operator whom the local rules let in.
 */
import type { BranchOutput } from '../../shared/branch/wire';
import { BranchUnreachable } from './branchClient';
import type { BranchLink } from './branchLink';

export interface SharedLockout {
  /** Seconds the branch keeps this login locked out; 0 when it does not, or cannot say in time. */
  secondsLeft(loginKey: string): Promise<number>;
  /** Counts one more failure for the branch; null when the branch could not be told in time. */
  failed(loginKey: string): Promise<BranchOutput<'auth.failed'> | null>;
  succeeded(loginKey: string): Promise<void>;
}

/** A counter on its own. */
export const LOCAL_LOCKOUT_ONLY: SharedLockout = {
  secondsLeft: async () => 0,
  failed: async () => null,
  succeeded: async () => undefined,
};

export function branchLockout(link: BranchLink, deadlineMs: number, log: (line: string) => void): SharedLockout {
  const ask = async <T>(work: () => Promise<T>): Promise<T | null> => {
    if (!link.online || link.hello?.device.role !== 'workstation') return null;
    const call = work();
    // Given up on, the call still runs to its own timeout (which marks the link cut off): its end is not waited for.
    call.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deadlineMs);
    });
    try {
      return await Promise.race([call, deadline]);
    } catch (err) {
      // A refusal (this device no longer enrolled, another contract version) is the branch's problem, not the operator's.
      if (!(err instanceof BranchUnreachable)) log(`shared lockout: ${(err as Error).message}`);
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    secondsLeft: async (loginKey) => (await ask(() => link.call('auth.throttle', { loginKey })))?.retryAfterSeconds ?? 0,
    failed: (loginKey) => ask(() => link.call('auth.failed', { loginKey })),
    succeeded: async (loginKey) => void (await ask(() => link.call('auth.succeeded', { loginKey }))),
  };
}
