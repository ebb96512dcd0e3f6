/**
 * Dates and times in the operator's language. Month and weekday names come from the catalogues:
 * Chromium's ICU has no full Kazakh calendar names and prints "2026 M11 22" for kk.
 */
import type { Locale } from '../../shared/schemas';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/localeStore';

const two = (n: number) => String(n).padStart(2, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function localParts(at: Date): Parts {
  return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate(), weekday: at.getDay() };
}

function words(t: Translate, p: Parts) {
  return {
    year: p.year,
    day: p.day,
    month: t(`date.month.${p.month}` as MessageKey),
    weekday: t(`date.weekday.${p.weekday}` as MessageKey),
  };
}

/** "2026 жылғы 22 қараша, жексенбі" — today's date on the home page. */
export function formatFullDate(t: Translate, at: Date): string {
  return t('date.full', words(t, localParts(at)));
}

/** A birth date from an IIN (yyyy-mm-dd, no time zone). */
export function formatBirthDate(t: Translate, isoDate: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return t('date.long', words(t, { year, month, day, weekday: 0 }));
}

/** "15:04", or "23 қараша, 08:41" when the moment is not today. */
export function formatMoment(t: Translate, at: Date | string, now = new Date()): string {
  const date = new Date(at);
  const time = `${two(date.getHours())}:${two(date.getMinutes())}`;
  if (date.toDateString() === now.toDateString()) return time;
  return `${t('date.dayMonth', words(t, localParts(date)))}, ${time}`;
}

/** "22.11.2026 15:04:05": the audit log's exact time, sortable by eye in every language. */
export function formatTimestamp(at: Date | string): string {
  const d = new Date(at);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "2,5" in Kazakh and Russian, "2.5" in English; not through Intl, whose Kazakh data Chromium lacks. */
export function formatDecimal(locale: Locale, value: number): string {
  const text = String(Math.round(value * 10) / 10);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A calendar date of the act or the case (yyyy-mm-dd): "2016 жылғы 5 шілде". */
export function formatIsoDate(t: Translate, isoDate: string): string {
  return formatBirthDate(t, isoDate);
}

/** Russian counts words three ways (1 день, 2 дня, 5 дней); Kazakh and English need fewer. */
export function pluralForm(value: number): 'one' | 'few' | 'many' {
  if (!Number.isInteger(value)) return 'few';
  const ten = value % 10;
  const hundred = value % 100;
  if (ten === 1 && hundred !== 11) return 'one';
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return 'few';
  return 'many';
}

/** Elapsed time on a counter clock: "0:42", "12:05", "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
