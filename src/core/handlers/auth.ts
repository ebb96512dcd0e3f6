/**
 * Process 1 of every regulation: the operator logs in with login and password; lock, unlock, log out.
 * Failures are counted here and — with the branch online — for the whole branch (SharedLockout).
 */
import { AppError } from '../../shared/errors';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password';
import { afterFailure, secondsLeft } from '../auth/lockout';
import type { OperatorRecord } from '../auth/operatorStore';
import { LOCAL_LOCKOUT_ONLY, type SharedLockout } from '../branch/sharedLockout';
import { iso } from '../clock';
import type { Services } from '../services';
import { sessionView } from './sessionView';
import type { HandlerGroup, PublicContext } from './types';

type AuthCalls = 'auth.login' | 'auth.session' | 'auth.touch' | 'auth.lock' | 'auth.unlock' | 'auth.logout' | 'auth.changePassword';

function refuseIfLockedOutHere(s: Services, loginKey: string): void {
  const wait = secondsLeft(s.throttle.get(loginKey), s.clock.now());
  if (wait > 0) throw new AppError({ code: 'LOCKED_OUT', retryAfterSeconds: wait });
}

/** Locked out here, or at the branch (failures at the other counters). */
async function refuseIfLockedOut(s: Services, shared: SharedLockout, loginKey: string): Promise<void> {
  refuseIfLockedOutHere(s, loginKey);
  const wait = await shared.secondsLeft(loginKey);
  if (wait > 0) throw new AppError({ code: 'LOCKED_OUT', retryAfterSeconds: wait });
}

/** Counts a failure against the login, here and at the branch; throws LOCKED_OUT when either locks it. */
async function recordFailure(
  s: Services,
  shared: SharedLockout,
  loginKey: string,
  action: string,
  operator: OperatorRecord | undefined,
  reason: string,
): Promise<void> {
  const now = s.clock.now();
  const subject = operator ? `operator:${operator.id}` : null;
  const here = s.db.transaction(() => {
    const next = afterFailure(s.throttle.get(loginKey), now);
    s.throttle.put(loginKey, next.state);
    s.audit.append({ actorId: operator?.id ?? null, action, subject, detail: { reason } });
    if (next.lockedOut) {
      s.audit.append({
        actorId: operator?.id ?? null,
        action: 'auth.lockedOut',
        subject,
        detail: { lockouts: next.state.lockouts, seconds: secondsLeft(next.state, now) },
      });
    }
    return next;
  }).immediate();
  const branch = await shared.failed(loginKey);
  if (branch?.lockedOut && !here.lockedOut) {
    s.audit.append({
      actorId: operator?.id ?? null,
      action: 'auth.lockedOut',
      subject,
      detail: { lockouts: branch.lockouts, seconds: branch.retryAfterSeconds, shared: true },
    });
  }
  const wait = Math.max(here.lockedOut ? secondsLeft(here.state, now) : 0, branch?.retryAfterSeconds ?? 0);
  if (wait > 0) throw new AppError({ code: 'LOCKED_OUT', retryAfterSeconds: wait });
}

/**
 * Unlocking and the password change are public calls — a locked session, or one whose password
 * must change first, may make no other — so they find the client's session and its operator here.
 */
function ownSession(s: Services, ctx: PublicContext) {
  const operator = ctx.session && s.operators.byId(ctx.session.operatorId);
  if (!ctx.session || !operator) throw new AppError('NOT_AUTHENTICATED');
  return { session: ctx.session, operator };
}

export function authHandlers(s: Services, shared: SharedLockout = LOCAL_LOCKOUT_ONLY): HandlerGroup<AuthCalls> {
  return {
    'auth.login': async ({ login, password }, ctx) => {
      const loginKey = login.toLowerCase();
      await refuseIfLockedOut(s, shared, loginKey);
      const operator = s.operators.byLogin(loginKey);
      const usable = operator && !operator.disabled ? operator : undefined;
      const matches = await verifyPassword(password, usable?.passwordHash ?? (await decoyHash()));
      // Attempts running side by side may have locked the login while this one was hashing.
      refuseIfLockedOutHere(s, loginKey);
      if (!usable || !matches) {
        const reason = !operator ? 'unknownLogin' : operator.disabled ? 'disabled' : 'wrongPassword';
        await recordFailure(s, shared, loginKey, 'auth.loginFailed', operator, reason);
        throw new AppError('BAD_CREDENTIALS');
      }
      const previous = s.sessions.get(ctx.clientId);
      if (previous) s.sessions.end(previous, 'logout');
      s.db.transaction(() => {
        s.throttle.clear(loginKey);
        s.audit.append({ actorId: usable.id, action: 'auth.login', subject: `operator:${usable.id}`, detail: { client: ctx.clientId } });
      }).immediate();
      await shared.succeeded(loginKey);
      return sessionView(s, s.sessions.start(ctx.clientId, usable.id), usable);
    },

    'auth.session': (_input, { session }) => {
      const operator = session && s.operators.byId(session.operatorId);
      return session && operator ? sessionView(s, session, operator) : null;
    },

    'auth.touch': (_input, ctx) => {
      s.sessions.touch(ctx.session);
      return { lockAt: iso(s.sessions.lockAt(ctx.session)) };
    },

    'auth.lock': (_input, ctx) => {
      s.sessions.lock(ctx.session, 'manual');
      return { done: true };
    },

    'auth.unlock': async ({ password }, ctx) => {
      const { session, operator } = ownSession(s, ctx);
      if (!session.locked) return sessionView(s, session, operator);
      await refuseIfLockedOut(s, shared, operator.login);
      if (!(await verifyPassword(password, operator.passwordHash))) {
        try {
          await recordFailure(s, shared, operator.login, 'auth.unlockFailed', operator, 'wrongPassword');
        } catch (lockedOut) {
          // Five wrong passwords at the lock screen: the session is closed, not just refused.
          s.sessions.end(session, 'lockedOut');
          throw lockedOut;
        }
        throw new AppError('BAD_CREDENTIALS');
      }
      s.db.transaction(() => {
        s.throttle.clear(operator.login);
        s.audit.append({ actorId: operator.id, action: 'auth.unlock', subject: `operator:${operator.id}` });
      }).immediate();
      await shared.succeeded(operator.login);
      s.sessions.unlock(session);
      return sessionView(s, session, operator);
    },

    'auth.logout': (_input, { session }) => {
      if (session) s.sessions.end(session, 'logout');
      return { done: true };
    },

    'auth.changePassword': async ({ current, next }, ctx) => {
      const { session, operator } = ownSession(s, ctx);
      if (session.locked) throw new AppError('SESSION_LOCKED');
      if (!(await verifyPassword(current, operator.passwordHash))) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'current', reason: 'password.wrong' }] });
      }
      if (current === next) throw new AppError({ code: 'PASSWORD_REUSED', issues: [{ path: 'next', reason: 'password.reused' }] });
      const hash = await hashPassword(next);
      s.db.transaction(() => {
        s.operators.setPassword(operator.id, hash, false, iso(s.clock.now()));
        s.audit.append({ actorId: operator.id, action: 'auth.passwordChanged', subject: `operator:${operator.id}` });
      }).immediate();
      s.sessions.touch(session);
      return sessionView(s, session, s.operators.byId(operator.id)!);
    },
  };
}
