/**
 * The foot of a dialog that asks before something that cannot be undone (disable an account,
 * close the day, clear the training data): what went wrong last time, Cancel first and focused —
 * so Enter never confirms by accident — and the one red button.
 */
import { useT } from '../i18n/localeStore';
import { Button } from './Button';
import { Notice } from './Notice';

interface ConfirmActionsProps {
  /** The sentence of the last failure, if any. */
  problem: string | null;
  busy: boolean;
  confirmLabel: string;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmActions({ problem, busy, confirmLabel, onCancel, onConfirm }: ConfirmActionsProps) {
  const t = useT();
  return (
    <>
      {problem && <Notice tone="error">{problem}</Notice>}
      <div className="dialog-actions">
        <Button onClick={onCancel} shortcut="Esc" data-autofocus>
          {t('action.cancel')}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}
