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
import { failedRunText } from './lastRunText';
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
  const attention = !status.schedule.folder
    ? { tone: 'warning' as const, text: t('backup.noFolder') }
    : last && !last.ok
      ? { tone: 'error' as const, text: failedRunText(t, last) }
      : null;
  if (attention) {
    return (
      <div className="backup-health" data-testid="backup-health">
        <Notice tone={attention.tone}>{attention.text}</Notice>
        <Button variant="quiet" onClick={() => go('settings')} data-testid="backup-health-open">
          {t('backup.health.open')}
        </Button>
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
