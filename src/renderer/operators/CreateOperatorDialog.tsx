import { useRef, useState, type FormEvent } from 'react';
import { ROLES, type Operator, type Role } from '../../shared/schemas';
import { attempt, validationProblem } from '../client/problem';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Dialog, SubmitActions } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { IinField } from '../ui/IinField';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { useFormValues } from '../ui/useFormValues';
import { useProblem } from '../ui/useProblem';
import { useOperators } from './operatorsStore';
import { temporaryPassword } from './temporaryPassword';

interface CreateOperatorDialogProps {
  onClose(): void;
  onCreated(operator: Operator, temporaryPassword: string): void;
}

export function CreateOperatorDialog({ onClose, onCreated }: CreateOperatorDialogProps) {
  const t = useT();
  const create = useOperators((s) => s.create);
  const form = useRef<HTMLFormElement>(null);
  const { values, bind, set } = useFormValues({ login: '', fullName: '', iin: '', role: 'operator', password: temporaryPassword() });
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { login: values.login, fullName: values.fullName, iin: values.iin, role: values.role as Role, password: values.password };
    let failed = validationProblem(precheck('operators.create', input));
    let created: Operator | undefined;
    if (!failed) {
      setBusy(true);
      failed = await attempt(async () => {
        created = await create(input);
      });
      setBusy(false);
    }
    setProblem(failed);
    if (created) onCreated(created, input.password);
    else focusFirstInvalid(form.current);
  }

  return (
    <Dialog title={t('operators.create.title')} onClose={onClose} wide>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <form ref={form} className="form" onSubmit={submit} noValidate data-testid="create-operator-form">
        <Field label={t('field.fullName')} autoComplete="off" data-autofocus error={problem?.fields.fullName} {...bind('fullName')} />
        <div className="form-row">
          <IinField value={values.iin} onChange={(v) => set('iin', v)} error={problem?.fields.iin} />
          <SelectField
            label={t('field.role')}
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            error={problem?.fields.role}
            {...bind('role')}
          />
        </div>
        <div className="form-row">
          <Field label={t('field.login')} hint={t('hint.login')} autoComplete="off" spellCheck={false} error={problem?.fields.login} {...bind('login')} />
          <Field
            label={t('field.temporaryPassword')}
            hint={t('hint.temporaryPassword')}
            autoComplete="off"
            spellCheck={false}
            className="field--secret"
            error={problem?.fields.password}
            {...bind('password')}
          />
        </div>
        <SubmitActions onCancel={onClose} submitLabel={t('action.addOperator')} busy={busy} />
      </form>
    </Dialog>
  );
}
