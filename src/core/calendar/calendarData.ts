/**
 * The working-day calendar of Kazakhstan, one file a year in resources/calendar/: the
 * non-working days (holidays, the rest days they move to, the government's transfers) and the
 * weekend days made working by a transfer. Updated as data when an order is published.
 */
import { z } from 'zod';
import { loadDataFiles, type DataFileProblem } from '../dataFiles';
import { Text } from '../../shared/regulation';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Day = z.strictObject({ date: IsoDate, name: Text });

export const CalendarYear = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** Where the year's facts come from (the law, the orders moving days). */
    source: z.string().min(1),
    nonWorking: z.array(Day),
    workingWeekends: z.array(Day),
  })
  .superRefine((y, ctx) => {
    for (const [list, days] of [['nonWorking', y.nonWorking], ['workingWeekends', y.workingWeekends]] as const) {
      days.forEach((d, i) => {
        if (!d.date.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', message: 'calendar.otherYear', path: [list, i, 'date'] });
      });
    }
    y.workingWeekends.forEach((d, i) => {
      const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) ctx.addIssue({ code: 'custom', message: 'calendar.notWeekend', path: ['workingWeekends', i, 'date'] });
    });
  });
export type CalendarYear = z.infer<typeof CalendarYear>;

export type CalendarProblem = DataFileProblem;

/**
 * Reads every kz-YYYY.json. A file that does not fit is set aside with its name and field: that
 * year falls back to the general rules (and says it is unconfirmed) instead of stopping the start.
 */
export function loadCalendar(dir: string): { years: CalendarYear[]; problems: CalendarProblem[] } {
  const { items, problems } = loadDataFiles(dir, /^kz-\d{4}\.json$/, CalendarYear);
  return { years: items.map((i) => i.data), problems };
}

/** The years that parse; the tests and benchmarks read the shipped files this way. */
export function loadCalendarYears(dir: string): CalendarYear[] {
  return loadCalendar(dir).years;
}
