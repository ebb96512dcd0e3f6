/** Runtime validation of calls at every boundary, reported as field issues the renderer can translate. */
import type { z } from 'zod';
import { calls, isCallName, type CallName, type ParsedInput } from './contract';
import { AppError, type FieldIssue } from './errors';

// A message written as a dotted key ('login.charset', 'iin.checksum') is our own reason.
const OWN_REASON = /^[a-z]+\.[a-zA-Z.]+$/;

function reasonOf(issue: z.core.$ZodIssue): string {
  if (OWN_REASON.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_big':
      return 'tooLong';
    case 'too_small':
      // An empty field is a missing one, whatever its minimum length.
      return issue.input === '' ? 'required' : 'tooShort';
    case 'unrecognized_keys':
      return 'unknownField';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'value';
    default:
      return 'invalid';
  }
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), reason: reasonOf(issue) }));
}

/** Checks the call name and its input; throws AppError('UNKNOWN_CALL' | 'VALIDATION'). */
export function parseCall<N extends CallName>(name: unknown, input: unknown): { name: N; input: ParsedInput<N> } {
  if (!isCallName(name)) throw new AppError('UNKNOWN_CALL');
  // reportInput tells a missing field from a mistyped one; the input itself never leaves this function.
  const parsed = calls[name].input.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) throw new AppError({ code: 'VALIDATION', issues: issuesOf(parsed.error) });
  return { name: name as N, input: parsed.data as ParsedInput<N> };
}
