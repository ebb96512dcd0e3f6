/** The last backup's failure in one sentence — when, why, what to do — for the settings and the start page alike. */
import type { BackupRun } from '../../shared/backup';
import type { Translate } from '../i18n/localeStore';
import { formatMoment } from '../ui/format';

export function failedRunText(t: Translate, run: BackupRun): string {
  return t('backup.last.failed', { when: formatMoment(t, run.at), why: t(`backup.problem.${run.problem ?? 'internal'}`) });
}
