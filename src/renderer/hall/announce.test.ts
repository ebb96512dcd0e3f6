import { describe, expect, it } from 'vitest';
import { announcementTexts, chooseVoice, DEFAULT_TEMPLATES, fillTemplate } from './announce';

const voice = (lang: string, name = lang, localService = false) => ({ lang, name, default: false, localService });

describe('the board announcement', () => {
  it('says the number and the window in Kazakh, then in Russian', () => {
    expect(announcementTexts(DEFAULT_TEMPLATES, { number: 'A-015', window: '3' })).toEqual([
      { locale: 'kk', text: 'A-015 талон, 3-терезе' },
      { locale: 'ru', text: 'Талон A-015, окно 3' },
    ]);
  });

  it('fills every placeholder and leaves other braces as written', () => {
    expect(fillTemplate('{number} → {window}, {number} {other}', { number: 'B-002', window: '12' })).toBe('B-002 → 12, B-002 {other}');
  });

  it('falls back to the default wording when a template is left empty', () => {
    expect(announcementTexts({ kk: '  ', ru: 'Номер {number}' }, { number: 'C-001', window: '1' })).toEqual([
      { locale: 'kk', text: 'C-001 талон, 1-терезе' },
      { locale: 'ru', text: 'Номер C-001' },
    ]);
  });

  it('picks a voice by the language, a local one first, and none when there is none', () => {
    const voices = [voice('en-US'), voice('ru-RU', 'remote'), voice('ru_RU', 'local', true), voice('kk-KZ')];
    expect(chooseVoice(voices, 'ru')?.name).toBe('local');
    expect(chooseVoice(voices, 'kk')?.name).toBe('kk-KZ');
    expect(chooseVoice([voice('en-US')], 'kk')).toBeNull();
    expect(chooseVoice([voice('kk')], 'kk')?.lang).toBe('kk');
  });
});
