/** A text area for pasted PEM (certificates, revocation lists): monospace, no spell check, the value as text. */
import { TextAreaField } from './TextAreaField';

interface PemFieldProps {
  label: string;
  hint: string;
  name: string;
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
}

export function PemField({ onChange, ...props }: PemFieldProps) {
  return <TextAreaField rows={6} spellCheck={false} className="field--pem" onChange={(event) => onChange(event.target.value)} {...props} />;
}
