/**
 * The working-day calendar of Kazakhstan, one file a year in resources/calendar/: the
 * non-working days (holidays, the rest days they move to, the government's transfers) and the
 * weekend days made working by a transfer. Updated as data when an order is published.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
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

/** Reads every kz-YYYY.json; a file that does not parse is named in the thrown error. */
export function loadCalendarYears(dir: string): CalendarYear[] {
  return readdirSync(dir)
    .filter((f) => /^kz-\d{4}\.json$/.test(f))
    .sort()
    .map((file) => {
      const parsed = CalendarYear.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        throw new Error(`calendar file ${file}: ${first.path.join('.')} ${first.message}`);
      }
      return parsed.data;
    });
}
