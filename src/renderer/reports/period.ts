/**
 * The days a report covers. Weeks run Monday to Sunday, as Kazakhstan counts them (and as the
 * working calendar of the acts' norms does); a month is its calendar month. Days are yyyy-mm-dd in
 * the counter's time zone, worked on at noon so a daylight-saving change never moves a date.
 */
import type { ReportPeriod } from '../../shared/reports/report';

export interface Span {
  period: ReportPeriod;
  from: string;
  to: string;
}

const two = (n: number) => String(n).padStart(2, '0');

export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function noon(day: string): Date {
  return new Date(`${day}T12:00:00`);
}

export function addDays(day: string, days: number): string {
  const d = noon(day);
  d.setDate(d.getDate() + days);
  return isoDay(d);
}

/** Monday of the week the day falls in (getDay: Sunday 0 … Saturday 6). */
export function mondayOf(day: string): string {
  const weekday = noon(day).getDay();
  return addDays(day, -((weekday + 6) % 7));
}

function lastOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return isoDay(new Date(year, month, 0, 12));
}

/** The day, week or month that holds `anchor`; a range keeps the days it was given. */
export function spanOf(period: Exclude<ReportPeriod, 'range'>, anchor: string): Span {
  if (period === 'day') return { period, from: anchor, to: anchor };
  if (period === 'week') {
    const from = mondayOf(anchor);
    return { period, from, to: addDays(from, 6) };
  }
  const [year, month] = anchor.split('-').map(Number) as [number, number];
  return { period, from: `${year}-${two(month)}-01`, to: lastOfMonth(year, month) };
}

/** The span before (-1) or after (+1): the previous week, the next month; a range moves by its own length. */
export function shiftSpan(span: Span, by: -1 | 1): Span {
  if (span.period === 'range') {
    const length = daysBetween(span.from, span.to) + 1;
    return { period: 'range', from: addDays(span.from, by * length), to: addDays(span.to, by * length) };
  }
  if (span.period === 'month') {
    const [year, month] = span.from.split('-').map(Number) as [number, number];
    return spanOf('month', isoDay(new Date(year, month - 1 + by, 1, 12)));
  }
  return spanOf(span.period, addDays(span.from, by * (span.period === 'week' ? 7 : 1)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((noon(to).getTime() - noon(from).getTime()) / 86_400_000);
}

/** "15.02.2026" for a day. */
export function dotted(day: string): string {
  return day.split('-').reverse().join('.');
}

/** A day as typed (d.m.yyyy or dd.mm.yyyy), or null when it is no real day (31.02 comes back from Date as March). */
export function parseDotted(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isoDay(noon(iso)) === iso ? iso : null;
}

/** "09.02.2026 – 15.02.2026", or the one day. */
export function spanText(span: Pick<Span, 'from' | 'to'>): string {
  return span.from === span.to ? dotted(span.from) : `${dotted(span.from)} – ${dotted(span.to)}`;
}

/** Every day of the span, for charts that must show the quiet days too. */
export function daysOf(span: Pick<Span, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = span.from; day <= span.to && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}
