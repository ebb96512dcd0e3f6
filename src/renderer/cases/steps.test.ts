import { describe, expect, it } from 'vitest';
import type { Channel, Effect } from '../../shared/regulation';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { asLine, formatNorm, panelFor, panelTitleKey, stepLabel, stepRows, timerTone } from './steps';

const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Params) => translate(locale, key, params);

const citation = { seed: '000_9c000d9434ad5727.txt', item: '7' };
const title = { kk: 'қадам', ru: 'шаг', en: 'step' };
const base = { actor: 'operator' as const, title, norm: { max: 2, unit: 'minutes' as const }, citation };
const channel: Channel = {
  kind: 'stateCorporation',
  deadline: null,
  citation,
  steps: [
    { ...base, id: 'start', kind: 'start', effect: 'handOver', next: 'p1' },
    { ...base, id: 'p1', kind: 'process', number: 1, effect: 'requestForm', next: 'c1' },
    { ...base, id: 'c1', kind: 'condition', number: 1, effect: 'stateDatabaseCheck', ifYes: 'p3', ifNo: 'p2' },
    { ...base, id: 'p2', kind: 'process', number: 2, effect: 'refusalDataUnavailable', next: 'end', ends: 'refusal' },
    { ...base, id: 'p3', kind: 'process', number: 3, effect: 'forward', next: 'end', ends: 'result' },
  ],
};
const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 4, 0, s)).toISOString();
const record = (step: string, start: number, end: number | null, outcome: string | null = null) => ({
  step, startedAt: at(start), endedAt: end === null ? null : at(end), outcome, normDueAt: at(start + 120), breached: false,
});

describe('the step list', () => {
  it('numbers the steps as the act does, in each language', () => {
    expect(stepLabel(t('kk'), { kind: 'process', number: 2 })).toBe('2-үдеріс');
    expect(stepLabel(t('kk'), { kind: 'condition', number: 1 })).toBe('1-шарт');
    expect(stepLabel(t('ru'), { kind: 'condition', number: 1 })).toBe('Условие 1');
    expect(stepLabel(t('en'), { kind: 'process', number: 3 })).toBe('Process 3');
  });

  it('marks done, current, skipped and pending steps', () => {
    const rows = stepRows(channel, { step: 'p3', steps: [record('start', 0, 5), record('p1', 5, 9), record('c1', 9, 9, 'yes'), record('p3', 9, null)] });
    expect(rows.map((r) => [r.step.id, r.state])).toEqual([
      ['start', 'done'], ['p1', 'done'], ['c1', 'done'], ['p2', 'skipped'], ['p3', 'current'],
    ]);
    const early = stepRows(channel, { step: 'p1', steps: [record('start', 0, 5), record('p1', 5, null)] });
    expect(early.map((r) => r.state)).toEqual(['done', 'current', 'pending', 'pending', 'pending']);
    const refused = stepRows(channel, { step: 'endedWithRefusal', steps: [record('start', 0, 5), record('p1', 5, 9), record('c1', 9, 9, 'no'), record('p2', 9, 10)] });
    expect(refused.map((r) => r.state)).toEqual(['done', 'done', 'done', 'done', 'skipped']);
  });

  it('writes norms with their units, ranges and Russian plurals', () => {
    expect(formatNorm(t('kk'), 'kk', { max: 2, unit: 'minutes' })).toBe('2 мин');
    expect(formatNorm(t('kk'), 'kk', { min: 30, max: 60, unit: 'seconds' })).toBe('30 сек – 1 мин');
    expect(formatNorm(t('ru'), 'ru', { max: 1.5, unit: 'minutes' })).toBe('1,5 мин');
    expect(formatNorm(t('ru'), 'ru', { max: 10, unit: 'workingDays' })).toBe('10 рабочих дней');
    expect(formatNorm(t('ru'), 'ru', { max: 3, unit: 'workingDays' })).toBe('3 рабочих дня');
    expect(formatNorm(t('ru'), 'ru', { max: 21, unit: 'calendarDays' })).toBe('21 календарный день');
    expect(formatNorm(t('kk'), 'kk', { max: 10, unit: 'workingDays' })).toBe('10 жұмыс күні');
    expect(formatNorm(t('en'), 'en', { max: 1, unit: 'workingDays' })).toBe('1 working day');
    expect(formatNorm(t('en'), 'en', { max: 21, unit: 'workingDays' })).toBe('21 working days');
    expect(formatNorm(t('en'), 'en', { min: 10, max: 15, unit: 'seconds' })).toBe('10–15 s');
  });

  it('capitalises an act’s list item as a line of its own', () => {
    expect(asLine('көрсетілетін қызметті алушы')).toBe('Көрсетілетін қызметті алушы');
    expect(asLine('"Е-собес" АЖ тіркеу')).toBe('"Е-собес" АЖ тіркеу');
    expect(asLine('электрондық үкімет шлюзі')).toBe('Электрондық үкімет шлюзі');
  });
});

describe('the running timer', () => {
  const start = Date.UTC(2026, 10, 23, 4, 0, 0);
  const due = start + 120_000;
  it('is calm, then amber in the last quarter, then red past the norm', () => {
    expect(timerTone(start + 30_000, start, due).tone).toBe('calm');
    expect(timerTone(start + 95_000, start, due).tone).toBe('near');
    expect(timerTone(start + 121_000, start, due).tone).toBe('over');
    expect(timerTone(start + 10_000, start, null).tone).toBe('none');
  });
});

describe('the panel the operator works in', () => {
  const at = (step: string, counterDone = false) => ({ step, counterDone });
  const effect = (e: Effect) => ({ effect: e });

  it('follows the step along the counter flow', () => {
    expect(panelFor(effect('handOver'), at('start'))).toBe('handOver');
    expect(panelFor(effect('requestForm'), at('p2'))).toBe('requestForm');
    expect(panelFor(effect('scanAndSign'), at('p5'))).toBe('forward');
    expect(panelFor(effect('forward'), at('p5'))).toBe('forward');
    expect(panelFor(effect('targetRegisters'), at('p6'))).toBe('waiting');
    expect(panelFor(effect('issueResult'), at('p9', true))).toBe('issue');
    expect(panelFor(effect('forward'), at('endedWithRefusal', true))).toBe('outcome');
    expect(panelFor(undefined, at('gone'))).toBe('none');
  });

  it('lets the operator sign and forward while ЖТ МДҚ has not answered', () => {
    expect(panelFor(effect('stateDatabaseRequest'), at('p3'))).toBe('acceptWithoutAnswer');
    expect(panelTitleKey('acceptWithoutAnswer')).toBe('panel.waiting');
  });

  it('leaves nothing to do at the counter once the counter part is done', () => {
    expect(panelFor(effect('stateDatabaseRequest'), at('p3', true))).toBe('waiting');
    expect(panelFor(effect('forward'), at('p5', true))).toBe('waiting');
  });
});
