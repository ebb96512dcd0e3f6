/**
 * The shared lockout: failed logins counted for the whole branch, so five wrong passwords lock a
 * login at every counter — not five at each. The rule is the workstation's own (shared/auth/lockout);
 * each failure is applied under the row's lock, so failures arriving at once from several counters
 * are all counted. The wait is answered in seconds of this server's clock: the counters' clocks
 * need not agree with it.
 */
import type { Pool } from 'pg';
import { afterFailure, secondsLeft, type ThrottleState } from '../shared/auth/lockout';
import type { BranchOutput } from '../shared/branch/wire';
import { inTransaction } from './db/tx';

const STATE = `SELECT failures, lockouts, (extract(epoch FROM locked_until) * 1000)::float8 AS "lockedUntil" FROM login_throttle WHERE login_key = $1`;

export class LoginThrottle {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async failed(loginKey: string): Promise<BranchOutput<'auth.failed'>> {
    return inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO login_throttle (login_key) VALUES ($1) ON CONFLICT DO NOTHING', [loginKey]);
      const { rows } = await c.query<ThrottleState>(`${STATE} FOR UPDATE`, [loginKey]);
      const now = this.now();
      const next = afterFailure(rows[0]!, now);
      await c.query('UPDATE login_throttle SET failures = $2, lockouts = $3, locked_until = to_timestamp($4::float8 / 1000) WHERE login_key = $1', [
        loginKey, next.state.failures, next.state.lockouts, next.state.lockedUntil,
      ]);
      return { ...answer(next.state, now), lockedOut: next.lockedOut };
    });
  }

  async succeeded(loginKey: string): Promise<BranchOutput<'auth.succeeded'>> {
    await this.pool.query('DELETE FROM login_throttle WHERE login_key = $1', [loginKey]);
    return { done: true };
  }

  async state(loginKey: string): Promise<BranchOutput<'auth.throttle'>> {
    const { rows } = await this.pool.query<ThrottleState>(STATE, [loginKey]);
    return answer(rows[0] ?? { failures: 0, lockouts: 0, lockedUntil: 0 }, this.now());
  }
}

function answer(state: ThrottleState, now: number): BranchOutput<'auth.throttle'> {
  return { failures: state.failures, lockouts: state.lockouts, retryAfterSeconds: secondsLeft(state, now) };
}
