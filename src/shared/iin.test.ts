import { describe, expect, it } from 'vitest';
import { checkIin, iinCheckDigit, iinNear, setIinToday } from './iin';

// Vectors computed by a separate implementation of the published algorithm.
describe('IIN check digit', () => {
  it('uses the first weights 1..11 when they give 0..9', () => {
    expect(iinCheckDigit('90010130000')).toBe(7);
    expect(checkIin('900101300007')).toEqual({ ok: true, facts: { birthDate: '1990-01-01', sex: 'male' } });
    expect(checkIin('900101300008')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('takes the second weights 3..11,1,2 when the first pass gives 10', () => {
    expect(iinCheckDigit('90010130081')).toBe(1);
    expect(iinCheckDigit('90010130082')).toBe(3);
    expect(checkIin('900101300811').ok).toBe(true);
    expect(checkIin('900101300823').ok).toBe(true);
  });

  it('rejects every number whose two passes both give 10: such an IIN is never issued', () => {
    expect(iinCheckDigit('90010130080')).toBeNull();
    for (let last = 0; last <= 9; last++) expect(checkIin(`90010130080${last}`)).toEqual({ ok: false, problem: 'checksum' });
  });
});

describe('IIN structure', () => {
  it('refuses anything but twelve digits', () => {
    for (const bad of ['', '90010130000', '9001013000077', '90010130000a', ' 900101300007', '９００１０１３０００７']) {
      expect(checkIin(bad)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('reads the century and sex from the seventh digit', () => {
    const woman = '90010140000';
    const digit = iinCheckDigit(woman);
    expect(digit).not.toBeNull();
    expect(checkIin(`${woman}${digit}`)).toEqual({ ok: true, facts: { birthDate: '1990-01-01', sex: 'female' } });
    expect(checkIin('900101000007')).toEqual({ ok: false, problem: 'century' });
    expect(checkIin('900101700007')).toEqual({ ok: false, problem: 'century' });
  });

  it('requires a real calendar date for that century', () => {
    const leap2000 = '0002295' + '0000';
    expect(checkIin(leap2000 + iinCheckDigit(leap2000))).toEqual({ ok: true, facts: { birthDate: '2000-02-29', sex: 'male' } });
    // 1900 was not a leap year: the same day and month with century digit 3 is no date at all.
    const notLeap1900 = '0002293' + '0000';
    expect(checkIin(notLeap1900 + iinCheckDigit(notLeap1900))).toEqual({ ok: false, problem: 'birthDate' });
    expect(checkIin('901301300007')).toEqual({ ok: false, problem: 'birthDate' });
    expect(checkIin('900132300007')).toEqual({ ok: false, problem: 'birthDate' });
  });
});

describe('a birth date after today', () => {
  // Numbers of people "born" in 2075, 2084 and 2099 that pass the checksum, as a new user tried them.
  const future = [iinNear('750301', '5', 100), iinNear('840615', '6', 200), iinNear('991231', '5', 300)];

  it('is refused with its own reason, whatever the checksum says', () => {
    for (const iin of future) expect(checkIin(iin, '2026-12-07')).toEqual({ ok: false, problem: 'future' });
  });

  it('is judged against the day given: born today is fine, tomorrow is not', () => {
    const born = iinNear('261207', '6', 1);
    expect(checkIin(born, '2026-12-07').ok).toBe(true);
    expect(checkIin(born, '2026-12-06')).toEqual({ ok: false, problem: 'future' });
  });

  it('takes the core clock once the core sets it, so moving the clock moves the check', () => {
    const born = iinNear('260301', '5', 1);
    try {
      setIinToday(() => '2026-01-15');
      expect(checkIin(born)).toEqual({ ok: false, problem: 'future' });
      setIinToday(() => '2026-03-01');
      expect(checkIin(born).ok).toBe(true);
    } finally {
      setIinToday(() => new Date().toISOString().slice(0, 10));
    }
  });
});
