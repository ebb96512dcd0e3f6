/** The first start: the administrator's own account, made before anyone can sign in. */
import type { FormEvent } from 'react';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { IinField } from '../ui/IinField';
import { PublicLayout } from '../ui/PublicLayout';
import { useForm } from '../ui/useForm';
import { createAdmin } from './createAdmin';

export function SetupScreen() {
  const t = useT();
  const { form, values, bind, set, problem, fieldError, busy, submit } = useForm({ login: '', fullName: '', iin: '', password: '', passwordRepeat: '' });

  async function create(event: FormEvent) {
    event.preventDefault();
    const input = { login: values.login, fullName: values.fullName, iin: values.iin, password: values.password };
    const issues = precheck('setup.createAdmin', input);
    if (values.password !== values.passwordRepeat) issues.push({ path: 'passwordRepeat', reason: 'password.mismatch' });
    await submit(issues, () => createAdmin(input));
  }

  return (
    <PublicLayout wide testId="setup-screen">
      <h1 className="card-title">{t('setup.title')}</h1>
      <p className="card-lead">{t('setup.lead')}</p>
      <FormOutcome problem={problem} />
      <form ref={form} className="form" onSubmit={create} noValidate>
        <div className="form-row">
          <Field label={t('field.login')} hint={t('hint.login')} autoFocus autoComplete="off" spellCheck={false} error={fieldError('login')} {...bind('login')} />
          <IinField value={values.iin} onChange={(v) => set('iin', v)} error={fieldError('iin')} />
        </div>
        <Field label={t('field.fullName')} autoComplete="off" error={fieldError('fullName')} {...bind('fullName')} />
        <div className="form-row">
          <Field type="password" label={t('field.password')} hint={t('hint.newPassword')} autoComplete="new-password" error={fieldError('password')} {...bind('password')} />
          <Field type="password" label={t('field.passwordRepeat')} autoComplete="new-password" error={fieldError('passwordRepeat')} {...bind('passwordRepeat')} />
        </div>
        <FormSubmit busy={busy}>{t('action.createAdmin')}</FormSubmit>
      </form>
    </PublicLayout>
  );
}
