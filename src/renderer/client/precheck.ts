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
    // The contract calls an empty string "too short" (or a bad date); to the operator it is a field left empty.
    return (error.data.issues ?? []).map((issue) => {
      const value = valueAt(input, issue.path);
      return typeof value === 'string' && value.trim() === '' ? { ...issue, reason: 'required' } : issue;
    });
  }
}

/** The value at a dotted path ('representative.powerOfAttorney.date') of a form's input. */
function valueAt(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
