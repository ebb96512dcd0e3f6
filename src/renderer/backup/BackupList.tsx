/** The dated backups in the schedule's folder, newest first, each checkable against its sealed list of files. */
import type { BackupListing, BackupVerdict } from '../../shared/backup';
import { useT, type Translate } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatTimestamp } from '../ui/format';
import { TableHead } from '../ui/TableHead';
import { useBackups } from './backupStore';

function verdictText(t: Translate, verdict: BackupVerdict): string {
  if (verdict.ok) return t('backup.verdict.ok');
  return t(`backup.verdict.${verdict.problem ?? 'manifestUnreadable'}`, { file: verdict.file ?? '' });
}

export function BackupList({ backups }: { backups: BackupListing[] }) {
  const t = useT();
  const { verdicts, checking, check } = useBackups();
  return (
    <div className="settings-subgroup">
      <h3 className="subsection-title">{t('backup.list.title')}</h3>
      {backups.length === 0 ? (
        <p className="page-lead">{t('backup.list.empty')}</p>
      ) : (
        <table className="table table--dense" data-testid="backup-list">
          <TableHead columns={[t('backup.list.madeAt'), t('backup.list.folder'), t('backup.list.check')]} actions={t('backup.verify')} />
          <tbody>
            {backups.map((b) => {
              const verdict = verdicts[b.folder];
              return (
                <tr key={b.folder} data-testid="backup-row">
                  <td className="numeric">{formatTimestamp(b.madeAt)}</td>
                  <td className="backup-folder">{b.name}</td>
                  <td className={verdict ? (verdict.ok ? 'backup-verdict backup-verdict--ok' : 'backup-verdict backup-verdict--bad') : 'backup-verdict'} data-testid="backup-verdict">
                    {verdict ? verdictText(t, verdict) : ''}
                  </td>
                  <td className="table-actions">
                    <Button variant="quiet" busy={checking === b.folder} onClick={() => void check(b.folder)} aria-label={`${t('backup.verify')}: ${b.name}`}>
                      {t('backup.verify')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
