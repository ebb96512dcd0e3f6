/** A new temporary password for an operator; the next login asks them to change it. */
import { useRef, useState, type FormEvent } from 'react';
import type { Operator } from '../../shared/schemas';
import { attempt, validationProblem } from '../client/problem';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog, SubmitActions } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { useOperators } from './operatorsStore';
import { temporaryPassword } from './temporaryPassword';

interface ResetPasswordDialogProps {
  operator: Operator;
  onClose(): void;
  onReset(operator: Operator, temporaryPassword: string): void;
}

export function ResetPasswordDialog({ operator, onClose, onReset }: ResetPasswordDialogProps) {
  const t = useT();
  const resetPassword = useOperators((s) => s.resetPassword);
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState(temporaryPassword);
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    let failed = validationProblem(precheck('operators.resetPassword', { operatorId: operator.id, password }));
    if (!failed) {
      setBusy(true);
      failed = await attempt(() => resetPassword(operator.id, password));
      setBusy(false);
    }
    setProblem(failed);
    if (!failed) onReset(operator, password);
    else focusFirstInvalid(form.current);
  }

  return (
    <Dialog title={t('operators.reset.title', { name: operator.fullName })} onClose={onClose}>
      <p>{t('operators.reset.lead')}</p>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <Field
          label={t('field.temporaryPassword')}
          autoComplete="off"
          spellCheck={false}
          className="field--secret"
          data-autofocus
          name="password"
          value={password}
          error={problem?.fields.password}
          onChange={(event) => setPassword(event.target.value)}
          after={
            <Button variant="quiet" onClick={() => setPassword(temporaryPassword())}>
              {t('action.newPassword')}
            </Button>
          }
        />
        <SubmitActions onCancel={onClose} submitLabel={t('action.resetPassword')} busy={busy} />
      </form>
    </Dialog>
  );
}
