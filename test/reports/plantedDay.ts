/**
 * A counter's day generated with known numbers, for the report's exact test: 500 tickets and 200
 * cases on Thursday 15 January 2026 (UTC+5), with planted norm breaches, refusals of several
 * reasons and acts, survey answers, no-shows and unserved tickets — plus a few rows on other days
 * that a day's report must leave out and a week's or a month's must take in.
 *
 * Rows are written with SQL into the real schema (the core's own migrations made it): walking
 * 200 cases and 500 tickets through the engine and the queue cannot put a step's duration or a
 * ticket's wait where the test needs it. What each row means follows the engine's and the queue's
 * own writing (`caseStore.openStep/closeStep`, `queueStore`). One case walked through the real
 * engine is in the test itself.
 *
 * Every figure the test expects is a number planted here — a count tallied while planting, or a
 * duration whose rank is planted: durations are handed out by rank (the k-th smallest of an act's
 * step is `durationMs(k)`), so a median is the duration of a known rank, never a sort of the rows.
 */
import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Norm } from '../../src/shared/regulation';
import { WORDS } from '../../src/core/documents/words';

export const DAY = '2026-01-15';
/** The report is made at 17:00 on the branch's clock. */
export const GENERATED_AT = at(DAY, '17:00:00');
export const OPERATORS = ['operator1', 'operator2', 'operator3'] as const;
export type Login = (typeof OPERATORS)[number];

export const S1A = 's1-aktobe-285';
export const S1K = 's1-karaganda-38-08';
export const S2 = 's2-ekibastuz-168-2';
const GROUP_OF: Record<string, 'A' | 'B'> = { [S1A]: 'A', [S1K]: 'A', [S2]: 'B' };

/** A moment on the branch's wall clock (UTC+5), as the stored ISO text. */
export function at(day: string, hms: string, plusMs = 0): string {
  return new Date(Date.parse(`${day}T${hms}+05:00`) + plusMs).toISOString();
}

// ---- a seeded generator (mulberry32): the same day every run ----
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}
const repeat = <T>(x: T, n: number): T[] => Array.from({ length: n }, () => x);

// ---- the acts' norms, read from the acts themselves ----
const RESOURCES = new URL('../../resources/regulations/', import.meta.url).pathname;
interface ActStep { id: string; norm: Norm | null }
const actSteps = (id: string): ActStep[] =>
  (JSON.parse(readFileSync(`${RESOURCES}${id}.json`, 'utf8')) as { channels: { kind: string; steps: ActStep[] }[] }).channels.find((c) => c.kind === 'stateCorporation')!.steps;
const ACT_STEPS = { [S1A]: actSteps(S1A), [S1K]: actSteps(S1K), [S2]: actSteps(S2) } as Record<string, ActStep[]>;
export const normOf = (act: string, step: string): Norm | null => ACT_STEPS[act]!.find((s) => s.id === step)!.norm;
const UNIT_MS = { seconds: 1000, minutes: 60_000, hours: 3_600_000 } as Record<string, number>;
/** A norm in open-hours time; working days are handled where they occur (process 9 of S2). */
const normMs = (n: Norm | null) => (n && UNIT_MS[n.unit] ? n.max * UNIT_MS[n.unit]! : null);
/** Working days in January 2026 after the holidays: weekends only. */
function addWorkingDays(iso: string, days: number): string {
  let ms = Date.parse(iso);
  while (days > 0) {
    ms += 86_400_000;
    const wd = new Date(ms + 5 * 3_600_000).getUTCDay();
    if (wd !== 0 && wd !== 6) days--;
  }
  return new Date(ms).toISOString();
}

// ---- the refusals' reasons ----
export const REASON_DATA = { kk: WORDS.kk.notFoundPerson, ru: WORDS.ru.notFoundPerson };
export const REASON_PMPK = {
  kk: 'Стандарттың 9-тармағы бойынша құжаттар топтамасы толық емес: Психологиялық-медициналық-педагогикалық консультацияның қорытындысы',
  ru: 'Неполный пакет документов по пункту 9 Стандарта: Заключение психолого-медико-педагогической консультации',
};
export const REASON_DISABILITY = { kk: 'Мүгедектік туралы анықтаманың мерзімі өткен', ru: 'Справка об инвалидности просрочена' };
type Reason = 'data' | 'pmpk' | 'disability';
const REASONS = { data: REASON_DATA, pmpk: REASON_PMPK, disability: REASON_DISABILITY };

