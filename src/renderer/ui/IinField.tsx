/** ЖСН input with the checksum checked as the digits are typed. */
import { checkIin } from '../../shared/iin';
import { reasonText } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Field } from './Field';
import { formatBirthDate } from './format';

interface IinFieldProps {
  value: string;
  onChange(value: string): void;
  /** A message from the last submit, which wins over the live check. */
  error?: string | undefined;
  name?: string;
  /** The field's own label where a form has more than one IIN (the applicant's, the representative's). */
  label?: string;
  autoFocus?: boolean;
}

export function IinField({ value, onChange, error, name = 'iin', label, autoFocus }: IinFieldProps) {
  const t = useT();
  const check = checkIin(value);
  // Half-typed digits are not yet wrong; a letter or the twelfth digit settles it.
  const settled = value.length >= 12 || /\D/.test(value);
  const live = !check.ok && settled ? reasonText(t, `iin.${check.problem}`) : undefined;
  return (
    <Field
      label={label ?? t('field.iin')}
      name={name}
      autoFocus={autoFocus}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
      spellCheck={false}
      className="field--iin"
      hint={t('hint.iin')}
      error={error ?? live}
      confirmation={check.ok ? t('iin.valid', { date: formatBirthDate(t, check.facts.birthDate) }) : undefined}
      onChange={(event) => onChange(event.target.value.trim())}
    />
  );
}
