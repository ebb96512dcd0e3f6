/**
 * A modal on the native <dialog>: the browser traps focus and turns Esc into `cancel`, which
 * closes through the owner so its state stays the one truth.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/localeStore';
import { Button } from './Button';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    // showModal focuses the dialog itself when nothing carries the autofocus attribute.
    dialog.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]), select, textarea, button')?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog-title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** A form dialog's two buttons: cancel (Esc) and the action it submits (Enter). */
export function SubmitActions({ onCancel, submitLabel, busy, disabled }: { onCancel: () => void; submitLabel: string; busy: boolean; disabled?: boolean }) {
  const t = useT();
  return (
    <div className="dialog-actions">
      <Button onClick={onCancel} shortcut="Esc">
        {t('action.cancel')}
      </Button>
      <Button type="submit" variant="primary" shortcut="Enter" busy={busy} disabled={disabled}>
        {submitLabel}
      </Button>
    </div>
  );
}