// ---- what is planted on the day ----
type Status = 'issued' | 'refused' | 'resultReady' | 'waitingTarget' | 'inProgress';
interface ActPlan {
  act: string;
  statuses: Record<Status, number>;
  reasons: Partial<Record<Reason, number>>;
  /** Operators by position in the shuffled list of the act's cases. */
  operators: [Login, number][];
  surveyed: number;
}
export const PLAN: ActPlan[] = [
  { act: S1A, statuses: { issued: 50, refused: 20, resultReady: 15, waitingTarget: 5, inProgress: 10 }, reasons: { data: 8, pmpk: 12 }, operators: [['operator1', 70], ['operator2', 30]], surveyed: 40 },
  { act: S1K, statuses: { issued: 20, refused: 10, resultReady: 5, waitingTarget: 0, inProgress: 5 }, reasons: { data: 4, disability: 6 }, operators: [['operator2', 40]], surveyed: 16 },
  { act: S2, statuses: { issued: 30, refused: 15, resultReady: 5, waitingTarget: 5, inProgress: 5 }, reasons: { data: 5, pmpk: 3, disability: 7 }, operators: [['operator3', 50], ['operator1', 10]], surveyed: 24 },
];
/** Steps that ran past their norm and ended, per act and step. */
export const ENDED_BREACHES: Record<string, Record<string, number>> = {
  [S1A]: { p2: 6, p3: 4, p5: 3, c2: 2, p8: 1 },
  [S1K]: { p6: 2 },
  [S2]: { p3: 5, p6: 2, p8: 1 },
};
/** Survey answers handed out to the surveyed cases: 1 not satisfied, 2 partly, 3 satisfied. */
export const SURVEY = { processQuality: { 1: 8, 2: 20, 3: 52 }, informationQuality: { 1: 12, 2: 28, 3: 40 } } as const;
/** Steps the state systems take: no operator is recorded for them. */
const AUTOMATIC = new Set(['p3', 'c1']);

function pathOf(act: string, status: Status, reason: Reason | null): { ended: string[]; open: string | null } {
  if (act === S2) {
    const head = ['p1', 'p2', 'p3', 'c1'];
    const counter = [...head, 'p5', 'p6', 'p7'];
    if (status === 'issued') return { ended: [...counter, 'c2', 'p9'], open: null };
    if (status === 'refused') return reason === 'data' ? { ended: [...head, 'p4'], open: null } : { ended: [...counter, 'c2', 'p8'], open: null };
    if (status === 'resultReady') return { ended: [...counter, 'c2'], open: 'p9' };
    if (status === 'waitingTarget') return { ended: counter, open: 'c2' };
    return { ended: ['p1'], open: 'p2' };
  }
  const head = ['start', 'p1', 'p2', 'p3', 'c1'];
  const counter = [...head, 'p5', 'p6'];
  if (status === 'issued') return { ended: [...counter, 'c2', 'p8'], open: null };
  if (status === 'refused') return reason === 'data' ? { ended: [...head, 'p4'], open: null } : { ended: [...counter, 'c2', 'p7'], open: null };
  if (status === 'resultReady') return { ended: [...counter, 'c2'], open: 'p8' };
  if (status === 'waitingTarget') return { ended: counter, open: 'c2' };
  return { ended: ['start', 'p1'], open: 'p2' };
}

export interface PlantedBreach {
  caseNumber: string; regulationId: string; step: string; operator: string | null;
  startedAt: string; endedAt: string | null; normDueAt: string; overSeconds: number;
}
interface PlantedCase {
  number: string; act: string; status: Status; reason: Reason | null; operator: Login; createdAt: string;
  survey: { processQuality: 1 | 2 | 3; informationQuality: 1 | 2 | 3 } | null;
}
/** One act's step over the day: its ended instances get durations by rank. */
export interface StepPool {
  act: string; step: string; n: number; breaches: number; openBreaches: number;
  /** Ended instances from other days' cases, all longer than any of the day's own. */
  longer: number;
  durationMs(rank: number): number;
}

