/**
 * The frame every form field shares: its label, the control, its hint, and the message of what to
 * fix (or, while nothing is wrong, a confirmation) — tied to the control so a screen reader reads
 * them with it. Field, SelectField and TextAreaField put their own control inside it.
 */
import { useId, type ReactNode } from 'react';

/** What the control needs from its frame: the label's target and the messages that describe it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Positive live feedback (a valid IIN); shown only while there is no error. */
  confirmation?: string | undefined;
  className?: string | undefined;
  children(control: ControlProps): ReactNode;
}

export function FormField({ label, hint, error, confirmation, className, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : '', error || confirmation ? messageId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error ? (
        <p className="field-error" id={messageId} role="alert">
          {error}
        </p>
      ) : (
        confirmation && (
          <p className="field-ok" id={messageId}>
            {confirmation}
          </p>
        )
      )}
    </div>
  );
}
