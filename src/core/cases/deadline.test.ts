/** The terms each act sets, as the receipt will state them, on the working calendar. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../shared/regulation';
import { loadCalendarYears } from '../calendar/calendarData';
import { TermClock } from '../calendar/termClock';
import { WorkingCalendar } from '../calendar/workingCalendar';
import { loadRegulations } from '../regulations/loadRegulations';
import { deadlineTerms } from './deadline';

const RESOURCES = join(__dirname, '../../../resources');
const { regulations } = loadRegulations(join(RESOURCES, 'regulations'));
const clock = new TermClock(new WorkingCalendar(loadCalendarYears(join(RESOURCES, 'calendar'))));
const terms = (id: string, channel: ChannelKind, missing = false) => {
  const r = regulations.find((x) => x.id === id)!;
  return deadlineTerms(r, r.channels.find((c) => c.kind === channel)!, missing);
};
/** Accepted on Monday 2 March 2026 at 10:00 in the branch (UTC+5). */
const accepted = Date.parse('2026-03-02T10:00:00+05:00');

describe('the terms of the acts', () => {
  it('S4 Almaty: 7 working days at the provider, 4 at a rural akim; 19 and 16 with documents missing', () => {
    expect(terms('s4-almaty-81', 'provider')).toEqual([{ amount: 7, unit: 'workingDays' }]);
    expect(terms('s4-almaty-81', 'ruralAkim')).toEqual([{ amount: 4, unit: 'workingDays' }]);
    expect(terms('s4-almaty-81', 'provider', true)).toEqual([{ amount: 19, unit: 'workingDays' }]);
    expect(terms('s4-almaty-81', 'ruralAkim', true)).toEqual([{ amount: 16, unit: 'workingDays' }]);
    // 3–6, 10–12 March (9 March: the Women's Day rest day moved from Sunday the 8th).
    expect(clock.due(accepted, terms('s4-almaty-81', 'provider')).date).toBe('2026-03-12');
    // 19 working days run across Nauryz (21–25 March): 3–6, 10–13, 16–20, 26–27, 30–31 March, 1–2 April.
    expect(clock.due(accepted, terms('s4-almaty-81', 'provider', true)).date).toBe('2026-04-02');
  });

  it('S5 portal: 30 calendar days, moved off a non-working end', () => {
    expect(terms('s5-aktobe-33', 'portal')).toEqual([{ amount: 30, unit: 'calendarDays' }]);
    // 2 March + 30 days = 1 April 2026, a Wednesday.
    expect(clock.due(accepted, terms('s5-aktobe-33', 'portal')).date).toBe('2026-04-01');
    // From 22 February the 30 days end on Tuesday 24 March, in Nauryz: the term ends on the 26th.
    expect(clock.due(Date.parse('2026-02-22T10:00:00+05:00'), terms('s5-aktobe-33', 'portal')).date).toBe('2026-03-26');
  });

  it('S2 through the ХҚКО: the sum of table 2, dominated by the 3 working days of process 9', () => {
    const t = terms('s2-ekibastuz-168-2', 'stateCorporation');
    expect(t).toContainEqual({ amount: 3, unit: 'workingDays' });
    expect(t.filter((x) => x.unit !== 'workingDays').every((x) => x.unit === 'seconds' || x.unit === 'minutes')).toBe(true);
    expect(clock.due(accepted, t).date).toBe('2026-03-05');
  });

  it('S1 Aktobe: 20 min + 10 min + 10 working days + 10 min + 20 min of the provider flow', () => {
    expect(terms('s1-aktobe-285', 'stateCorporation')).toEqual([
      { amount: 20, unit: 'minutes' },
      { amount: 10, unit: 'minutes' },
      { amount: 10, unit: 'workingDays' },
      { amount: 10, unit: 'minutes' },
      { amount: 20, unit: 'minutes' },
    ]);
  });

  it('S4 Karaganda: 30 min + 1 + 6 (20 with documents missing) + 1 working days + 15 min', () => {
    const units = (missing: boolean) => terms('s4-karaganda-38-08', 'provider', missing).map((t) => `${t.amount} ${t.unit}`);
    expect(units(false)).toEqual(['30 minutes', '1 workingDays', '6 workingDays', '1 workingDays', '15 minutes']);
    expect(units(true)).toEqual(['30 minutes', '1 workingDays', '20 workingDays', '1 workingDays', '15 minutes']);
  });

  it('an act that states no term gives none (S1 Karaganda restates only the counter flow)', () => {
    expect(terms('s1-karaganda-38-08', 'stateCorporation')).toEqual([]);
  });
});
