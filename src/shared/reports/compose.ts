/**
 * The supervisor's report, computed from the rows of a period (`rows.ts`): pure, no I/O, the same
 * for a counter's SQLite and the branch's PostgreSQL. What the rows hold decides the period's
 * meaning: the cases opened in it (as they stand now) with their refusals and surveys, the steps
 * ended in it or still open, and the tickets of its days.
 *
 * Percentiles follow the queue statistics' rule (`percentile.ts`: nearest rank, whole seconds).
 */
import { CASE_STATUSES, type CaseStatus } from '../cases';
import { medianAndP90, secondsBetween } from './percentile';
import { queueSection } from './queueFigures';
import type { DrillDown, NormBreach, Report, ReportCase, ReportQuery, StepNormFigure } from './report';
import { SURVEY_QUESTIONS } from './report';
import type { ReportCaseRow, ReportRows, ReportStepRow } from './rows';

/** The breaches listed in full; beyond this the list is cut and `breachesTotal` still counts every one. */
export const BREACH_LIST_LIMIT = 500;

/** A refusal whose reason was not recorded is counted under this mark (the refusal notice prints the same). */
export const UNRECORDED_REASON = { kk: '—', ru: '—' } as const;

const SURVEY_VALUES = [1, 2, 3] as const;

/**
 * How far a step ran past its norm: to its end, or — still open — to the report's making. Null
 * when it did not (an open step whose norm has not run out yet is no breach, only in progress).
 */
export function overrun(step: ReportStepRow, generatedAt: string): number | null {
  if (step.normDueAt === null) return null;
  if (step.endedAt !== null) return step.breached ? secondsBetween(step.normDueAt, step.endedAt) : null;
  const over = secondsBetween(step.normDueAt, generatedAt)!;
  return over > 0 ? over : null;
}

/** Code-unit order: case numbers and step ids are ASCII, and a month has tens of thousands to sort. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (regulationId: string, step: string) => `${regulationId}\u0000${step}`;
const reasonOf = (c: ReportCaseRow) => c.refusalReason ?? UNRECORDED_REASON;
const isRefusal = (c: ReportCaseRow) => c.outcome === 'refusal';
const byCount = <T extends { count: number }>(label: (x: T) => string) => (a: T, b: T) => b.count - a.count || label(a).localeCompare(label(b));

function tally<K>(items: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Each act's step: how many ended in the period, their median and p90, and how many ran past the norm. */
function normFigures(rows: ReportRows, generatedAt: string): { norms: StepNormFigure[]; breaches: NormBreach[] } {
  const groups = new Map<string, { regulationId: string; step: string; durations: number[]; breaches: number }>();
  const breaches: NormBreach[] = [];
  for (const s of rows.steps) {
    const over = overrun(s, generatedAt);
    // An open step that has not yet run past its norm is neither a duration nor a breach.
    if (s.endedAt === null && over === null) continue;
    const k = key(s.regulationId, s.step);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { regulationId: s.regulationId, step: s.step, durations: [], breaches: 0 }));
    if (s.endedAt !== null) g.durations.push(secondsBetween(s.startedAt, s.endedAt)!);
    if (over !== null) {
      g.breaches++;
      breaches.push({
        caseNumber: s.caseNumber,
        regulationId: s.regulationId,
        step: s.step,
        operator: s.operator,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        normDueAt: s.normDueAt!,
        overSeconds: over,
      });
    }
  }
  const norms = [...groups.values()]
    .sort((a, b) => a.regulationId.localeCompare(b.regulationId) || a.step.localeCompare(b.step, 'en', { numeric: true }))
    .map((g) => {
      const { median, p90 } = medianAndP90(g.durations);
      return { regulationId: g.regulationId, step: g.step, norm: rows.norm(g.regulationId, g.step), count: g.durations.length, medianSeconds: median, p90Seconds: p90, breaches: g.breaches };
    });
  // Longest first, on the exact overrun; equal ones by case and step so the order never wobbles.
  breaches.sort((a, b) => b.overSeconds - a.overSeconds || compareText(a.caseNumber, b.caseNumber) || compareText(a.step, b.step));
  return { norms, breaches };
}

function refusalFigures(cases: readonly ReportCaseRow[]): Report['refusals'] {
  const refused = cases.filter(isRefusal);
  const reasons = new Map<string, { reason: { kk: string; ru: string }; count: number }>();
  for (const c of refused) {
    const reason = reasonOf(c);
    const k = `${reason.kk}\u0000${reason.ru}`;
    const entry = reasons.get(k);
    if (entry) entry.count++;
    else reasons.set(k, { reason: { kk: reason.kk, ru: reason.ru }, count: 1 });
  }
  return {
    total: refused.length,
    byReason: [...reasons.values()].sort(byCount((r) => r.reason.ru)),
    byAct: [...tally(refused.map((c) => c.regulationId))].map(([regulationId, count]) => ({ regulationId, count })).sort(byCount((r) => r.regulationId)),
  };
}

