/**
 * The locked screen. It replaces the workstation rather than covering it: nothing with personal
 * data stays in the page, only who is logged in and a password field.
 */
import { useRef, useState, type FormEvent } from 'react';
import { attempt } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Brand } from '../ui/Brand';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { LockIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { OperatorBadge } from './OperatorBadge';
import { useSession } from './sessionStore';

export function LockScreen() {
  const t = useT();
  const { session, lockReason, unlock, logout } = useSession();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    const failed = await attempt(() => unlock(password));
    setBusy(false);
    setProblem(failed);
    if (failed) {
      setPassword('');
      input.current?.focus();
    }
  }

  return (
    <div className="lock" data-testid="lock-screen">
      <header className="lock-header">
        <Brand compact />
        <LanguageSwitch onDark />
      </header>
      <main className="lock-main">
        <form className="lock-card" onSubmit={submit} noValidate>
          <span className="lock-icon">
            <LockIcon size={28} />
          </span>
          <h1 className="lock-title">{t('lock.title')}</h1>
          {session && <OperatorBadge operator={session.operator} />}
          {lockReason && <p className="lock-reason">{t(`lock.reason.${lockReason}`)}</p>}
          {problem && <Notice tone="error">{problem.summary}</Notice>}
          <Field
            ref={input}
            type="password"
            label={t('field.password')}
            hint={t('lock.lead')}
            autoFocus
            autoComplete="current-password"
            name="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" variant="primary" shortcut="Enter" busy={busy} className="btn--wide" icon={<LockIcon />}>
            {t('action.unlock')}
          </Button>
          <Button variant="quiet" className="lock-other" onClick={() => void logout().catch(() => {})}>
            {t('lock.logoutInstead')}
          </Button>
        </form>
      </main>
    </div>
  );
}