export interface Planted {
  cases: PlantedCase[];
  /** Cases opened on other days: their numbers by role. */
  earlier: { openBreachP9: string[]; endedBreachP9: string; endedInTimeP9: string };
  pools: Map<string, StepPool>;
  breaches: PlantedBreach[];
}

/** Each window's tickets of the day; waits and service times are given out by rank, cell after cell. */
export const TICKET_CELLS = [
  { operator: 'operator1', line: 'A', act: S1A, done: 150, noShow: 20 },
  { operator: 'operator2', line: 'A', act: S1K, done: 100, noShow: 15 },
  { operator: 'operator3', line: 'B', act: S2, done: 150, noShow: 15 },
] as const;
export const UNSERVED = { A: 20, B: 30 } as const;
/** The wait of the called ticket of rank r (1 … 450), and the service of the served one of rank s (1 … 400). */
export const waitSeconds = (r: number) => 30 + 2 * r;
export const serviceSeconds = (s: number) => 120 + 3 * s;

export function plantDay(db: Database, operatorIds: Record<string, number>): Planted {
  const random = rng(20260115);
  const insertCase = db.prepare(
    `INSERT INTO cases (number, regulation_id, channel, step, status, outcome, document_locale, checks, refusal_reason, operator_id, created_at, updated_at)
     VALUES (?, ?, 'stateCorporation', ?, ?, ?, 'kk', ?, ?, ?, ?, ?)`,
  );
  const insertStep = db.prepare(
    'INSERT INTO case_steps (case_id, step, started_at, ended_at, outcome, norm_due_at, breached, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSurvey = db.prepare('INSERT INTO case_surveys (case_id, process_quality, information_quality, answered_at) VALUES (?, ?, ?, ?)');
  const insertTicket = db.prepare(
    `INSERT INTO tickets (day, grp, line, seq, number, regulation_id, state, window, operator_id, issued_at, line_order, called_at, service_started_at, finished_at)
     VALUES (@day, @line, @line, @seq, @number, @act, @state, @window, @operatorId, @issuedAt, 0, @calledAt, @serviceStartedAt, @finishedAt)`,
  );
  const seq = new Map<string, number>();
  const nextNumber = (group: string, day: string) => {
    const k = `${group}${day}`;
    seq.set(k, (seq.get(k) ?? 0) + 1);
    return `${group}-${day.replaceAll('-', '')}-${String(seq.get(k)).padStart(4, '0')}`;
  };

  // 1. The day's cases: statuses, reasons and operators shuffled within each act.
  const cases: PlantedCase[] = [];
  for (const plan of PLAN) {
    const statuses = shuffle(Object.entries(plan.statuses).flatMap(([s, n]) => repeat(s as Status, n)), random);
    const reasons = shuffle(Object.entries(plan.reasons).flatMap(([r, n]) => repeat(r as Reason, n)), random);
    const operators = plan.operators.flatMap(([login, n]) => repeat(login, n));
    statuses.forEach((status, i) =>
      cases.push({ number: '', act: plan.act, status, reason: status === 'refused' ? reasons.pop()! : null, operator: operators[i]!, createdAt: '', survey: null }),
    );
  }
  shuffle(cases, random);
  // Surveys: the first issued cases of each act, in the shuffled order, take the shuffled answers.
  const pq = shuffle(Object.entries(SURVEY.processQuality).flatMap(([v, n]) => repeat(Number(v) as 1 | 2 | 3, n)), random);
  const iq = shuffle(Object.entries(SURVEY.informationQuality).flatMap(([v, n]) => repeat(Number(v) as 1 | 2 | 3, n)), random);
  for (const plan of PLAN) {
    for (const c of cases.filter((c) => c.act === plan.act && c.status === 'issued').slice(0, plan.surveyed)) {
      c.survey = { processQuality: pq.pop()!, informationQuality: iq.pop()! };
    }
  }

  // 2. Every ended step of the day gets its rank in its pool; the top ranks of a pool are its breaches.
  const paths = cases.map((c) => pathOf(c.act, c.status, c.reason));
  const instances = new Map<string, { caseIndex: number; position: number }[]>();
  paths.forEach((p, caseIndex) =>
    p.ended.forEach((step, position) => {
      const k = `${cases[caseIndex]!.act}|${step}`;
      instances.set(k, [...(instances.get(k) ?? []), { caseIndex, position }]);
    }),
  );
  const pools = new Map<string, StepPool>();
  const durations = cases.map((_, i) => paths[i]!.ended.map(() => 0));
  for (const [k, list] of instances) {
    const [act, step] = k.split('|') as [string, string];
    const norm = normMs(normOf(act, step));
    const b = ENDED_BREACHES[act]?.[step] ?? 0;
    const n = list.length;
    // In time: evenly below 80 % of the norm (a second per rank where the act gives none).
    const q = norm ? Math.floor((0.8 * norm) / n) : 1000;
    // Overruns are whole minutes plus a second per pool, so no two steps' breaches are equally long.
    const offset = pools.size * 1000;
    const pool: StepPool = {
      act, step, n, breaches: b, openBreaches: 0, longer: 0,
      durationMs: (rank) => (rank <= n - b ? rank * q : norm! + (rank - (n - b)) * 60_000 + offset),
    };
    pools.set(k, pool);
    shuffle([...list], random).forEach(({ caseIndex, position }, i) => (durations[caseIndex]![position] = pool.durationMs(i + 1)));
  }

  // 3. Write the cases: one every 90 s from 09:00; a case with an open step is timed back from it.
  const breaches: PlantedBreach[] = [];
  const opens = { [S1A]: { resultReady: 0, waitingTarget: 0, inProgress: 0 }, [S1K]: { resultReady: 0, waitingTarget: 0, inProgress: 0 }, [S2]: { resultReady: 0, waitingTarget: 0, inProgress: 0 } } as Record<string, Record<string, number>>;
  let firstKaragandaInProgress = true;
  cases.forEach((c, i) => {
    const path = paths[i]!;
    const total = durations[i]!.reduce((a, b) => a + b, 0);
    let openStart: number | null = null;
    if (path.open) {
      const k = opens[c.act]![c.status]!++;
      // S1 Aktobe's result and document-check steps have 2-minute norms: all but the last two
      // results waiting since the afternoon are breaches by 17:00. Steps begun just before 17:00 are not yet.
      if (c.act === S1A && c.status === 'resultReady') openStart = k < 13 ? Date.parse(at(DAY, '15:00:00')) + k * 37_000 : Date.parse(at(DAY, '16:59:00')) + (k - 13) * 10_000;
      else if (c.act === S1A && c.status === 'waitingTarget') openStart = Date.parse(at(DAY, '16:00:00')) + k * 41_000;
      else if (c.status === 'inProgress') openStart = Date.parse(at(DAY, '16:59:50')) - (c.act === S2 ? 0 : 100_000) + k * 1000;
      else openStart = Date.parse(at(DAY, '14:30:00')) + k * 60_000;
    }
    let t = openStart !== null ? openStart - total : Date.parse(at(DAY, '09:00:00')) + i * 90_000;
    // One case opened half an hour after midnight: the day begins at local midnight, not UTC's.
    if (c.act === S1K && c.status === 'inProgress' && firstKaragandaInProgress) {
      firstKaragandaInProgress = false;
      t = Date.parse(at(DAY, '00:30:00'));
    }
    c.createdAt = new Date(t).toISOString();
    c.number = nextNumber(GROUP_OF[c.act]!, DAY);
    const operatorId = operatorIds[c.operator]!;
    const ended = path.open === null;
    const reason = c.reason ? REASONS[c.reason] : null;
    const stepNow = path.open ?? (c.status === 'issued' ? 'endedWithResult' : 'endedWithRefusal');
    const caseId = Number(
      insertCase.run(
        c.number, c.act, stepNow, c.status, ended ? (c.status === 'issued' ? 'result' : 'refusal') : null,
        JSON.stringify(c.reason === 'data' ? { personFound: false } : { personFound: true }),
        // A refusal from the state databases stores no reason: the notice's words are its reason.
        c.reason && c.reason !== 'data' ? JSON.stringify(reason) : null,
        operatorId, c.createdAt, c.createdAt,
      ).lastInsertRowid,
    );
    path.ended.forEach((step, position) => {
      const start = t;
      t += durations[i]![position]!;
      const norm = normMs(normOf(c.act, step));
      const due = norm ? new Date(start + norm).toISOString() : step === 'p9' ? addWorkingDays(new Date(start).toISOString(), 3) : null;
      const breached = due !== null && t > Date.parse(due);
      const stepOperator = AUTOMATIC.has(step) ? null : c.operator;
      insertStep.run(caseId, step, new Date(start).toISOString(), new Date(t).toISOString(), 'done', due, breached ? 1 : 0, stepOperator && operatorIds[stepOperator]!);
      if (breached) breaches.push({ caseNumber: c.number, regulationId: c.act, step, operator: stepOperator, startedAt: new Date(start).toISOString(), endedAt: new Date(t).toISOString(), normDueAt: due!, overSeconds: Math.round((t - Date.parse(due!)) / 1000) });
    });
    if (path.open) {
      const step = path.open;
      const norm = normMs(normOf(c.act, step));
      const due = norm ? new Date(t + norm).toISOString() : step === 'p9' ? addWorkingDays(new Date(t).toISOString(), 3) : null;
      const stepOperator = AUTOMATIC.has(step) ? null : c.operator;
      insertStep.run(caseId, step, new Date(t).toISOString(), null, null, due, 0, stepOperator && operatorIds[stepOperator]!);
      if (due !== null && Date.parse(due) < Date.parse(GENERATED_AT)) {
        breaches.push({ caseNumber: c.number, regulationId: c.act, step, operator: stepOperator, startedAt: new Date(t).toISOString(), endedAt: null, normDueAt: due, overSeconds: Math.round((Date.parse(GENERATED_AT) - Date.parse(due)) / 1000) });
        pools.get(`${c.act}|${step}`)!.openBreaches++;
      }
    }
    if (c.survey) insertSurvey.run(caseId, c.survey.processQuality, c.survey.informationQuality, new Date(t + 30_000).toISOString());
  });

  // 4. Cases opened earlier in the week whose process 9 (3 working days) falls on the day.
  const earlierCase = (day: string, hms: string, status: Status, p9Start: string, p9End: string | null) => {
    const number = nextNumber('B', day);
    const createdAt = at(day, hms);
    const operatorId = operatorIds.operator3!;
    const caseId = Number(insertCase.run(number, S2, p9End ? 'endedWithResult' : 'p9', status, p9End ? 'result' : null, '{"personFound":true}', null, operatorId, createdAt, createdAt).lastInsertRowid);
    let t = Date.parse(createdAt);
    for (const step of ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'p7', 'c2']) {
      const norm = normMs(normOf(S2, step));
      insertStep.run(caseId, step, new Date(t).toISOString(), new Date(t + 10_000).toISOString(), 'done', norm ? new Date(t + norm).toISOString() : null, 0, AUTOMATIC.has(step) ? null : operatorId);
      t += 10_000;
    }
    const due = addWorkingDays(p9Start, 3);
    const breached = p9End !== null && Date.parse(p9End) > Date.parse(due);
    insertStep.run(caseId, 'p9', p9Start, p9End, p9End ? 'done' : null, due, breached ? 1 : 0, operatorId);
    const over = p9End ? (breached ? Date.parse(p9End) - Date.parse(due) : null) : Date.parse(GENERATED_AT) - Date.parse(due);
    if (over !== null) breaches.push({ caseNumber: number, regulationId: S2, step: 'p9', operator: 'operator3', startedAt: p9Start, endedAt: p9End, normDueAt: due, overSeconds: Math.round(over / 1000) });
    return number;
  };
  const e1 = earlierCase('2026-01-12', '10:00:00', 'resultReady', at('2026-01-12', '10:30:00'), null);
  const e2 = earlierCase('2026-01-12', '10:10:00', 'resultReady', at('2026-01-12', '11:00:00'), null);
  const e3 = earlierCase('2026-01-12', '09:30:00', 'issued', at('2026-01-12', '09:45:00'), at(DAY, '12:00:00'));
  const e4 = earlierCase('2026-01-13', '10:00:00', 'issued', at('2026-01-13', '10:15:00'), at(DAY, '15:00:00'));
  const p9 = pools.get(`${S2}|p9`)!;
  // Two still open past their due; of the two ended on the day (the longest), one past its due.
  p9.openBreaches += 2;
  p9.breaches += 1;
  p9.longer = 2;

  // 5. The day's tickets: waits and services by rank within each window's cell, issued every 30 s.
  const tickets: Record<string, unknown>[] = [];
  let waitRank = 0;
  let serviceRank = 0;
  TICKET_CELLS.forEach((cell, w) => {
    const states = shuffle([...repeat('done', cell.done), ...repeat('noShow', cell.noShow)], random);
    const waits = shuffle(states.map(() => ++waitRank), random);
    states.forEach((state, j) => tickets.push({ line: cell.line, act: cell.act, state, window: String(w + 1), operatorId: operatorIds[cell.operator], wait: waitSeconds(waits[j]!), service: state === 'done' ? serviceSeconds(++serviceRank) : null }));
  });
  for (const [line, n] of Object.entries(UNSERVED)) for (let j = 0; j < n; j++) tickets.push({ line, act: null, state: 'unserved', window: null, operatorId: null, wait: null, service: null });
  shuffle(tickets, random).forEach((tk, i) => writeTicket(DAY, tk, Date.parse(at(DAY, '09:00:00')) + i * 30_000));
  function writeTicket(day: string, tk: Record<string, unknown>, issued: number) {
    const n = (seq.get(`T${day}${tk.line}`) ?? 0) + 1;
    seq.set(`T${day}${tk.line}`, n);
    const called = tk.wait === null ? null : issued + (tk.wait as number) * 1000;
    const started = tk.service === null || called === null ? null : called + 15_000;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    insertTicket.run({
      day, line: tk.line, seq: n, number: `${tk.line}-${String(n).padStart(3, '0')}`, act: tk.act, state: tk.state, window: tk.window,
      operatorId: tk.operatorId, issuedAt: iso(issued), calledAt: iso(called), serviceStartedAt: iso(started),
      finishedAt: iso(started === null ? (called === null ? null : called + 60_000) : started + (tk.service as number) * 1000),
    });
  }

  // 6. Other days: the day before (cases and tickets), 5 January (tickets), and what lies outside January.
  const yesterday = '2026-01-14';
  for (let j = 0; j < 10; j++) {
    const createdAt = at(yesterday, '10:00:00', j * 600_000);
    const caseId = Number(insertCase.run(nextNumber('A', yesterday), S1A, 'endedWithResult', 'issued', 'result', '{"personFound":true}', null, operatorIds.operator1!, createdAt, createdAt).lastInsertRowid);
    let t = Date.parse(createdAt);
    for (const step of pathOf(S1A, 'issued', null).ended) {
      insertStep.run(caseId, step, new Date(t).toISOString(), new Date(t + 5000).toISOString(), 'done', new Date(t + normMs(normOf(S1A, step))!).toISOString(), 0, operatorIds.operator1!);
      t += 5000;
    }
  }
  const otherTickets = (day: string, done: number, noShow: number, unserved: number) => {
    const states = [...repeat('done', done), ...repeat('noShow', noShow), ...repeat('unserved', unserved)];
    states.forEach((state, j) =>
      writeTicket(day, { line: 'A', act: S1A, state, window: state === 'unserved' ? null : '1', operatorId: state === 'unserved' ? null : operatorIds.operator1, wait: state === 'unserved' ? null : 100, service: state === 'done' ? 200 : null }, Date.parse(at(day, '09:00:00')) + j * 60_000),
    );
  };
  otherTickets(yesterday, 30, 6, 4);
  otherTickets('2026-01-05', 10, 0, 0);
  otherTickets('2026-02-02', 5, 0, 0);
  // Ten minutes past midnight on the 16th: the next day on the branch's clock, though still the 15th in UTC.
  insertCase.run(nextNumber('A', '2026-01-16'), S1K, 'start', 'inProgress', null, '{}', null, operatorIds.operator2!, at('2026-01-16', '00:10:00'), at('2026-01-16', '00:10:00'));
  insertCase.run(nextNumber('A', '2026-02-02'), S1K, 'start', 'inProgress', null, '{}', null, operatorIds.operator2!, at('2026-02-02', '10:00:00'), at('2026-02-02', '10:00:00'));

  return { cases, earlier: { openBreachP9: [e1, e2], endedBreachP9: e3, endedInTimeP9: e4 }, pools, breaches };
}