function surveyFigures(rows: ReportRows): Report['survey'] {
  const answered = rows.surveys.length;
  return {
    answered,
    questions: SURVEY_QUESTIONS.map((question) => {
      const counts = tally(rows.surveys.map((s) => s[question]));
      return {
        question,
        answers: SURVEY_VALUES.map((value) => {
          const count = counts.get(value) ?? 0;
          return { value, count, share: answered === 0 ? 0 : count / answered };
        }),
      };
    }),
  };
}

export function composeReport(query: ReportQuery, rows: ReportRows, scope: Report['scope'], training: boolean, generatedAt: string): Report {
  const { norms, breaches } = normFigures(rows, generatedAt);
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const c of rows.cases) byStatus[c.status]++;

  const breachesByAct = tally(breaches.map((b) => b.regulationId));
  const acts = [...new Set([...rows.cases.map((c) => c.regulationId), ...breachesByAct.keys()])].sort();
  const casesOfAct = (id: string) => rows.cases.filter((c) => c.regulationId === id);

  // An operator's breaches are the steps they took that ran over; their cases are the ones they opened.
  const breachesByOperator = tally(breaches.flatMap((b) => (b.operator === null ? [] : [b.operator])));
  const operators = [...new Set([...rows.cases.flatMap((c) => (c.operator === null ? [] : [c.operator])), ...breachesByOperator.keys()])].sort();
  const casesOfOperator = (login: string) => rows.cases.filter((c) => c.operator === login);

  return {
    query,
    scope,
    training,
    generatedAt,
    norms,
    // Sorted on the exact overrun, listed in whole seconds.
    breaches: breaches.slice(0, BREACH_LIST_LIMIT).map((b) => ({ ...b, overSeconds: Math.round(b.overSeconds) })),
    breachesTotal: breaches.length,
    cases: { total: rows.cases.length, byStatus },
    refusals: refusalFigures(rows.cases),
    survey: surveyFigures(rows),
    queue: queueSection(query.from, query.to, rows.tickets),
    byService: acts.map((regulationId) => {
      const cs = casesOfAct(regulationId);
      return {
        regulationId,
        cases: cs.length,
        refused: cs.filter(isRefusal).length,
        issued: cs.filter((c) => c.status === 'issued').length,
        breaches: breachesByAct.get(regulationId) ?? 0,
      };
    }),
    byOperator: operators.map((operator) => {
      const cs = casesOfOperator(operator);
      return { operator, cases: cs.length, refused: cs.filter(isRefusal).length, breaches: breachesByOperator.get(operator) ?? 0 };
    }),
    operators: namesOf(rows, [...operators, ...rows.tickets.flatMap((t) => (t.operator === null ? [] : [t.operator])), ...(query.operator ? [query.operator.toLowerCase()] : [])]),
  };
}

/** The full names of the logins the report names (its operators, the queue's, the filter's), no others. */
function namesOf(rows: ReportRows, logins: Iterable<string>): Record<string, string> {
  const known = rows.operatorNames;
  if (!known) return {};
  return Object.fromEntries([...new Set(logins)].sort().flatMap((login) => {
    const name = known.get(login);
    return name === undefined ? [] : [[login, name] as const];
  }));
}

function toReportCase(c: ReportCaseRow): ReportCase {
  return {
    caseId: c.caseId,
    number: c.number,
    regulationId: c.regulationId,
    status: c.status,
    step: c.step,
    operator: c.operator,
    createdAt: c.createdAt,
    refusalReason: c.refusalReason,
  };
}

/** The cases behind one figure of the report made from the same rows, oldest first. */
export function casesBehind(_query: ReportQuery, rows: ReportRows, drill: DrillDown, generatedAt = new Date().toISOString()): ReportCase[] {
  const numbers = (list: Iterable<string>) => new Set(list);
  let picked: ReportCaseRow[];
  switch (drill.figure) {
    case 'status':
      picked = rows.cases.filter((c) => c.status === drill.status);
      break;
    case 'refusalReason':
      picked = rows.cases.filter((c) => isRefusal(c) && (reasonOf(c).kk === drill.reason || reasonOf(c).ru === drill.reason));
      break;
    case 'refusalAct':
      picked = rows.cases.filter((c) => isRefusal(c) && c.regulationId === drill.regulationId);
      break;
    case 'service':
      picked = rows.cases.filter((c) => c.regulationId === drill.regulationId);
      break;
    case 'operator':
      picked = rows.cases.filter((c) => c.operator === drill.operator);
      break;
    case 'survey': {
      const answered = numbers(rows.surveys.filter((s) => s[drill.question] === drill.value).map((s) => s.caseNumber));
      picked = rows.cases.filter((c) => answered.has(c.number));
      break;
    }
    case 'breach': {
      const late = numbers(
        rows.steps.filter((s) => s.regulationId === drill.regulationId && s.step === drill.step && overrun(s, generatedAt) !== null).map((s) => s.caseNumber),
      );
      // A step of the period may belong to a case opened before it.
      const seen = new Set<string>();
      picked = [...rows.cases, ...(rows.casesOutsidePeriod ?? [])].filter((c) => late.has(c.number) && !seen.has(c.number) && seen.add(c.number));
      break;
    }
  }
  return picked
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number))
    .map(toReportCase);
}
