import { describe, expect, it } from 'vitest';
import { checkIin, iinCheckDigit } from './iin';

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
