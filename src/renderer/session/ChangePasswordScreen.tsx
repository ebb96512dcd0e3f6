/** A temporary password (first login, or after a reset) is replaced before any work starts. */
import { useRef, useState, type FormEvent } from 'react';
import { attempt, validationProblem } from '../client/problem';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { Notice } from '../ui/Notice';
import { PublicLayout } from '../ui/PublicLayout';
import { useFormValues } from '../ui/useFormValues';
import { useProblem } from '../ui/useProblem';
import { useActivityTouch } from './activity';
import { useSession } from './sessionStore';
import { OperatorBadge } from './OperatorBadge';

export function ChangePasswordScreen() {
  const t = useT();
  const { session, changePassword, logout } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const { values, bind } = useFormValues({ current: '', next: '', nextRepeat: '' });
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);
  // Typing a new password is activity too; the idle lock must not fall in the middle of it.
  useActivityTouch(session?.idleLockSeconds ?? 300);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const issues = precheck('auth.changePassword', { current: values.current, next: values.next });
    if (values.next !== values.nextRepeat) issues.push({ path: 'nextRepeat', reason: 'password.mismatch' });
    let failed = validationProblem(issues);
    if (!failed) {
      setBusy(true);
      failed = await attempt(() => changePassword(values.current, values.next));
      setBusy(false);
    }
    setProblem(failed);
    if (failed) focusFirstInvalid(form.current);
  }

  return (
    <PublicLayout testId="change-password-screen">
      <h1 className="card-title">{t('password.title')}</h1>
      {session && <OperatorBadge operator={session.operator} />}
      <p className="card-lead">{t('password.lead')}</p>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <Field type="password" label={t('field.currentPassword')} autoFocus autoComplete="current-password" error={problem?.fields.current} {...bind('current')} />
        <Field type="password" label={t('field.newPassword')} hint={t('hint.newPassword')} autoComplete="new-password" error={problem?.fields.next} {...bind('next')} />
        <Field type="password" label={t('field.passwordRepeat')} autoComplete="new-password" error={problem?.fields.nextRepeat} {...bind('nextRepeat')} />
        <div className="form-actions form-actions--split">
          <Button variant="quiet" onClick={() => void logout().catch(() => {})}>
            {t('action.logout')}
          </Button>
          <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
            {t('action.changePassword')}
          </Button>
        </div>
      </form>
    </PublicLayout>
  );
}
