/** A refusal the branch server answers with a code from the branch contract (never a stack trace). */
import type { BranchError, BranchErrorCode } from '../shared/branch/wire';

export class BranchFailure extends Error {
  readonly data: BranchError;
  constructor(data: BranchError | BranchErrorCode, readonly status = 409) {
    const d = typeof data === 'string' ? { code: data } : data;
    super(d.code);
    this.data = d;
  }
}

const RAISED = new Set(['QUEUE_EMPTY', 'WINDOW_BUSY', 'WINDOW_TAKEN', 'WINDOW_PAUSED', 'TICKET_CHANGED']);

/** PostgreSQL's refusals that mean something to a window: our RAISEs, and the one-ticket-per-window index. */
export function fromPg(err: unknown): BranchFailure | undefined {
  const e = err as { code?: string; message?: string; constraint?: string };
  if (e.code === 'P0001' && e.message && RAISED.has(e.message)) return new BranchFailure(e.message as BranchErrorCode);
  if (e.code === '23505' && e.constraint === 'tickets_window_current') return new BranchFailure('WINDOW_BUSY');
  return undefined;
}
