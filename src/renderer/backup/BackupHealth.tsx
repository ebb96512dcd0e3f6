/**
 * The administrator's start page says at once when the backups need them: no folder named (so
 * nothing is backed up), or the last backup failed — with why, what to do, and the way to the
 * backups' settings. When all is well it says nothing more than when the last one was made.
 */
import { useEffect } from 'react';
import { useT } from '../i18n/localeStore';
import { useNav } from '../frame/navStore';
import { Button } from '../ui/Button';
import { formatMoment } from '../ui/format';
import { Notice } from '../ui/Notice';
import { useBackups } from './backupStore';
import './backup.css';

export function BackupHealth() {
  const t = useT();
  const { status, load } = useBackups();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return null;
  const last = status.lastRun;
  const open = (
    <Button variant="quiet" onClick={() => go('settings')} data-testid="backup-health-open">
      {t('backup.health.open')}
    </Button>
  );
  if (!status.schedule.folder) {
    return (
      <div className="backup-health" data-testid="backup-health">
        <Notice tone="warning">{t('backup.noFolder')}</Notice>
        {open}
      </div>
    );
  }
  if (last && !last.ok) {
    return (
      <div className="backup-health" data-testid="backup-health">
        <Notice tone="error">{t('backup.last.failed', { when: formatMoment(t, last.at), why: t(`backup.problem.${last.problem ?? 'internal'}`) })}</Notice>
        {open}
      </div>
    );
  }
  if (!last) return null;
  return (
    <p className="home-note" data-testid="backup-health">
      {t('backup.health.ok', { when: formatMoment(t, last.at) })}
    </p>
  );
}
