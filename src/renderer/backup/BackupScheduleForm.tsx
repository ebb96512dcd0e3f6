/** Administrator: the folder the backups go to, whether one is made every day and when, how many to keep. */
import type { FormEvent } from 'react';
import type { BackupSchedule } from '../../shared/backup';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { useForm } from '../ui/useForm';
import { useBackups } from './backupStore';

export function BackupScheduleForm({ schedule }: { schedule: BackupSchedule }) {
  const t = useT();
  const saveSchedule = useBackups((s) => s.saveSchedule);
  const { form, values, bind, set, problem, fieldError, busy, saved, submit } = useForm({
    folder: schedule.folder ?? '',
    daily: schedule.daily ? 'yes' : '',
    at: schedule.at,
    keep: String(schedule.keep),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    const input: BackupSchedule = { folder: values.folder.trim() || null, daily: values.daily === 'yes', at: values.at.trim(), keep: Number(values.keep) };
    await submit(precheck('backup.setSchedule', input), () => saveSchedule(input));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="backup-schedule-form">
      <FormOutcome problem={problem} saved={saved && t('backup.saved')} />
      <Field label={t('backup.field.folder')} hint={t('backup.hint.folder')} autoComplete="off" spellCheck={false} error={fieldError('folder')} {...bind('folder')} />
      <label className="check">
        <input type="checkbox" name="daily" checked={values.daily === 'yes'} onChange={(event) => set('daily', event.target.checked ? 'yes' : '')} />
        <span className="check-text">{t('backup.field.daily')}</span>
      </label>
      <div className="form-row">
        <Field label={t('backup.field.at')} hint={t('backup.hint.at')} inputMode="numeric" autoComplete="off" placeholder="19:00" error={fieldError('at')} {...bind('at')} />
        <Field label={t('backup.field.keep')} hint={t('backup.hint.keep')} inputMode="numeric" autoComplete="off" error={fieldError('keep') && t('reason.outOfRange')} {...bind('keep')} />
      </div>
      <FormSubmit busy={busy}>{t('action.save')}</FormSubmit>
    </form>
  );
}
