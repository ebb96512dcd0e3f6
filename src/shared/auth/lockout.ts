/**
 * The lockout policy, as pure arithmetic: after five failures in a row the login is refused
 * for a while, and each further lockout doubles the wait (1, 2, 4 … minutes, at most an hour).
 */
export const FAILURES_BEFORE_LOCKOUT = 5;
const FIRST_LOCKOUT_MS = 60_000;
const LONGEST_LOCKOUT_MS = 60 * 60_000;

export interface ThrottleState {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export const FRESH: ThrottleState = { failures: 0, lockouts: 0, lockedUntil: 0 };

export function lockoutDuration(lockouts: number): number {
  return Math.min(FIRST_LOCKOUT_MS * 2 ** Math.max(0, lockouts - 1), LONGEST_LOCKOUT_MS);
}

export function secondsLeft(state: ThrottleState, now: number): number {
  return state.lockedUntil > now ? Math.ceil((state.lockedUntil - now) / 1000) : 0;
}

/** The state after one more failure; `lockedOut` says whether this failure started a lockout. */
export function afterFailure(state: ThrottleState, now: number): { state: ThrottleState; lockedOut: boolean } {
  const failures = state.failures + 1;
  if (failures < FAILURES_BEFORE_LOCKOUT) return { state: { ...state, failures }, lockedOut: false };
  const lockouts = state.lockouts + 1;
  return { state: { failures: 0, lockouts, lockedUntil: now + lockoutDuration(lockouts) }, lockedOut: true };
}
