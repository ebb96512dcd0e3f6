/**
 * The dispatcher tells training of every call's outcome, so that a run can count the errors a
 * trainee met (a step out of order, forwarding unsigned) as mistakes, and announce progress the
 * moment a call moved a case. Registered per open workstation; a live workstation registers
 * nothing and the dispatcher's call here does nothing.
 */
import type { CallName } from '../../shared/contract';
import type { HandlerContext } from '../handlers/types';
import type { Services } from '../services';

export interface CallOutcome {
  name: CallName;
  input: unknown;
  ctx: HandlerContext;
  /** The error's code, or null when the call succeeded. */
  code: string | null;
  /** The first field issue's reason, for VALIDATION. */
  reason: string | null;
}

interface Watcher {
  call(outcome: CallOutcome): void;
  /** An answer from the state systems moved some cases (no call was made for it). */
  moved(): void;
}
const watchers = new WeakMap<Services, Watcher>();

export function watchTraining(s: Services, watcher: Watcher): void {
  watchers.set(s, watcher);
}

export function callDone(s: Services, outcome: CallOutcome): void {
  safely(() => watchers.get(s)?.call(outcome));
}

export function casesMoved(s: Services): void {
  safely(() => watchers.get(s)?.moved());
}

function safely(work: () => void): void {
  try {
    work();
  } catch (err) {
    // Training's bookkeeping must never turn an operator's answered call into a failure.
    process.stderr.write(`${new Date().toISOString()} core training watch failed: ${(err as Error)?.stack ?? String(err)}\n`);
  }
}
