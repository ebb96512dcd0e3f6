/**
 * Adds the terms of a regulation to a moment, on the branch's clock: minutes and hours count
 * only while the branch is open on working days; working days skip weekends and holidays and
 * keep the time of day; calendar days count every day, and a term that would end on a
 * non-working day ends on the next working day instead.
 */
import type { NormUnit } from '../../shared/regulation';
import { addDays, type IsoDate } from './isoDate';
import type { WorkingCalendar } from './workingCalendar';

export interface BranchHours {
  /** Kazakhstan keeps one time zone, UTC+5, since 1 March 2024. */
  utcOffsetMinutes: number;
  open: string; // 'HH:MM'
  close: string; // 'HH:MM'
}

export const DEFAULT_BRANCH_HOURS: BranchHours = { utcOffsetMinutes: 300, open: '09:00', close: '18:00' };

export interface Term {
  amount: number;
  unit: NormUnit;
}

/** A moment on the branch's wall clock. */
interface Local {
  date: IsoDate;
  second: number; // since local midnight
}

const secondsOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60;
};
const SECONDS_PER_UNIT: Partial<Record<NormUnit, number>> = { seconds: 1, minutes: 60, hours: 3600 };

export class TermClock {
  private readonly open: number;
  private readonly close: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly hours: BranchHours = DEFAULT_BRANCH_HOURS,
  ) {
    this.open = secondsOf(hours.open);
    this.close = secondsOf(hours.close);
    if (!(this.open < this.close)) throw new Error('branch hours: opening must be before closing');
  }

  private toLocal(ms: number): Local {
    const shifted = new Date(ms + this.hours.utcOffsetMinutes * 60_000);
    const date = shifted.toISOString().slice(0, 10);
    return { date, second: Math.floor((shifted.getTime() - Date.parse(`${date}T00:00:00Z`)) / 1000) };
  }

  private toInstant(local: Local): number {
    return Date.parse(`${local.date}T00:00:00Z`) + local.second * 1000 - this.hours.utcOffsetMinutes * 60_000;
  }

  /** The same moment if the branch is open then, else the next opening. */
  private intoOpenHours(local: Local): Local {
    if (this.calendar.isWorkingDay(local.date) && local.second >= this.open && local.second < this.close) return local;
    if (this.calendar.isWorkingDay(local.date) && local.second < this.open) return { date: local.date, second: this.open };
    return { date: this.calendar.nextWorkingDay(addDays(local.date, 1)), second: this.open };
  }

  private addOpenSeconds(start: Local, seconds: number): Local {
    let at = this.intoOpenHours(start);
    let left = seconds;
    for (;;) {
      const today = this.close - at.second;
      if (left <= today) return { date: at.date, second: at.second + left };
      left -= today;
      at = { date: this.calendar.nextWorkingDay(addDays(at.date, 1)), second: this.open };
    }
  }

  add(ms: number, term: Term): number {
    const local = this.toLocal(ms);
    const perUnit = SECONDS_PER_UNIT[term.unit];
    if (perUnit) return this.toInstant(this.addOpenSeconds(local, term.amount * perUnit));
    if (term.unit === 'workingDays') {
      const from = this.intoOpenHours(local);
      return this.toInstant({ date: this.calendar.addWorkingDays(from.date, Math.ceil(term.amount)), second: from.second });
    }
    const date = addDays(local.date, Math.ceil(term.amount));
    if (this.calendar.isWorkingDay(date)) return this.toInstant({ date, second: local.second });
    return this.toInstant({ date: this.calendar.nextWorkingDay(date), second: this.open });
  }

  /** The moment all terms have run, one after another, and its date on the branch's calendar. */
  due(startMs: number, terms: readonly Term[]): { at: number; date: IsoDate; confirmed: boolean } {
    const at = terms.reduce((ms, term) => this.add(ms, term), startMs);
    const date = this.toLocal(at).date;
    return { at, date, confirmed: this.calendar.day(date).confirmed };
  }

  /** The branch's calendar date of a moment. */
  dateOf(ms: number): IsoDate {
    return this.toLocal(ms).date;
  }

  /** The instant the branch's day begins (local midnight). */
  startOfDay(date: IsoDate): number {
    return this.toInstant({ date, second: 0 });
  }

  /** 'YYYY-MM-DD HH:MM' on the branch's wall clock, as documents print it. */
  wallClock(ms: number): string {
    return new Date(ms + this.hours.utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  }

  /** Whether the calendar for that date comes from a published year file (not general rules). */
  isConfirmed(date: IsoDate): boolean {
    return this.calendar.day(date).confirmed;
  }
}
