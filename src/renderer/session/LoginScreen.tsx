/** Process 1: the operator logs in to the workstation with login and password. */
import { useRef, useState, type FormEvent } from 'react';
import { precheck } from '../client/precheck';
import { attempt, validationProblem } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PublicLayout } from '../ui/PublicLayout';
import { useFormValues } from '../ui/useFormValues';
import { useProblem } from '../ui/useProblem';
import { useSession } from './sessionStore';

export function LoginScreen() {
  const t = useT();
  const { endedReason, login } = useSession();
  const { values, bind, set } = useFormValues({ login: '', password: '' });
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);
  const loginField = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { login: values.login.trim(), password: values.password };
    let failed = validationProblem(precheck('auth.login', input));
    if (!failed) {
      setBusy(true);
      failed = await attempt(() => login(input.login, input.password));
      setBusy(false);
    }
    setProblem(failed);
    if (failed?.issues?.some((issue) => issue.path === 'login')) {
      loginField.current?.focus();
    } else if (failed) {
      // The login stays; the password is typed again, so nobody reads it back from the field.
      set('password', '');
      password.current?.focus();
    }
  }

  return (
    <PublicLayout testId="login-screen">
      <h1 className="card-title">{t('login.title')}</h1>
      <p className="card-lead">{t('login.lead')}</p>
      {problem ? (
        <Notice tone="error" testId="login-problem">
          {problem.summary}
        </Notice>
      ) : (
        endedReason && (
          <Notice tone={endedReason === 'logout' ? 'info' : 'warning'} testId="session-ended">
            {t(`session.ended.${endedReason}`)}
          </Notice>
        )
      )}
      <form className="form" onSubmit={submit} noValidate>
        <Field ref={loginField} label={t('field.login')} autoFocus autoComplete="username" spellCheck={false} required error={problem?.fields.login} {...bind('login')} />
        <Field ref={password} type="password" label={t('field.password')} autoComplete="current-password" required error={problem?.fields.password} {...bind('password')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" shortcut="Enter" busy={busy} className="btn--wide">
            {t('action.login')}
          </Button>
        </div>
      </form>
    </PublicLayout>
  );
}
