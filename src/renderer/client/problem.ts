/** A failed call as the renderer sees it: the host's error data, or the host being out of reach. */
import type { AppErrorData, ErrorCode, FieldIssue } from '../../shared/errors';

/** The renderer's own code for "no answer from the host at all" (the host never sends it). */
export type ClientErrorCode = ErrorCode | 'UNREACHABLE';

export interface Problem extends Omit<AppErrorData, 'code'> {
  code: ClientErrorCode;
}

export class CallFailed extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.code);
    this.name = 'CallFailed';
    this.problem = problem;
  }
}

export function toProblem(error: unknown): Problem {
  return error instanceof CallFailed ? error.problem : { code: 'INTERNAL' };
}

export function validationProblem(issues: FieldIssue[]): Problem | null {
  return issues.length ? { code: 'VALIDATION', issues } : null;
}

/** Runs an action and returns its problem, or null when it went through. */
export async function attempt(action: () => Promise<unknown>): Promise<Problem | null> {
  try {
    await action();
    return null;
  } catch (error) {
    return toProblem(error);
  }
}
