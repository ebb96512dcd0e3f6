import { useState } from 'react';
import type { Operator } from '../../shared/schemas';
import { attempt } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Dialog } from '../ui/Dialog';
import { useProblem } from '../ui/useProblem';
import { useOperators } from './operatorsStore';
import { ConfirmActions } from '../ui/ConfirmActions';

interface DisableOperatorDialogProps {
  operator: Operator;
  onClose(): void;
  onDisabled(operator: Operator): void;
}

export function DisableOperatorDialog({ operator, onClose, onDisabled }: DisableOperatorDialogProps) {
  const t = useT();
  const setDisabled = useOperators((s) => s.setDisabled);
  const [problem, setProblem] = useProblem();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const failed = await attempt(() => setDisabled(operator.id, true));
    setBusy(false);
    setProblem(failed);
    if (!failed) onDisabled(operator);
  }

  return (
    <Dialog title={t('operators.disable.title', { name: operator.fullName })} onClose={onClose}>
      <p>{t('operators.disable.body')}</p>
      <ConfirmActions problem={problem ? problem.summary : null} busy={busy} confirmLabel={t('action.disable')} onCancel={onClose} onConfirm={() => void confirm()} />
    </Dialog>
  );
}
