/**
 * Every call passes here: the contract's validation, the call's access rule, then its handler.
 * Whatever happens, the caller gets an envelope — an AppError's data, or INTERNAL with the
 * details kept in the log, never in the answer.
 */
import { calls, type Access, type CallName, type ParsedInput } from '../shared/contract';
import { AppError, type CallResult } from '../shared/errors';
import { parseCall } from '../shared/validate';
import { damageLine, isDamaged } from './db/damaged';
import { isDiskFull } from './db/diskFull';
import type { Handler, HandlerContext, Handlers, OperatorContext, PublicContext } from './handlers/types';
import type { Services } from './services';
import { callDone, type CallOutcome } from './training/callWatch';

// Calls that make sense before the administrator exists.
const BEFORE_SETUP = new Set<CallName>(['app.status', 'setup.createAdmin', 'auth.session', 'auth.logout']);
const SLOW_CALL_MS = 40;
// Slow on purpose, off the core's thread: scrypt over a password or the recovery passphrase
// (~0.3 s on the thread pool), and a backup's copy or check of the whole data folder, in steps.
// Only the others are logged as "slow".
const SLOW_BY_NATURE = new Set<string>([
  'setup.createAdmin', 'auth.login', 'auth.unlock', 'auth.changePassword', 'operators.create', 'operators.resetPassword',
  'backup.setRecovery', 'backup.create', 'backup.now', 'backup.verify',
]);

export type Dispatch = (name: unknown, input: unknown, clientId: string) => Promise<CallResult<unknown>>;

export function logLine(message: string): void {
  process.stderr.write(`${new Date().toISOString()} core ${message}\n`);
}

/**
 * The call's access rule, checked against the client's session: a public call gets whatever
 * session the client has and no operator; any other call gets its live, unlocked session and the
 * operator allowed to make it, or is refused here.
 */
function caller(s: Services, access: Access, clientId: string): PublicContext | OperatorContext {
  const session = s.sessions.get(clientId);
  if (access === 'public') return { clientId, session };
  const operator = session ? s.operators.byId(session.operatorId) : undefined;
  if (!session || !operator) throw new AppError('NOT_AUTHENTICATED');
  if (operator.disabled) {
    s.sessions.end(session, 'disabled');
    throw new AppError('NOT_AUTHENTICATED');
  }
  if (session.locked) throw new AppError('SESSION_LOCKED');
  if (operator.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (access !== 'session' && !access.includes(operator.role)) throw new AppError('FORBIDDEN');
  s.sessions.touch(session);
  return { clientId, session, operator };
}

/**
 * Where the runtime check meets the handler's type: caller() branches on the same access the
 * contract gives call N, so its answer is HandlerContext<N> — a link TypeScript cannot follow
 * through a runtime value, hence the one assertion, here and nowhere in the handlers.
 */
function context<N extends CallName>(s: Services, name: N, clientId: string): HandlerContext<N> {
  return caller(s, calls[name].access, clientId) as HandlerContext<N>;
}

/** Call N's handler with its input and context (the three come from the one parsed call). */
function answer<N extends CallName>(handlers: Handlers, name: N, input: ParsedInput<N>, ctx: HandlerContext<N>) {
  const handler: Handler<N> = handlers[name];
  return handler(input, ctx);
}

export function createDispatch(s: Services, handlers: Handlers): Dispatch {
  return async (rawName, rawInput, clientId) => {
    const started = performance.now();
    // Training watches the calls of a known operator (a trainee's mistakes, a run's progress); a
    // public call's context names none, and no public call can break an act's rule.
    let called: Omit<CallOutcome, 'code' | 'reason'> | undefined;
    try {
      const { name, input } = parseCall(rawName, rawInput);
      if (!BEFORE_SETUP.has(name) && !s.operators.any()) throw new AppError('SETUP_REQUIRED');
      const ctx = context(s, name, clientId);
      called = { name, input, ctx };
      const value = await answer(handlers, name, input, ctx);
      if (s.training) callDone(s, { ...called, code: null, reason: null });
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) {
        if (s.training && called) callDone(s, { ...called, code: err.data.code, reason: err.data.issues?.[0]?.reason ?? null });
        return { ok: false, error: err.data };
      }
      if (isDamaged(err)) {
        // The same answer as a start on a damaged file; the core stops on it (damageGuard.ts).
        logLine(damageLine(`call ${String(rawName).slice(0, 64)}`, err));
        return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', storage: { problem: 'corrupt', path: s.db.name } } };
      }
      // The call name is safe to log; its input may hold personal data and is never logged.
      logLine(`call ${String(rawName).slice(0, 64)} failed: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error: { code: isDiskFull(err) ? 'DISK_FULL' : 'INTERNAL' } };
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS && !SLOW_BY_NATURE.has(String(rawName))) logLine(`slow call ${String(rawName).slice(0, 64)}: ${ms.toFixed(0)} ms`);
    }
  };
}
