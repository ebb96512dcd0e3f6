import { describe, expect, it } from 'vitest';
import { wordedDate, wordedDateTime } from './dates';

describe('dates on paper', () => {
  it('writes the month out in the applicant\'s language', () => {
    expect(wordedDate('2026-12-07', 'kk')).toBe('2026 жылғы 7 желтоқсан');
    expect(wordedDate('2026-12-07', 'ru')).toBe('7 декабря 2026 г.');
    expect(wordedDateTime('2026-03-22 09:05', 'kk')).toBe('2026 жылғы 22 наурыз, 09:05');
    expect(wordedDateTime('2026-03-22 09:05', 'ru')).toBe('22 марта 2026 г., 09:05');
  });

  it('leaves what is not a date as it is', () => {
    expect(wordedDate('—', 'kk')).toBe('—');
    expect(wordedDate('2026-13-01', 'ru')).toBe('2026-13-01');
  });
});
