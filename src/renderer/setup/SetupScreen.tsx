import { useRef, useState, type FormEvent } from 'react';
import { attempt, validationProblem } from '../client/problem';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { IinField } from '../ui/IinField';
import { Notice } from '../ui/Notice';
import { PublicLayout } from '../ui/PublicLayout';
import { useFormValues } from '../ui/useFormValues';
import { useProblem } from '../ui/useProblem';
import { createAdmin } from './createAdmin';

export function SetupScreen() {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { values, bind, set } = useFormValues({ login: '', fullName: '', iin: '', password: '', passwordRepeat: '' });
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { login: values.login, fullName: values.fullName, iin: values.iin, password: values.password };
    const issues = precheck('setup.createAdmin', input);
    if (values.password !== values.passwordRepeat) issues.push({ path: 'passwordRepeat', reason: 'password.mismatch' });
    let failed = validationProblem(issues);
    if (!failed) {
      setBusy(true);
      failed = await attempt(() => createAdmin(input));
      setBusy(false);
    }
    setProblem(failed);
    if (failed) focusFirstInvalid(form.current);
  }

  const fieldError = (path: string) => problem?.fields[path];
  return (
    <PublicLayout wide testId="setup-screen">
      <h1 className="card-title">{t('setup.title')}</h1>
      <p className="card-lead">{t('setup.lead')}</p>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <div className="form-row">
          <Field label={t('field.login')} hint={t('hint.login')} autoFocus autoComplete="off" spellCheck={false} error={fieldError('login')} {...bind('login')} />
          <IinField value={values.iin} onChange={(v) => set('iin', v)} error={fieldError('iin')} />
        </div>
        <Field label={t('field.fullName')} autoComplete="off" error={fieldError('fullName')} {...bind('fullName')} />
        <div className="form-row">
          <Field type="password" label={t('field.password')} hint={t('hint.newPassword')} autoComplete="new-password" error={fieldError('password')} {...bind('password')} />
          <Field type="password" label={t('field.passwordRepeat')} autoComplete="new-password" error={fieldError('passwordRepeat')} {...bind('passwordRepeat')} />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
            {t('action.createAdmin')}
          </Button>
        </div>
      </form>
    </PublicLayout>
  );
}
