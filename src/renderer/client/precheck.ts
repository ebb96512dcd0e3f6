/**
 * Checks a form with the very function the hosts run on every call, so the operator sees the
 * same field messages before the round trip as after it.
 */
import type { CallInput, CallName } from '../../shared/contract';
import { AppError, type FieldIssue } from '../../shared/errors';
import { parseCall } from '../../shared/validate';

export function precheck<N extends CallName>(name: N, input: CallInput<N>): FieldIssue[] {
  try {
    parseCall(name, input);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const values = input as Record<string, unknown>;
    // The contract calls an empty string "too short"; to the operator it is a field left empty.
    return (error.data.issues ?? []).map((issue) =>
      typeof values[issue.path] === 'string' && (values[issue.path] as string).trim() === '' ? { ...issue, reason: 'required' } : issue,
    );
  }
}
