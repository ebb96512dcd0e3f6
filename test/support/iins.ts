import { iinCheckDigit } from '../../src/shared/iin';

/** A valid IIN for a birth date (yymmdd), century/sex digit and serial: the data tests need many. */
export function makeIin(yymmdd: string, centurySex: string, serial: number): string {
  for (let s = serial; s < serial + 1000; s++) {
    const first11 = `${yymmdd}${centurySex}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
  throw new Error('no valid IIN near that serial');
}
