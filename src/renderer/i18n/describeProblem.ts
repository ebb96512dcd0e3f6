/**
 * The one place a failed call becomes words for the operator (STYLE.md item 8). Every sentence
 * says what to do next; field issues become messages shown beside their fields.
 */
import type { AppErrorData } from '../../shared/errors';
import type { Problem } from '../client/problem';
import { isMessageKey, type MessageKey } from './catalog';
import type { Translate } from './localeStore';

export interface ProblemText {
  summary: string;
  /** Messages keyed by the field's dotted path. */
  fields: Record<string, string>;
}

export function reasonText(t: Translate, reason: string): string {
  const key = `reason.${reason}`;
  return t(isMessageKey(key) ? key : 'reason.invalid');
}

/**
 * The branch server's reason for refusing this workstation, when it names something to do: which
 * side to update, a new enrollment code, enrolling again, the clock. Null for the others, which
 * the general sentence covers ("tell the administrator").
 */
export function branchRefusalKey(branch: NonNullable<AppErrorData['branch']>): MessageKey | null {
  switch (branch.code) {
    case 'CONTRACT_VERSION':
      // Without a side named, the workstation is the one the core assumes is behind.
      return branch.update === 'server' ? 'branch.refused.server' : 'branch.refused.workstation';
    case 'ENROLLMENT_CODE':
    case 'NOT_ENROLLED':
    case 'STALE_REQUEST':
      return `branch.refused.${branch.code}`;
    default:
      return null;
  }
}

export function describeProblem(t: Translate, problem: Problem): ProblemText {
  const fields: Record<string, string> = {};
  for (const issue of problem.issues ?? []) {
    // The first reason for a field is the one to fix first.
    fields[issue.path] ??= reasonText(t, issue.reason);
  }
  switch (problem.code) {
    case 'LOCKED_OUT':
      return { summary: t('error.LOCKED_OUT', { minutes: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60)) }), fields };
    case 'STORAGE_UNAVAILABLE':
      if (!problem.storage) return { summary: t('error.STORAGE_UNAVAILABLE'), fields };
      return { summary: `${t(`storage.${problem.storage.problem}`)} ${t('storage.path')}: ${problem.storage.path}`, fields };
    case 'BRANCH_REFUSED': {
      const key = problem.branch && branchRefusalKey(problem.branch);
      return { summary: t(key ?? 'error.BRANCH_REFUSED'), fields };
    }
    default:
      // A template key compiles only while every code has a sentence in the Kazakh catalogue.
      return { summary: t(`error.${problem.code}`), fields };
  }
}
