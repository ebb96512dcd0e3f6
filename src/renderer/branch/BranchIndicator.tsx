/**
 * The frame header's word on the link to the branch server, beside the gateway's. Hidden on a
 * counter that belongs to no branch; quiet while online; plain to see when cut off or refused.
 * A few words only: the sentence and the counts of what waits are in the strip under the header
 * (BranchNotice), as the header of a counter screen has no room for them.
 */
import { useT } from '../i18n/localeStore';
import { useBranch } from './branchStore';
import { branchLabel, branchShown, branchTone } from './words';
import './branch.css';

export function BranchIndicator() {
  const t = useT();
  const status = useBranch((s) => s.status);
  if (!branchShown(status)) return null;
  const words = branchLabel(t, status);
  const quiet = status.state === 'online' && !status.problem;
  return (
    <div
      className={`branch-indicator branch-indicator--${branchTone(status)}`}
      role="status"
      aria-live="polite"
      data-testid="branch-indicator"
      data-branch={status.state}
      // A long name is cut short on screen; in full on hover, with what being online means.
      title={quiet ? `${words}. ${t('branch.means.online')}` : words}
    >
      <span className="branch-dot" aria-hidden="true" />
      <span className="branch-lines">
        <span className="branch-kind">{t('branch.indicator.branch')}</span>
        <span className="branch-words">{words}</span>
      </span>
    </div>
  );
}
