import { useCallback, useState, type ChangeEvent } from 'react';

/** Controlled form values with a `bind(name)` for inputs. */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = useCallback((name: keyof T, value: string) => setValues((v) => ({ ...v, [name]: value })), []);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(name, event.target.value),
  });
  return { values, set, bind, setValues };
}
