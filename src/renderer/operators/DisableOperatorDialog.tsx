import { useState } from 'react';
import type { Operator } from '../../shared/schemas';
import { attempt } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { useOperators } from './operatorsStore';

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
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <div className="dialog-actions">
        <Button onClick={onClose} shortcut="Esc" data-autofocus>
          {t('action.cancel')}
        </Button>
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {t('action.disable')}
        </Button>
      </div>
    </Dialog>
  );
}
