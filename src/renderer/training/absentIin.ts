import { iinCheckDigit } from '../../shared/iin';

/**
 * A valid IIN the simulated ЖТ МДҚ does not hold: the trainer's example of condition 1
 * answered "no" (process 4). Born 3 February 2001, the first serial with a check digit.
 */
export function absentIin(known: readonly string[]): string {
  for (let serial = 1; serial < 10_000; serial++) {
    const first11 = `0102035${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    const iin = `${first11}${check}`;
    if (check !== null && !known.includes(iin)) return iin;
  }
  return '';
}
