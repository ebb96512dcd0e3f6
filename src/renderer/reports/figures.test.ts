import { describe, expect, it } from 'vitest';
import type { Regulation } from '../../shared/regulation';
import type { Report } from '../../shared/reports/report';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { actTitle, breachesByStep, durationText, isEmpty, normsByAct, reasonText, shareText, stepName, surveyShares, ticketsByDay } from './figures';

const t = (locale: 'kk' | 'ru' | 'en') => (key: MessageKey, params?: Params) => translate(locale, key, params);
// The parts of S1 (Aktobe, act 285) a report names: the service and the counter's steps, in the act's words.
const citation = { seed: '000_9c000d9434ad5727.txt', item: '7' };
const step = (id: string, kind: 'process' | 'condition', number: number, kk: string) => ({
  id, kind, number, actor: 'operator', norm: { max: 2, unit: 'minutes' }, effect: 'none', citation,
  title: { kk, ru: kk, en: kk }, ...(kind === 'process' ? { next: 'end' } : { ifYes: 'end', ifNo: 'end' }),
});
const s1 = {
  id: 's1-aktobe-285',
  service: {
    code: 'S1',
    queueGroup: 'A',
    title: {
      kk: 'Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу',
      ru: 'Возмещение затрат на обучение на дому детей-инвалидов',
      en: 'Compensation of the cost of home schooling of disabled children',
    },
  },
  channels: [
    {
      kind: 'stateCorporation',
      steps: [
        step('p1', 'process', 1, 'қызмет көрсету үшін Мемлекеттік корпорацияның операторы'),
        step('p2', 'process', 2, 'Мемлекеттік корпорацияның операторы қызметті таңдайды'),
        step('p3', 'process', 3, 'электрондық үкімет шлюзі арқылы сұрау жібереді'),
        step('c1', 'condition', 1, 'ЖТ МДҚ көрсетілетін қызметті алушының мәліметтерін растайды'),
      ],
    },
  ],
} as unknown as Regulation;
const regulations = { [s1.id]: s1 };

const zeroQueue = { issued: 0, served: 0, noShow: 0, unserved: 0, waitMedianSeconds: null, waitP90Seconds: null, serviceMedianSeconds: null, serviceP90Seconds: null };
function report(overrides: Partial<Report> = {}): Report {
  return {
    query: { period: 'week', from: '2026-02-09', to: '2026-02-15' },
    scope: 'counter',
    training: false,
    generatedAt: '2026-02-15T10:00:00.000Z',
    norms: [],
    breaches: [],
    breachesTotal: 0,
    cases: { total: 0, byStatus: { inProgress: 0, waitingTarget: 0, refused: 0, resultReady: 0, issued: 0 } },
    refusals: { total: 0, byReason: [], byAct: [] },
    survey: { answered: 0, questions: [] },
    queue: { total: zeroQueue, byGroup: [], byOperator: [], byDay: [] },
    byService: [],
    byOperator: [],
    operators: {},
    ...overrides,
  };
}

