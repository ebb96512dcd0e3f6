/**
 * A branch call repeated while the link does not answer — safe because every change carries the
 * idempotency key fixed when it was written: the branch answers a repeat with the first answer.
 * Gives up (BranchUnreachable) when the deadline passes; a refusal is never repeated.
 */
import type { BranchCallName, BranchInput, BranchOutput } from '../../shared/branch/wire';
import { BranchUnreachable, type BranchClient } from './branchClient';

export async function callUntil<N extends BranchCallName>(
  client: BranchClient,
  name: N,
  input: BranchInput<N>,
  deadlineMs: number,
): Promise<BranchOutput<N>> {
  const until = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.call(name, input);
    } catch (err) {
      if (!(err instanceof BranchUnreachable) || Date.now() >= until) throw err;
      // Capped backoff with full jitter: twenty workstations do not come back in step.
      const wait = Math.random() * Math.min(1000, 50 * 2 ** attempt);
      await new Promise((r) => setTimeout(r, Math.min(wait, Math.max(0, until - Date.now()))));
    }
  }
}
