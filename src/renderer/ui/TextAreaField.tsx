/** A labelled multi-line input with its hint and the message of what to fix, as Field is for one line. */
import type { TextareaHTMLAttributes } from 'react';
import { FormField } from './FormField';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

export function TextAreaField({ label, hint, error, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea className="input textarea" {...control} {...textarea} />}
    </FormField>
  );
}
