/** Administrator: the branch link as it is now — the branch, this device's name there, the state, what is still to be sent. */
import type { BranchStatus } from '../../shared/branchStatus';
import { useT } from '../i18n/localeStore';
import { formatMoment } from '../ui/format';
import { Notice } from '../ui/Notice';
import { branchTone, pendingList, problemSentence } from './words';
import './branch.css';

export function BranchStatusSummary({ status }: { status: BranchStatus }) {
  const t = useT();
  const problem = problemSentence(t, status.problem);
  const joined = status.state !== 'notConfigured';
  return (
    <div className="branch-summary" role="status" aria-live="polite" data-testid="branch-status" data-branch={status.state}>
      <dl className="facts">
        <dt>{t('branch.status.state')}</dt>
        <dd className={`branch-state branch-state--${branchTone(status)}`}>
          <span className="branch-dot" aria-hidden="true" />
          {t(`branch.state.${status.state}`)}
        </dd>
        {joined && (
          <>
            <dt>{t('branch.status.branch')}</dt>
            <dd>
              {status.branchName ?? '—'}
              {status.branchId && <span className="muted mono"> · {status.branchId}</span>}
            </dd>
            <dt>{t('branch.status.device')}</dt>
            <dd className="mono">{status.device ?? '—'}</dd>
            <dt>{t('branch.status.pending')}</dt>
            <dd>{pendingList(t, status.pending) ?? t('branch.pending.none')}</dd>
            <dt>{t('branch.status.lastSync')}</dt>
            <dd>{status.lastSyncAt ? formatMoment(t, status.lastSyncAt) : t('branch.status.neverSynced')}</dd>
          </>
        )}
      </dl>
      {status.state === 'offline' && <Notice tone="warning">{t('branch.means.offline')}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
    </div>
  );
}
