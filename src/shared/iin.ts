/**
 * ЖСН / ИИН — the 12-digit individual identification number.
 *
 * Layout: YYMMDD, then the century-and-sex digit (1–6), then four serial digits, then a
 * check digit. The check digit is the weighted sum of the first eleven digits mod 11 with
 * weights 1..11; when that gives 10, a second pass with weights 3..11,1,2 is taken; when the
 * second pass also gives 10 the number is never issued, so it is invalid.
 */

export type IinProblem = 'format' | 'checksum' | 'century' | 'birthDate' | 'future';

export interface IinFacts {
  birthDate: string; // ISO yyyy-mm-dd
  sex: 'male' | 'female';
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedMod11(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

/** The check digit the first eleven digits call for, or null when no valid IIN has them. */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  let check = weightedMod11(digits, FIRST_WEIGHTS);
  if (check === 10) check = weightedMod11(digits, SECOND_WEIGHTS);
  return check === 10 ? null : check;
}

const CENTURY: Record<string, { base: number; sex: IinFacts['sex'] }> = {
  '1': { base: 1800, sex: 'male' },
  '2': { base: 1800, sex: 'female' },
  '3': { base: 1900, sex: 'male' },
  '4': { base: 1900, sex: 'female' },
  '5': { base: 2000, sex: 'male' },
  '6': { base: 2000, sex: 'female' },
};

/** Today as yyyy-mm-dd: the device's date, or the core's clock once the core sets it (tests move it). */
let todayOf: () => string = () => new Date().toISOString().slice(0, 10);

/** The core gives its own clock, so a test that moves the clock moves the IIN check with it. */
export function setIinToday(today: () => string): void {
  todayOf = today;
}

/**
 * Validates an IIN; returns the birth date and sex it encodes, or the first problem found. A
 * person cannot be born after today: such a number passes the checksum but is refused.
 */
export function checkIin(iin: string, today = todayOf()): { ok: true; facts: IinFacts } | { ok: false; problem: IinProblem } {
  if (!/^\d{12}$/.test(iin)) return { ok: false, problem: 'format' };
  const century = CENTURY[iin[6]!];
  if (!century) return { ok: false, problem: 'century' };
  const year = century.base + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'birthDate' };
  }
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return { ok: false, problem: 'checksum' };
  const birthDate = date.toISOString().slice(0, 10);
  if (birthDate > today) return { ok: false, problem: 'future' };
  return { ok: true, facts: { birthDate, sex: century.sex } };
}

export function isValidIin(iin: string): boolean {
  return checkIin(iin).ok;
}

/**
 * A valid IIN for a birth date (yymmdd), century-and-sex digit and the first usable serial from
 * `serial`: what training data, the training PKI and the tests need many of.
 */
export function iinNear(yymmdd: string, centurySex: string, serial: number): string {
  for (let s = serial; s < serial + 1000; s++) {
    const first11 = `${yymmdd}${centurySex}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
  throw new Error('no valid IIN near that serial');
}
