/**
 * Dates as an applicant reads them on paper, in Kazakh or Russian. Written out here rather than
 * through Intl: Chromium and Node ship no Kazakh month names.
 */
import type { DocumentLocale } from '../../shared/cases';

const MONTHS: Record<DocumentLocale, string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};

/** 'YYYY-MM-DD' → "2026 жылғы 7 желтоқсан" / "7 декабря 2026 г."; anything else is left as it is. */
export function wordedDate(date: string, locale: DocumentLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = MONTHS[locale][Number(mo) - 1];
  if (!month) return date;
  return locale === 'kk' ? `${y} жылғы ${Number(d)} ${month}` : `${Number(d)} ${month} ${y} г.`;
}

/** 'YYYY-MM-DD HH:MM' → the worded date and the time. */
export function wordedDateTime(dateTime: string, locale: DocumentLocale): string {
  const time = dateTime.slice(11, 16);
  return time ? `${wordedDate(dateTime, locale)}, ${time}` : wordedDate(dateTime, locale);
}
