/** The enrollment form as typed, the call's input made from it, and its failures in words beside its fields. */
import type { CallInput } from '../../shared/contract';
import type { Problem } from '../client/problem';
import { describeProblem, type ProblemText } from '../i18n/describeProblem';
import type { Translate } from '../i18n/localeStore';

export interface EnrollFormValues extends Record<string, string> {
  enrollUrl: string;
  apiUrl: string;
  caPem: string;
  code: string;
}

export const EMPTY_ENROLL_FORM: EnrollFormValues = { enrollUrl: '', apiUrl: '', caPem: '', code: '' };

/**
 * The code as the contract writes it: read out over the phone it is typed in lower case, with
 * spaces or without its hyphens; sixteen letters and digits become XXXX-XXXX-XXXX-XXXX.
 * Anything else is left as typed, for the contract to point at.
 */
export function normalizeCode(text: string): string {
  const bare = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{16}$/.test(bare)) return text.trim();
  return bare.match(/.{4}/g)!.join('-');
}

export function enrollInput(values: EnrollFormValues): CallInput<'branch.enroll'> {
  const caPem = values.caPem.trim();
  return {
    enrollUrl: values.enrollUrl.trim(),
    apiUrl: values.apiUrl.trim(),
    caPem: caPem ? `${caPem}\n` : '',
    code: normalizeCode(values.code),
  };
}

/**
 * A failed enrollment for this form. No answer is not "the ticket is held by the branch" here but
 * a wrong address, a CA that does not match or no network — which of the two addresses, the core
 * does not say, so no field is marked. A refused code is marked at the code field.
 */
export function describeEnrollProblem(t: Translate, problem: Problem): ProblemText {
  const text = describeProblem(t, problem);
  if (problem.code === 'BRANCH_UNREACHABLE') return { summary: t('branch.enroll.unreachable'), fields: text.fields };
  if (problem.code === 'BRANCH_REFUSED' && problem.branch?.code === 'ENROLLMENT_CODE') {
    return { summary: text.summary, fields: { code: t('branch.enroll.codeRefused'), ...text.fields } };
  }
  return text;
}