describe('the report in words', () => {
  it('names an act by its service and a step by the act’s number and words, in each language', () => {
    expect(actTitle(regulations, s1.id, 'kk')).toBe('S1 · Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу');
    expect(actTitle(regulations, s1.id, 'en')).toBe('S1 · Compensation of the cost of home schooling of disabled children');
    expect(actTitle({}, 'gone-act', 'ru')).toBe('gone-act');
    const kk = stepName(t('kk'), 'kk', regulations, s1.id, 'p2');
    expect(kk.label).toBe('2-үдеріс');
    expect(kk.title).toMatch(/^Мемлекеттік корпорацияның операторы/);
    expect(stepName(t('ru'), 'ru', regulations, s1.id, 'c1').label).toBe('Условие 1');
    expect(stepName(t('kk'), 'kk', regulations, s1.id, 'nowhere')).toEqual({ label: 'nowhere', title: null });
  });

  it('says a duration in the unit a supervisor would', () => {
    expect(durationText(t('kk'), 'kk', null)).toBe('—');
    expect(durationText(t('kk'), 'kk', 45)).toBe('45 сек');
    expect(durationText(t('ru'), 'ru', 150)).toBe('2,5 мин');
    expect(durationText(t('en'), 'en', 5400)).toBe('1.5 h');
    expect(durationText(t('kk'), 'kk', 2 * 86_400)).toBe('2 күн');
    expect(shareText('ru', 0.375)).toBe('37,5 %');
  });

  it('reads a refusal’s reason in Kazakh or Russian, English taking the Russian', () => {
    const reason = { kk: 'құжат жоқ', ru: 'нет документа' };
    expect([reasonText(reason, 'kk'), reasonText(reason, 'ru'), reasonText(reason, 'en')]).toEqual(['құжат жоқ', 'нет документа', 'нет документа']);
  });

  it('calls a period empty only when nothing at all happened in it', () => {
    expect(isEmpty(report())).toBe(true);
    expect(isEmpty(report({ queue: { total: { ...zeroQueue, issued: 1 }, byGroup: [], byOperator: [], byDay: [] } }))).toBe(false);
    expect(isEmpty(report({ cases: { total: 1, byStatus: { inProgress: 1, waitingTarget: 0, refused: 0, resultReady: 0, issued: 0 } } }))).toBe(false);
  });

  it('draws every day of the week, the quiet ones as zeros', () => {
    const days = ticketsByDay(report({ queue: { total: zeroQueue, byGroup: [], byOperator: [], byDay: [{ day: '2026-02-11', issued: 5, served: 3, noShow: 1 }] } }));
    expect(days.map((d) => d.label)).toEqual(['09.02', '10.02', '11.02', '12.02', '13.02', '14.02', '15.02']);
    expect(days[2]).toEqual({ day: '2026-02-11', label: '11.02', issued: 5, served: 3, noShow: 1 });
    expect(days.filter((d) => d.issued > 0)).toHaveLength(1);
  });

  it('stacks the survey’s shares per question and lists breached steps most first', () => {
    const shares = surveyShares(
      report({
        survey: {
          answered: 3,
          questions: [{ question: 'processQuality', answers: [{ value: 1, count: 1, share: 1 / 3 }, { value: 2, count: 0, share: 0 }, { value: 3, count: 2, share: 2 / 3 }] }],
        },
      }),
      t('kk'),
    );
    expect(shares).toEqual([{ question: 'Үдеріс пен нәтиженің сапасы', key: 'processQuality', a1: 33.3, a2: 0, a3: 66.7 }]);
    const norm = (step: string, breaches: number) => ({ regulationId: s1.id, step, norm: null, count: 4, medianSeconds: 10, p90Seconds: 20, breaches });
    const steps = breachesByStep(report({ norms: [norm('p1', 1), norm('p2', 0), norm('p3', 3)] }), t('kk'), 'kk', regulations);
    expect(steps.map((s) => [s.label, s.breaches])).toEqual([['S1 · 3-үдеріс', 3], ['S1 · 1-үдеріс', 1]]);
  });

  it('groups the norms by act, steps in the order the act runs them, steps nobody ended left out', () => {
    const norm = (regulationId: string, step: string, count: number) => ({ regulationId, step, norm: null, count, medianSeconds: null, p90Seconds: null, breaches: 0 });
    const groups = normsByAct(report({ norms: [norm(s1.id, 'c1', 2), norm('other-act', 'p9', 1), norm(s1.id, 'p1', 3), norm(s1.id, 'p3', 0), norm(s1.id, 'p2', 1)] }), regulations);
    expect(groups.map((g) => [g.regulationId, g.steps.map((n) => n.step)])).toEqual([
      [s1.id, ['p1', 'p2', 'c1']],
      ['other-act', ['p9']],
    ]);
  });
});
