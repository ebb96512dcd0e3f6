/** A labelled choice from a list, framed as every other field. */
import type { SelectHTMLAttributes } from 'react';
import { FormField } from './FormField';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
}

export function SelectField({ label, options, error, hint, ...select }: SelectFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => (
        <select className="input select" {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
