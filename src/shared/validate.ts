/** Runtime validation of calls at every boundary, reported as field issues the renderer can translate. */
import type { z } from 'zod';
import { calls, isCallName, type CallName, type ParsedInput } from './contract';
import { AppError, type FieldIssue } from './errors';

function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_big':
      return 'tooLong';
    case 'too_small':
      return 'tooShort';
    case 'unrecognized_keys':
      return 'unknownField';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'value';
    case 'custom':
      return issue.message;
    default:
      return issue.message && /^[a-z][a-zA-Z.]*$/.test(issue.message) ? issue.message : 'invalid';
  }
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), reason: reasonOf(issue) }));
}

/** Checks the call name and its input; throws AppError('UNKNOWN_CALL' | 'VALIDATION'). */
export function parseCall<N extends CallName>(name: unknown, input: unknown): { name: N; input: ParsedInput<N> } {
  if (!isCallName(name)) throw new AppError('UNKNOWN_CALL');
  const parsed = calls[name].input.safeParse(input ?? {});
  if (!parsed.success) throw new AppError({ code: 'VALIDATION', issues: issuesOf(parsed.error) });
  return { name: name as N, input: parsed.data as ParsedInput<N> };
}
