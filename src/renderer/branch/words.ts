/**
 * The link to the branch server in the operator's words: whether to show it at all, its tone,
 * the header's short label, what it means now, and what is still to be sent to the branch.
 */
import type { AppErrorData } from '../../shared/errors';
import type { BranchStatus } from '../../shared/branchStatus';
import type { MessageKey } from '../i18n/catalog';
import { branchRefusalKey } from '../i18n/describeProblem';
import type { Translate } from '../i18n/localeStore';

export type BranchTone = 'ok' | 'warn' | 'danger' | 'muted';
type Refusal = NonNullable<AppErrorData['branch']>;

/** A counter on its own (no branch) shows nothing new: it looks exactly as it did before branches. */
export function branchShown(status: BranchStatus | null): status is BranchStatus {
  return status !== null && status.state !== 'notConfigured';
}

/** The status's problem ('contract:server', 'NOT_ENROLLED', …) in the shape of a call's refusal. */
export function refusalOf(problem: string | null): Refusal | null {
  if (!problem) return null;
  if (problem === 'contract:server') return { code: 'CONTRACT_VERSION', update: 'server' };
  if (problem.startsWith('contract:')) return { code: 'CONTRACT_VERSION', update: 'workstation' };
  return { code: problem };
}

/** A refusal needs a person; cut off needs nobody (the fallback serves), but must be seen. */
export function branchTone(status: Pick<BranchStatus, 'state' | 'problem'>): BranchTone {
  if (status.problem) return 'danger';
  if (status.state === 'offline') return 'warn';
  return status.state === 'online' ? 'ok' : 'muted';
}

function refusalLabel(refusal: Refusal): MessageKey {
  if (refusal.code === 'CONTRACT_VERSION') return refusal.update === 'server' ? 'branch.indicator.updateServer' : 'branch.indicator.updateWorkstation';
  return refusal.code === 'NOT_ENROLLED' ? 'branch.indicator.enrollAgain' : 'branch.indicator.refused';
}

/**
 * The header's few words under "Branch": which side to update when refused, else the branch's
 * name while online, else the state. Short: the header of a 1024 px counter screen has little room.
 */
export function branchLabel(t: Translate, status: Pick<BranchStatus, 'state' | 'problem' | 'branchName'>): string {
  const refusal = refusalOf(status.problem);
  if (refusal) return t(refusalLabel(refusal));
  switch (status.state) {
    case 'online':
      return status.branchName ?? t('branch.indicator.onlineUnnamed');
    case 'offline':
      return t('branch.indicator.offline');
    default:
      return t('branch.indicator.connecting');
  }
}

/** What to do about a refusal, in a full sentence; null when the branch does not refuse. */
export function problemSentence(t: Translate, problem: string | null): string | null {
  const refusal = refusalOf(problem);
  if (!refusal) return null;
  const key = branchRefusalKey(refusal);
  return key ? t(key) : t('branch.refused.other', { code: refusal.code });
}

/** "3 талон · 1 өтініш", or null when everything written here has reached the branch. */
export function pendingList(t: Translate, pending: BranchStatus['pending']): string | null {
  const parts: string[] = [];
  if (pending.tickets > 0) parts.push(t('branch.pending.tickets', { n: pending.tickets }));
  if (pending.cases > 0) parts.push(t('branch.pending.cases', { n: pending.cases }));
  if (pending.audit > 0) parts.push(t('branch.pending.audit', { n: pending.audit }));
  return parts.length ? parts.join(' · ') : null;
}

/** The frame shows a sentence under its header while cut off, or while the branch refuses this workstation. */
export function branchNeedsWords(status: BranchStatus | null): status is BranchStatus {
  return branchShown(status) && (status.state === 'offline' || status.problem !== null);
}
