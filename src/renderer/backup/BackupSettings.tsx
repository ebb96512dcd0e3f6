/** The settings screen's backups section: where they stand, the schedule, the backups made, the recovery passphrase. */
import { useEffect } from 'react';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Notice } from '../ui/Notice';
import { BackupList } from './BackupList';
import { BackupRunSummary } from './BackupRunSummary';
import { BackupScheduleForm } from './BackupScheduleForm';
import { RecoveryForm } from './RecoveryForm';
import { useBackups } from './backupStore';
import './backup.css';

export function BackupSettings() {
  const t = useT();
  const { status, problem, load } = useBackups();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="settings-group" data-testid="backup-settings">
      <h2 className="section-title">{t('backup.title')}</h2>
      <p className="page-lead">{t('backup.lead')}</p>
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {status && (
        <>
          <BackupRunSummary status={status} />
          <BackupScheduleForm schedule={status.schedule} />
          <BackupList backups={status.backups} />
          <RecoveryForm setAt={status.recoverySetAt} />
        </>
      )}
    </div>
  );
}
