/**
 * Administrator: the passphrase the backups carry the master key under, so a backup can be
 * restored on another computer. Typed twice, never shown again and never stored by the core.
 */
import type { FormEvent } from 'react';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { formatTimestamp } from '../ui/format';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { Notice } from '../ui/Notice';
import { useForm } from '../ui/useForm';
import { useBackups } from './backupStore';

export function RecoveryForm({ setAt }: { setAt: string | null }) {
  const t = useT();
  const setRecovery = useBackups((s) => s.setRecovery);
  const { form, values, bind, setValues, problem, fieldError, busy, saved, submit } = useForm({ passphrase: '', again: '' });

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = { passphrase: values.passphrase, again: values.again };
    // A mismatch is the form's own check: the contract sees two strings.
    const issues = precheck('backup.setRecovery', input);
    if (issues.length === 0 && input.passphrase !== input.again) issues.push({ path: 'again', reason: 'password.mismatch' });
    await submit(issues, async () => {
      await setRecovery(input.passphrase, input.again);
      setValues({ passphrase: '', again: '' });
    });
  }

  return (
    <div className="settings-subgroup" data-testid="backup-recovery">
      <h3 className="subsection-title">{t('backup.recovery.title')}</h3>
      <p className="page-lead">{t('backup.recovery.lead')}</p>
      {setAt ? <Notice tone="success">{t('backup.recovery.set', { when: formatTimestamp(setAt) })}</Notice> : <Notice tone="warning">{t('backup.recovery.notSet')}</Notice>}
      <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="backup-recovery-form">
        <FormOutcome problem={problem} saved={saved && t('backup.recovery.saved')} />
        <Field label={t('backup.field.passphrase')} hint={t('backup.hint.passphrase')} type="password" autoComplete="new-password" error={fieldError('passphrase')} {...bind('passphrase')} />
        <Field label={t('backup.field.again')} type="password" autoComplete="new-password" error={fieldError('again')} {...bind('again')} />
        <FormSubmit busy={busy}>{t('backup.recovery.save')}</FormSubmit>
      </form>
    </div>
  );
}
