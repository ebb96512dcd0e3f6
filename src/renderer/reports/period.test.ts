import { describe, expect, it } from 'vitest';
import { daysOf, mondayOf, parseDotted, shiftSpan, spanOf, spanText } from './period';

describe('report periods', () => {
  it('start weeks on Monday, whatever day of the week is given', () => {
    // 2026-02-09 is a Monday, 2026-02-15 a Sunday.
    expect(mondayOf('2026-02-09')).toBe('2026-02-09');
    expect(mondayOf('2026-02-12')).toBe('2026-02-09');
    expect(mondayOf('2026-02-15')).toBe('2026-02-09');
    expect(spanOf('week', '2026-02-15')).toEqual({ period: 'week', from: '2026-02-09', to: '2026-02-15' });
  });

  it('cross a month and a year inside one week', () => {
    expect(spanOf('week', '2026-01-01')).toEqual({ period: 'week', from: '2025-12-29', to: '2026-01-04' });
  });

  it('give a month its own length, February of a leap year too', () => {
    expect(spanOf('month', '2028-02-10')).toEqual({ period: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(spanOf('month', '2026-02-10').to).toBe('2026-02-28');
    expect(spanOf('month', '2026-12-31')).toEqual({ period: 'month', from: '2026-12-01', to: '2026-12-31' });
  });

  it('step back and forth by the period', () => {
    expect(shiftSpan(spanOf('day', '2026-03-01'), -1)).toEqual({ period: 'day', from: '2026-02-28', to: '2026-02-28' });
    expect(shiftSpan(spanOf('week', '2026-02-12'), 1)).toEqual({ period: 'week', from: '2026-02-16', to: '2026-02-22' });
    expect(shiftSpan(spanOf('month', '2026-01-31'), 1)).toEqual({ period: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(shiftSpan(spanOf('month', '2026-01-15'), -1)).toEqual({ period: 'month', from: '2025-12-01', to: '2025-12-31' });
    expect(shiftSpan({ period: 'range', from: '2026-02-01', to: '2026-02-10' }, 1)).toEqual({ period: 'range', from: '2026-02-11', to: '2026-02-20' });
  });

  it('read typed days and refuse days that do not exist', () => {
    expect(parseDotted('9.2.2026')).toBe('2026-02-09');
    expect(parseDotted(' 15.02.2026 ')).toBe('2026-02-15');
    expect(parseDotted('31.02.2026')).toBeNull();
    expect(parseDotted('2026-02-15')).toBeNull();
  });

  it('list every day of a span and write it as the acts write dates', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(spanText({ from: '2026-02-09', to: '2026-02-15' })).toBe('09.02.2026 – 15.02.2026');
    expect(spanText({ from: '2026-02-09', to: '2026-02-09' })).toBe('09.02.2026');
  });
});
