/**
 * The supervisor's report checked against a day generated with known numbers (`plantedDay.ts`):
 * 500 tickets and 200 cases, every figure exact, through the contract of a real workstation core.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../src/core/workstation';
import { Report, type NormBreach } from '../../src/shared/reports/report';
import { makeIin } from '../support/iins';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';
import { openCounter } from '../support/counter';
import {
  DAY, ENDED_BREACHES, GENERATED_AT, OPERATORS, REASON_DATA, REASON_DISABILITY, REASON_PMPK, S1A, S1K, S2,
  normOf, plantDay, serviceSeconds, waitSeconds, type Planted,
} from './plantedDay';

const TEMPORARY = 'Уақытша-құпиясөз-1';
const PASSWORD = 'Бақылаушы-құпиясөз-2026';
let core: TestCore;
let planted: Planted;

beforeAll(async () => {
  core = openTestCore();
  // 17:00 on the branch's clock (UTC+5) of the planted day.
  core.clock.advance(3 * 3_600_000);
  await core.call('setup.createAdmin', ADMIN, 'admin');
  for (const [i, login] of OPERATORS.entries()) {
    await core.call('operators.create', { login, fullName: `Оператор Қызметкер ${i + 1}`, iin: makeIin('880512', '3', 100 + i), role: 'operator', password: TEMPORARY }, 'admin');
  }
  await core.call('operators.create', { login: 'supervisor1', fullName: 'Гүлнәр Бақылаушы', iin: makeIin('790101', '4', 55), role: 'supervisor', password: TEMPORARY }, 'admin');
  await core.call('auth.login', { login: 'supervisor1', password: TEMPORARY }, 'sup');
  await core.call('auth.changePassword', { current: TEMPORARY, next: PASSWORD }, 'sup');
  const db = new Database(databasePath(core.dataDir));
  try {
    const ids = Object.fromEntries((db.prepare('SELECT id, login FROM operators').all() as { id: number; login: string }[]).map((r) => [r.login, r.id]));
    planted = db.transaction(() => plantDay(db, ids))();
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => core?.dispose());

const report = async (query: Partial<{ period: string; from: string; to: string; group: string; regulationId: string; operator: string }> = {}) =>
  Report.parse(await core.call('reports.get', { period: 'day', from: DAY, to: DAY, ...query } as never, 'sup'));
const drill = async (drill: unknown, query: object = {}) =>
  (await core.call('reports.cases', { query: { period: 'day', from: DAY, to: DAY, ...query }, drill } as never, 'sup')).cases;
const numbersOf = (xs: { number: string }[]) => xs.map((x) => x.number).sort();

/** Queue figures of a window's cell: its called tickets hold wait ranks a+1 … a+n, its served ones service ranks b+1 … b+m. */
function cellFigures(issued: number, served: number, noShow: number, unserved: number, waits: [number, number], services: [number, number]) {
  const rank = ([first, last]: [number, number], p: number) => first - 1 + Math.ceil(p * (last - first + 1));
  return {
    issued, served, noShow, unserved,
    waitMedianSeconds: waitSeconds(rank(waits, 0.5)), waitP90Seconds: waitSeconds(rank(waits, 0.9)),
    serviceMedianSeconds: serviceSeconds(rank(services, 0.5)), serviceP90Seconds: serviceSeconds(rank(services, 0.9)),
  };
}
// The cells as planted: operator1 at group A with wait ranks 1–170 and service ranks 1–150, operator2
// at A with 171–285 and 151–250, operator3 at B with 286–450 and 251–400; 20 (A) and 30 (B) unserved.
const OPERATOR1 = cellFigures(170, 150, 20, 0, [1, 170], [1, 150]);
const OPERATOR2 = cellFigures(115, 100, 15, 0, [171, 285], [151, 250]);
const OPERATOR3 = cellFigures(165, 150, 15, 0, [286, 450], [251, 400]);
const GROUP_A = cellFigures(305, 250, 35, 20, [1, 285], [1, 250]);
const GROUP_B = cellFigures(195, 150, 15, 30, [286, 450], [251, 400]);
const TOTAL = cellFigures(500, 400, 50, 50, [1, 450], [1, 400]);

