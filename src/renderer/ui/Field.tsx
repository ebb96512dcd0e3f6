/** A labelled one-line input with its hint, and the message of what to fix right beside it. */
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FormField } from './FormField';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Positive live feedback (a valid IIN); shown only while there is no error. */
  confirmation?: string | undefined;
  after?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function Field({ label, hint, error, confirmation, after, className, ref, ...input }: FieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} confirmation={confirmation} className={className}>
      {(control) => (
        <div className="field-control">
          <input ref={ref} className="input" {...control} {...input} />
          {after}
        </div>
      )}
    </FormField>
  );
}
