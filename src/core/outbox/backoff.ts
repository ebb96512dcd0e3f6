/**
 * When to try a failed delivery again: capped exponential backoff with full jitter (AWS
 * Architecture Blog, "Exponential Backoff and Jitter"). The jitter spreads a branch's backlog
 * over the window instead of hitting a gateway that just came back all at once; the floor keeps
 * a run of unlucky draws from turning into a busy loop.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  floorMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, floorMs: 100 };

/** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelay(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.max(policy.floorMs, Math.floor(random() * ceiling));
}