const byOverrun = (a: NormBreach, b: NormBreach) => b.overSeconds - a.overSeconds || a.caseNumber.localeCompare(b.caseNumber) || a.step.localeCompare(b.step);

describe('a day of 500 tickets and 200 cases: every figure as planted', () => {
  it('cases by status, refusals by reason and act, the survey', async () => {
    const r = await report();
    expect(r).toMatchObject({ scope: 'counter', training: false, generatedAt: GENERATED_AT });
    // PLAN: S1 Aktobe 50/20/15/5/10, S1 Karaganda 20/10/5/0/5, S2 30/15/5/5/5.
    expect(r.cases).toEqual({ total: 200, byStatus: { issued: 100, refused: 45, resultReady: 25, waitingTarget: 10, inProgress: 20 } });
    expect(r.refusals).toEqual({
      total: 45,
      // Data not obtainable 8 + 4 + 5 (the notice's own words), ПМПК 12 + 3, disability certificate 6 + 7.
      byReason: [{ reason: REASON_DATA, count: 17 }, { reason: REASON_PMPK, count: 15 }, { reason: REASON_DISABILITY, count: 13 }],
      byAct: [{ regulationId: S1A, count: 20 }, { regulationId: S2, count: 15 }, { regulationId: S1K, count: 10 }],
    });
    expect(r.survey).toEqual({
      answered: 80,
      questions: [
        { question: 'processQuality', answers: [{ value: 1, count: 8, share: 0.1 }, { value: 2, count: 20, share: 0.25 }, { value: 3, count: 52, share: 0.65 }] },
        { question: 'informationQuality', answers: [{ value: 1, count: 12, share: 0.15 }, { value: 2, count: 28, share: 0.35 }, { value: 3, count: 40, share: 0.5 }] },
      ],
    });
  });

  it('the queue: issued, served, no-shows, unserved, wait and service times in total, by group, operator and day', async () => {
    const r = await report();
    // Spelled out once, so the closed form above is itself checked: the median of 450 waits is the 225th.
    expect(TOTAL).toEqual({ issued: 500, served: 400, noShow: 50, unserved: 50, waitMedianSeconds: 480, waitP90Seconds: 840, serviceMedianSeconds: 720, serviceP90Seconds: 1200 });
    expect(r.queue.total).toEqual(TOTAL);
    expect(r.queue.byGroup).toEqual([{ group: 'A', ...GROUP_A }, { group: 'B', ...GROUP_B }]);
    expect(r.queue.byOperator).toEqual([
      { operator: 'operator1', ...OPERATOR1 },
      { operator: 'operator2', ...OPERATOR2 },
      { operator: 'operator3', ...OPERATOR3 },
    ]);
    expect(r.queue.byDay).toEqual([{ day: DAY, issued: 500, served: 400, noShow: 50 }]);
  });

  it('every step of every act: norm, count, median, p90 and breaches', async () => {
    const r = await report();
    const expected = [...planted.pools.values()].map((p) => {
      const count = p.n + p.longer;
      // The nearest rank; the longer ones (other days' cases) are all above the day's own ranks.
      const at = (q: number) => Math.round(p.durationMs(Math.ceil(q * count)) / 1000);
      expect(Math.ceil(0.9 * count)).toBeLessThanOrEqual(p.n);
      return { regulationId: p.act, step: p.step, norm: normOf(p.act, p.step), count, medianSeconds: at(0.5), p90Seconds: at(0.9), breaches: p.breaches + p.openBreaches };
    });
    const key = (x: { regulationId: string; step: string }) => `${x.regulationId}|${x.step}`;
    expect([...r.norms].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    // The acts' steps in their order: process 2 before process 10, whatever the letters say.
    expect(r.norms.filter((n) => n.regulationId === S2).map((n) => n.step)).toEqual(['c1', 'c2', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
  });

  it('breaches listed longest first with their cases, open ones counted to the report’s making', async () => {
    const r = await report();
    const ended = Object.values(ENDED_BREACHES).flatMap((steps) => Object.values(steps)).reduce((a, b) => a + b, 0);
    // 26 ended on the day; 13 results and 5 document checks of S1 Aktobe still open past 2 minutes;
    // two earlier cases' process 9 due on the day and still open, one ended on the day past it.
    expect(ended).toBe(26);
    expect(r.breachesTotal).toBe(26 + 13 + 5 + 2 + 1);
    expect(r.breaches).toEqual([...planted.breaches].sort(byOverrun));
    expect(r.breaches[0]).toMatchObject({ caseNumber: planted.earlier.openBreachP9[0], step: 'p9', endedAt: null, overSeconds: 6.5 * 3600 });
    expect(r.byService).toEqual([
      { regulationId: S1A, cases: 100, refused: 20, issued: 50, breaches: 16 + 13 + 5 },
      { regulationId: S1K, cases: 40, refused: 10, issued: 20, breaches: 2 },
      { regulationId: S2, cases: 60, refused: 15, issued: 30, breaches: 8 + 3 },
    ]);
    const tally = (login: string) => ({
      operator: login,
      cases: planted.cases.filter((c) => c.operator === login).length,
      refused: planted.cases.filter((c) => c.operator === login && c.status === 'refused').length,
      breaches: planted.breaches.filter((b) => b.operator === login).length,
    });
    expect(r.byOperator).toEqual(OPERATORS.map(tally));
    expect(r.byOperator.map((o) => o.cases)).toEqual([80, 70, 50]);
  });

  it('drills down from a figure to exactly its planted cases', async () => {
    const planted_ = (f: (c: Planted['cases'][number]) => boolean) => planted.cases.filter(f).map((c) => c.number).sort();
    expect(numbersOf(await drill({ figure: 'status', status: 'waitingTarget' }))).toEqual(planted_((c) => c.status === 'waitingTarget'));
    const disability = await drill({ figure: 'refusalReason', reason: REASON_DISABILITY.ru });
    expect(numbersOf(disability)).toEqual(planted_((c) => c.reason === 'disability'));
    expect(disability).toHaveLength(13);
    expect(disability[0]!.refusalReason).toEqual(REASON_DISABILITY);
    expect(numbersOf(await drill({ figure: 'refusalReason', reason: REASON_DATA.kk }))).toEqual(planted_((c) => c.reason === 'data'));
    expect(numbersOf(await drill({ figure: 'refusalAct', regulationId: S2 }))).toEqual(planted_((c) => c.act === S2 && c.status === 'refused'));
    expect(numbersOf(await drill({ figure: 'service', regulationId: S1K }))).toHaveLength(40);
    expect(numbersOf(await drill({ figure: 'operator', operator: 'operator3' }))).toEqual(planted_((c) => c.operator === 'operator3'));
    expect(numbersOf(await drill({ figure: 'survey', question: 'processQuality', value: 1 }))).toEqual(planted_((c) => c.survey?.processQuality === 1));
    expect(numbersOf(await drill({ figure: 'breach', regulationId: S1A, step: 'p2' }))).toEqual(
      planted.breaches.filter((b) => b.regulationId === S1A && b.step === 'p2').map((b) => b.caseNumber).sort(),
    );
    // Process 9's breaches belong to cases opened days before: the drill-down still finds them, openable here.
    const p9 = await drill({ figure: 'breach', regulationId: S2, step: 'p9' });
    expect(p9.map((c) => c.number)).toEqual([planted.earlier.endedBreachP9, ...planted.earlier.openBreachP9]);
    expect(p9.every((c) => c.caseId !== null && c.createdAt < `${DAY}`)).toBe(true);
  });

  it('narrows to a group, an act or an operator', async () => {
    const b = await report({ group: 'B' });
    expect(b.cases.total).toBe(60);
    expect(b.refusals.total).toBe(15);
    expect(b.breachesTotal).toBe(11);
    expect(new Set(b.norms.map((n) => n.regulationId))).toEqual(new Set([S2]));
    expect(b.queue.total).toEqual(GROUP_B);

    const karaganda = await report({ regulationId: S1K });
    expect(karaganda.cases).toMatchObject({ total: 40, byStatus: { issued: 20, refused: 10, resultReady: 5, waitingTarget: 0, inProgress: 5 } });
    expect(karaganda.breachesTotal).toBe(2);
    // The Karaganda tickets are operator2's window's.
    expect(karaganda.queue.total).toEqual(OPERATOR2);

    const one = await report({ operator: 'Operator1' });
    expect(one.cases.total).toBe(80);
    expect(one.refusals.total).toBe(planted.cases.filter((c) => c.operator === 'operator1' && c.status === 'refused').length);
    expect(one.breachesTotal).toBe(planted.breaches.filter((x) => x.operator === 'operator1').length);
    expect(one.queue.total).toEqual(OPERATOR1);
    expect(one.byOperator.map((o) => o.operator)).toEqual(['operator1']);

    const nobody = await report({ operator: 'nobody' });
    expect([nobody.cases.total, nobody.queue.total.issued, nobody.breachesTotal]).toEqual([0, 0, 0]);
  });

  it('names each operator it counts by full name, opened from the accounts; the exports write "Full Name (login)"', async () => {
    const r = await report();
    // Only the operators the report names: not the supervisor reading it, not the administrator.
    expect(r.operators).toEqual({ operator1: 'Оператор Қызметкер 1', operator2: 'Оператор Қызметкер 2', operator3: 'Оператор Қызметкер 3' });
    for (const login of [...r.byOperator.map((o) => o.operator), ...r.queue.byOperator.map((o) => o.operator), ...r.breaches.flatMap((x) => x.operator ?? [])]) {
      expect(r.operators[login]).toBeDefined();
    }
    // The sealed column holds no name in clear.
    const db = new Database(databasePath(core.dataDir), { readonly: true });
    try {
      const sealed = db.prepare("SELECT full_name_enc FROM operators WHERE login = 'operator1'").get() as { full_name_enc: Buffer };
      expect(Buffer.from(sealed.full_name_enc).includes(Buffer.from('Оператор Қызметкер 1'))).toBe(false);
    } finally {
      db.close();
    }
    // Narrowed to one operator (the login in any case), the names are that operator's.
    expect((await report({ operator: 'Operator2' })).operators).toEqual({ operator2: 'Оператор Қызметкер 2' });

    const csv = await core.call('reports.export', { query: { period: 'day', from: DAY, to: DAY, operator: 'operator1' }, format: 'csv', locale: 'ru' } as never, 'sup');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text).toContain('Оператор: Оператор Қызметкер 1 (operator1)');
    expect(text.split('\r\n').some((line) => line.startsWith('Оператор Қызметкер 1 (operator1);80;'))).toBe(true);
  });

  it('a week and a month take in the other days, and nothing outside them', async () => {
    const week = await report({ period: 'week', from: '2026-01-12', to: '2026-01-18' });
    // The day's 200, the four cases of 12–13 January, ten of the 14th, one ten minutes into the 16th.
    expect(week.cases).toEqual({ total: 215, byStatus: { issued: 112, refused: 45, resultReady: 27, waitingTarget: 10, inProgress: 21 } });
    expect(week.breachesTotal).toBe(47);
    expect(week.survey.answered).toBe(80);
    expect(week.queue.total).toMatchObject({ issued: 540, served: 430, noShow: 56, unserved: 54 });
    expect(week.queue.byDay).toEqual([
      { day: '2026-01-12', issued: 0, served: 0, noShow: 0 },
      { day: '2026-01-13', issued: 0, served: 0, noShow: 0 },
      { day: '2026-01-14', issued: 40, served: 30, noShow: 6 },
      { day: DAY, issued: 500, served: 400, noShow: 50 },
      { day: '2026-01-16', issued: 0, served: 0, noShow: 0 },
      { day: '2026-01-17', issued: 0, served: 0, noShow: 0 },
      { day: '2026-01-18', issued: 0, served: 0, noShow: 0 },
    ]);
    const month = await report({ period: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(month.cases.total).toBe(215);
    expect(month.queue.total).toMatchObject({ issued: 550, served: 440, noShow: 56, unserved: 54 });
    expect(month.queue.byDay).toHaveLength(31);
    expect(month.queue.byDay[4]).toEqual({ day: '2026-01-05', issued: 10, served: 10, noShow: 0 });
  });

  it('refuses a reversed range, one longer than 366 days and a day that does not exist, naming the field', async () => {
    const get = (q: object) => core.fail('reports.get', { period: 'range', ...q }, 'sup');
    expect(await get({ from: DAY, to: '2026-01-14' })).toEqual({ code: 'VALIDATION', issues: [{ path: 'to', reason: 'report.rangeReversed' }] });
    expect(await get({ from: '2025-01-01', to: '2026-01-05' })).toEqual({ code: 'VALIDATION', issues: [{ path: 'to', reason: 'report.rangeTooLong' }] });
    expect(await get({ from: '2026-02-30', to: '2026-03-02' })).toEqual({ code: 'VALIDATION', issues: [{ path: 'from', reason: 'date.format' }] });
    expect((await core.fail('reports.cases', { query: { period: 'day', from: DAY, to: DAY }, drill: { figure: 'status', status: 'lost' } }, 'sup')).code).toBe('VALIDATION');
  });
});

describe('a case walked through the real engine', () => {
  it('is counted as the engine wrote it: its steps, its refusal and the notice’s reason', async () => {
    const counter = await openCounter();
    try {
      let v = await counter.call('cases.start', { regulationId: S1A, documentLocale: 'kk' }, 'counter-1');
      v = await counter.call('cases.handOver', { caseId: v.id, version: v.version, documents: ['application'] }, 'counter-1');
      v = await counter.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: makeIin('010203', '5', 4321), representative: null }, 'counter-1');
      expect(v.status).toBe('refused');
      // The test clock's day, 14:00 on the branch's clock.
      const today = DAY;
      // An operator at the counter does not read the supervisor's reports.
      expect((await counter.fail('reports.get', { period: 'day', from: today, to: today }, 'counter-1')).code).toBe('FORBIDDEN');
      const r = Report.parse(await counter.call('reports.get', { period: 'day', from: today, to: today }, 'admin'));
      expect(r.cases).toMatchObject({ total: 1, byStatus: { refused: 1 } });
      expect(r.refusals.byReason).toEqual([{ reason: REASON_DATA, count: 1 }]);
      expect(r.norms.map((n) => [n.step, n.count, n.breaches])).toEqual([['c1', 1, 0], ['p1', 1, 0], ['p2', 1, 0], ['p3', 1, 0], ['p4', 1, 0], ['start', 1, 0]]);
      expect(r.byOperator).toEqual([{ operator: 'operator1', cases: 1, refused: 1, breaches: 0 }]);
      const behind = (await counter.call('reports.cases', { query: { period: 'day', from: today, to: today }, drill: { figure: 'refusalAct', regulationId: S1A } }, 'admin')).cases;
      expect(behind).toEqual([expect.objectContaining({ caseId: v.id, number: v.number, status: 'refused', refusalReason: REASON_DATA })]);
    } finally {
      counter.dispose();
    }
  });
});
