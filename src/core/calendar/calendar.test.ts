import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CalendarYear, loadCalendar, loadCalendarYears } from './calendarData';
import { TermClock } from './termClock';
import { WorkingCalendar } from './workingCalendar';

const calendar = new WorkingCalendar(loadCalendarYears(join(__dirname, '../../../resources/calendar')));
const clock = new TermClock(calendar);
/** A moment on the branch's wall clock (UTC+5). */
const at = (local: string) => Date.parse(`${local}+05:00`);
const local = (ms: number) => new Date(ms + 5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the working-day calendar of Kazakhstan', () => {
  it('has the published number of working days in a five-day week', () => {
    expect(calendar.workingDaysIn(2025)).toBe(246);
    expect(calendar.workingDaysIn(2026)).toBe(247);
    expect(calendar.workingDaysIn(2027)).toBe(247);
  });

  it('crosses New Year with the government transfer of 2025: 3 January off, Sunday 5 January working', () => {
    expect(calendar.day('2025-01-03')).toMatchObject({ working: false, confirmed: true });
    expect(calendar.day('2025-01-05')).toMatchObject({ working: true, reason: { ru: 'Рабочий день (выходной перенесён на 3 января)' } });
    expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-05');
    expect(calendar.addWorkingDays('2024-12-31', 2)).toBe('2025-01-06');
    expect(calendar.addWorkingDays('2024-12-31', 3)).toBe('2025-01-08');
  });

  it('keeps Nauryz and the rest days it moves to', () => {
    for (const d of ['2025-03-21', '2025-03-24', '2025-03-25', '2026-03-23', '2026-03-24', '2026-03-25']) {
      expect(calendar.isWorkingDay(d)).toBe(false);
    }
    expect(calendar.addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
  });

  it('knows the moving Kurban Ait, which does not move the rest day when it falls on a weekend', () => {
    expect(calendar.isWorkingDay('2025-06-06')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-27')).toBe(false);
    expect(calendar.isWorkingDay('2027-05-17')).toBe(true);
  });

  it('follows the Constitution of 2026: 30 August no longer a holiday, 15 March one from 2027', () => {
    expect(calendar.isWorkingDay('2026-08-31')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true);
    expect(calendar.isWorkingDay('2027-03-15')).toBe(false);
  });

  it('falls back to general rules, unconfirmed, for a year without data', () => {
    expect(calendar.day('2030-01-01')).toMatchObject({ working: false, confirmed: false });
    expect(calendar.day('2030-01-08')).toMatchObject({ working: true, confirmed: false });
  });

  it('sets a broken year file aside with its name and field; the year falls back to the rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azho-calendar-'));
    try {
      writeFileSync(join(dir, 'kz-2025.json'), JSON.stringify({ year: 2025, source: 'x', nonWorking: [{ date: '2026-01-01', name: { kk: 'a', ru: 'a', en: 'a' } }], workingWeekends: [] }));
      writeFileSync(join(dir, 'kz-2026.json'), '{ not json');
      const { years, problems } = loadCalendar(dir);
      expect(years).toEqual([]);
      expect(problems).toEqual([
        { file: 'kz-2025.json', field: 'nonWorking.0.date', reason: 'calendar.otherYear' },
        { file: 'kz-2026.json', field: '', reason: 'notJson' },
      ]);
      expect(new WorkingCalendar(years).day('2025-01-03')).toMatchObject({ confirmed: false });
      expect(loadCalendar(join(dir, 'missing')).problems[0]!.reason).toBe('folderMissing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a calendar file with a working "weekend" that is a weekday', () => {
    const bad = CalendarYear.safeParse({ year: 2025, source: 'x', nonWorking: [], workingWeekends: [{ date: '2025-01-06', name: { kk: 'a', ru: 'a', en: 'a' } }] });
    expect(bad.success).toBe(false);
  });
});

describe('terms on the branch clock (09:00–18:00, UTC+5)', () => {
  it('counts minutes only while the branch is open', () => {
    expect(local(clock.add(at('2025-01-06T10:00'), { amount: 20, unit: 'minutes' }))).toBe('2025-01-06 10:20');
    expect(local(clock.add(at('2025-01-06T17:50'), { amount: 20, unit: 'minutes' }))).toBe('2025-01-08 09:10');
    expect(local(clock.add(at('2025-01-06T07:00'), { amount: 30, unit: 'seconds' }))).toBe('2025-01-06 09:00');
    expect(local(clock.add(at('2025-01-04T12:00'), { amount: 4, unit: 'hours' }))).toBe('2025-01-05 13:00');
  });

  it('adds working days keeping the time of day', () => {
    expect(local(clock.add(at('2025-03-20T11:00'), { amount: 1, unit: 'workingDays' }))).toBe('2025-03-26 11:00');
    // Accepted after closing: the term starts at the next opening (26 March, after Nauryz).
    expect(local(clock.add(at('2025-03-20T19:00'), { amount: 1, unit: 'workingDays' }))).toBe('2025-03-27 09:00');
  });

  it('moves a calendar-day term that ends on a non-working day to the next working day', () => {
    expect(local(clock.add(at('2025-02-20T10:00'), { amount: 30, unit: 'calendarDays' }))).toBe('2025-03-26 09:00'); // 22 March
    expect(local(clock.add(at('2025-02-19T10:00'), { amount: 30, unit: 'calendarDays' }))).toBe('2025-03-26 09:00'); // 21 March
    expect(local(clock.add(at('2025-02-03T10:00'), { amount: 30, unit: 'calendarDays' }))).toBe('2025-03-05 10:00');
  });

  it('sums the S1-Aktobe provider flow: 20 min + 10 min + 10 working days + 10 min + 20 min', () => {
    const due = clock.due(at('2025-12-26T17:45'), [
      { amount: 20, unit: 'minutes' },
      { amount: 10, unit: 'minutes' },
      { amount: 10, unit: 'workingDays' },
      { amount: 10, unit: 'minutes' },
      { amount: 20, unit: 'minutes' },
    ]);
    // 17:45 + 30 min runs into Monday 29 Dec 09:15; ten working days on (1, 2 Jan 2026 and 7 Jan are holidays,
    // 3–4 Jan a weekend): 30, 31 Dec, 5, 6, 8, 9, 12, 13, 14, 15 Jan → 15 Jan 09:15, + 30 min.
    expect(local(due.at)).toBe('2026-01-15 09:45');
    expect(due).toMatchObject({ date: '2026-01-15', confirmed: true });
  });
});
