import { describe, expect, it } from 'vitest';
import { afterFailure, FAILURES_BEFORE_LOCKOUT, FRESH, lockoutDuration, secondsLeft, type ThrottleState } from './lockout';

describe('lockout policy', () => {
  it('locks on the fifth failure in a row, not before', () => {
    let state: ThrottleState = FRESH;
    for (let i = 1; i < FAILURES_BEFORE_LOCKOUT; i++) {
      const step = afterFailure(state, 0);
      expect(step.lockedOut).toBe(false);
      state = step.state;
    }
    const fifth = afterFailure(state, 1_000);
    expect(fifth.lockedOut).toBe(true);
    expect(fifth.state).toEqual({ failures: 0, lockouts: 1, lockedUntil: 61_000 });
    expect(secondsLeft(fifth.state, 1_000)).toBe(60);
    expect(secondsLeft(fifth.state, 61_000)).toBe(0);
  });

  it('doubles each further lockout up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => lockoutDuration(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});
