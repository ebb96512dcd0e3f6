/**
 * Administrator's settings, "Branch server": the link as it is now, and joining a branch. The
 * status follows the core's pushes (useBranchLive in the frame), so an enrollment shows at once.
 */
import { useEffect } from 'react';
import { useT } from '../i18n/localeStore';
import { BranchEnrollForm } from './BranchEnrollForm';
import { BranchStatusSummary } from './BranchStatusSummary';
import { useBranch } from './branchStore';

export function BranchSettings() {
  const t = useT();
  const status = useBranch((s) => s.status);
  // Fresh on opening, in case the frame's first fetch found the core not yet answering.
  useEffect(() => void useBranch.getState().loadStatus(), []);
  return (
    <div className="settings-group" data-testid="branch-settings">
      <h2 className="section-title">{t('branch.settings.title')}</h2>
      <p className="page-lead">{t('branch.settings.lead')}</p>
      {status && <BranchStatusSummary status={status} />}
      <BranchEnrollForm joined={status !== null && status.state !== 'notConfigured'} />
    </div>
  );
}
