/**
 * Which days the branch works. Years with a data file are taken from it exactly; other years
 * fall back to date-holidays' Kazakhstan rules (public holidays and the rest days they move to)
 * and are reported as not confirmed, so a deadline in such a year can say so.
 */
import Holidays from 'date-holidays';
import type { Text } from '../../shared/regulation';
import type { CalendarYear } from './calendarData';
import { addDays, isWeekend, type IsoDate } from './isoDate';

export interface DayFacts {
  working: boolean;
  /** Why a weekday is off, or a weekend day is working. */
  reason: Text | null;
  /** False when the year has no data file and the day comes from general rules. */
  confirmed: boolean;
}

interface YearIndex {
  nonWorking: Map<IsoDate, Text>;
  workingWeekends: Map<IsoDate, Text>;
  confirmed: boolean;
}

export class WorkingCalendar {
  private readonly years = new Map<number, YearIndex>();
  private readonly rules = new Holidays('KZ');

  constructor(data: readonly CalendarYear[]) {
    for (const y of data) {
      this.years.set(y.year, {
        nonWorking: new Map(y.nonWorking.map((d) => [d.date, d.name])),
        workingWeekends: new Map(y.workingWeekends.map((d) => [d.date, d.name])),
        confirmed: true,
      });
    }
  }

  private year(year: number): YearIndex {
    let index = this.years.get(year);
    if (!index) {
      const nonWorking = new Map<IsoDate, Text>();
      for (const h of this.rules.getHolidays(year)) {
        if (h.type !== 'public') continue;
        const name = h.name;
        nonWorking.set(h.date.slice(0, 10), { kk: name, ru: name, en: name });
      }
      index = { nonWorking, workingWeekends: new Map(), confirmed: false };
      this.years.set(year, index);
    }
    return index;
  }

  day(date: IsoDate): DayFacts {
    const index = this.year(Number(date.slice(0, 4)));
    const holiday = index.nonWorking.get(date);
    if (holiday) return { working: false, reason: holiday, confirmed: index.confirmed };
    const madeWorking = index.workingWeekends.get(date);
    if (madeWorking) return { working: true, reason: madeWorking, confirmed: index.confirmed };
    return { working: !isWeekend(date), reason: null, confirmed: index.confirmed };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The n-th working day after `date` (n ≥ 1); `date` itself is not counted. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  workingDaysIn(year: number): number {
    let count = 0;
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }
}
