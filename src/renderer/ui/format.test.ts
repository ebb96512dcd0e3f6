import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { formatBirthDate, formatDecimal, formatFullDate, formatMoment } from './format';

const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Params) => translate(locale, key, params);

describe('dates in the operator language', () => {
  const sunday = new Date(2026, 10, 22, 15, 4);

  it('writes the full date the way each language does', () => {
    expect(formatFullDate(t('kk'), sunday)).toBe('2026 жылғы 22 қараша, жексенбі');
    expect(formatFullDate(t('ru'), sunday)).toBe('воскресенье, 22 ноября 2026 г.');
    expect(formatFullDate(t('en'), sunday)).toBe('Sunday, 22 November 2026');
  });

  it('reads an IIN birth date without shifting it by the time zone', () => {
    expect(formatBirthDate(t('kk'), '1985-03-12')).toBe('1985 жылғы 12 наурыз');
  });

  it('adds the day only when the moment is not today', () => {
    expect(formatMoment(t('kk'), new Date(2026, 10, 22, 8, 5), sunday)).toBe('08:05');
    expect(formatMoment(t('kk'), new Date(2026, 10, 23, 8, 5), sunday)).toBe('23 қараша, 08:05');
  });

  it('uses a decimal comma in Kazakh and Russian', () => {
    expect(formatDecimal('kk', 2.5)).toBe('2,5');
    expect(formatDecimal('en', 2.5)).toBe('2.5');
  });
});
