/**
 * Under the frame header while the branch link is cut off or refused: what that means for the
 * walk-ins, what to do about a refusal, and what is still to be sent. Nothing otherwise.
 */
import { useT } from '../i18n/localeStore';
import { useBranch } from './branchStore';
import { branchNeedsWords, branchTone, pendingList, problemSentence } from './words';
import './branch.css';

export function BranchNotice() {
  const t = useT();
  const status = useBranch((s) => s.status);
  if (!branchNeedsWords(status)) return null;
  const problem = problemSentence(t, status.problem);
  const counts = pendingList(t, status.pending);
  return (
    <div className={`branch-notice branch-notice--${branchTone(status)}`} role="status" data-testid="branch-notice" data-branch={status.state}>
      {status.state === 'offline' && <p className="strong">{t('branch.means.offline')}</p>}
      {problem && <p className="strong">{problem}</p>}
      {counts && <p>{t('branch.pending', { list: counts })}</p>}
    </div>
  );
}
