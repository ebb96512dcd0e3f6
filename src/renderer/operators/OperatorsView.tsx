/** Administrator: the accounts at this workstation, and what can be done with each. */
import { useEffect, useState } from 'react';
import type { Operator } from '../../shared/schemas';
import { toProblem } from '../client/problem';
import type { MessageKey } from '../i18n/catalog';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { CreateOperatorDialog } from './CreateOperatorDialog';
import { DisableOperatorDialog } from './DisableOperatorDialog';
import { OperatorsTable } from './OperatorsTable';
import { useOperators } from './operatorsStore';
import { ResetPasswordDialog } from './ResetPasswordDialog';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'disable'; operator: Operator }
  | { kind: 'reset'; operator: Operator }
  | null;

export function OperatorsView({ self }: { self: Operator }) {
  const t = useT();
  const { operators, loading, problem, load, setDisabled } = useOperators();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // Kept as a key, not a sentence, so the notice follows a language switch.
  const [done, setDone] = useState<{ key: MessageKey; name: string; password?: string } | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  async function enable(operator: Operator) {
    setDone(null);
    setActionProblem(null);
    try {
      await setDisabled(operator.id, false);
      setDone({ key: 'operators.enabled', name: operator.fullName });
    } catch (error) {
      setActionProblem(describeProblem(t, toProblem(error)).summary);
    }
  }

  const finished = (key: MessageKey, operator: Operator, password?: string) => {
    setDialog(null);
    setDone(password ? { key, name: operator.fullName, password } : { key, name: operator.fullName });
    setActionProblem(null);
  };

  return (
    <section data-testid="operators-view">
      <PageHeader
        title={t('operators.title')}
        lead={t('operators.lead')}
        actions={
          <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('action.addOperator')}
          </Button>
        }
      />
      {done && (
        <Notice tone="success" testId="operators-done">
          <p>{t(done.key, { name: done.name })}</p>
          {done.password && (
            <p className="secret-line">
              {t('field.temporaryPassword')}: <code className="secret" data-testid="temporary-password">{done.password}</code>
            </p>
          )}
        </Notice>
      )}
      {actionProblem && <Notice tone="error">{actionProblem}</Notice>}
      {problem && (
        <Notice tone="error">
          {describeProblem(t, problem).summary}{' '}
          <Button variant="quiet" onClick={() => void load()}>
            {t('action.retry')}
          </Button>
        </Notice>
      )}
      {operators && (
        <OperatorsTable
          operators={operators}
          selfId={self.id}
          onDisable={(operator) => setDialog({ kind: 'disable', operator })}
          onEnable={(operator) => void enable(operator)}
          onResetPassword={(operator) => setDialog({ kind: 'reset', operator })}
        />
      )}
      {!operators && loading && <p className="muted">{t('app.loading')}</p>}
      {dialog?.kind === 'create' && (
        <CreateOperatorDialog onClose={() => setDialog(null)} onCreated={(o, password) => finished('operators.created', o, password)} />
      )}
      {dialog?.kind === 'disable' && (
        <DisableOperatorDialog
          operator={dialog.operator}
          onClose={() => setDialog(null)}
          onDisabled={(o) => finished('operators.disabled', o)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          operator={dialog.operator}
          onClose={() => setDialog(null)}
          onReset={(o, password) => finished('operators.reset.done', o, password)}
        />
      )}
    </section>
  );
}
