/** People for the tests: valid IINs and names that use every Kazakh letter between them. */
import { iinCheckDigit } from '../../src/shared/iin';

/** A valid IIN for a birth date (YYMMDD) and century-and-sex digit, taking the first usable serial. */
export function validIin(yymmdd: string, centuryDigit: number): string {
  for (let serial = 1; serial < 10_000; serial++) {
    const first11 = `${yymmdd}${centuryDigit}${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error('no valid IIN for this date');
}

/** The same IIN with the check digit changed: the checksum fails, nothing else does. */
export function withWrongCheckDigit(iin: string): string {
  const last = Number(iin[11]);
  return `${iin.slice(0, 11)}${(last + 1) % 10}`;
}

export const admin = {
  login: 'aselgul.admin',
  fullName: 'Шаһмұратова Әсемгүл Ғабиденқызы',
  iin: validIin('850312', 4),
  password: 'Көктем-2025-қыркүйек',
};

/** The training key's holder (resources/training-pki): the operator who signs must be the certificate's person. */
export const operator = {
  login: 'omirzaq',
  fullName: 'Жаңабергенов Өмірзақ Іліясұлы',
  iin: '880512300779',
  newPassword: 'Тұрақты-құпиясөз-7',
};

/** A second counter's operator, at the next window of the same branch (no signing: the training key is the first's). */
export const secondOperator = {
  login: 'gulnur',
  fullName: 'Әбдіһамитова Гүлнұр Жаңабайқызы',
  iin: validIin('910623', 4),
  newPassword: 'Екінші-терезе-құпиясөз-9',
};
