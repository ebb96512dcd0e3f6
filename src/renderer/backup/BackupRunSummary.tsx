/**
 * Where the backups stand, in one glance: a backup under way, the last one (checked, or what went
 * wrong and what to do), when the schedule makes the next, and "Back up now".
 */
import type { BackupStatus } from '../../shared/backup';
import { useLocale, useT, type Translate } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatDecimal, formatMoment } from '../ui/format';
import { Notice } from '../ui/Notice';
import { useBackups } from './backupStore';
import { failedRunText } from './lastRunText';

/** When the schedule makes the next backup; after its own failure, that it tries again and when. */
function nextRunText(t: Translate, status: BackupStatus): string {
  if (!status.nextRunAt) return t('backup.next.off');
  const when = formatMoment(t, status.nextRunAt);
  const retrying = status.lastRun?.scheduled === true && !status.lastRun.ok;
  return t(retrying ? 'backup.next.retry' : 'backup.next', { when });
}

export function BackupRunSummary({ status }: { status: BackupStatus }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { backingUp, backUpNow } = useBackups();
  const last = status.lastRun;
  const hasFolder = status.schedule.folder !== null;
  return (
    <div className="backup-summary" data-testid="backup-summary">
      {!hasFolder && <Notice tone="warning">{t('backup.noFolder')}</Notice>}
      {status.running && <Notice tone="info">{t('backup.running')}</Notice>}
      {last?.ok && last.summary && (
        <Notice tone="success" testId="backup-last">
          {t(last.scheduled ? 'backup.last.okScheduled' : 'backup.last.ok', {
            when: formatMoment(t, last.at),
            files: last.summary.files,
            size: formatDecimal(locale, last.summary.bytes / 1e6),
          })}
        </Notice>
      )}
      {last && !last.ok && (
        <Notice tone="error" testId="backup-last">
          {failedRunText(t, last)}
        </Notice>
      )}
      {!last && hasFolder && <p className="page-lead">{t('backup.last.none')}</p>}
      {hasFolder && <p className="page-lead">{nextRunText(t, status)}</p>}
      <div>
        <Button variant="primary" busy={backingUp || status.running} disabled={!hasFolder} onClick={() => void backUpNow()} data-testid="backup-now">
          {t('backup.now')}
        </Button>
      </div>
    </div>
  );
}
