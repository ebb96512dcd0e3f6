/**
 * The rows of a supervisor's report, selected from the branch's PostgreSQL for a query: the
 * registry's cases with their steps and surveys, and the branch's tickets — the same rows a
 * counter selects from its SQLite, so the one computation (`shared/reports/compose.ts`) turns both
 * into figures. Days are the branch's calendar days in its time zone, as the tickets' `day` is.
 */
import type pg from 'pg';
import type { Norm } from '../shared/regulation';
import type { ReportQuery } from '../shared/reports/report';
import type { ReportCaseRow, ReportRows, ReportStepRow, ReportSurveyRow, ReportTicketRow } from '../shared/reports/rows';

/**
 * A case's number as the report shows it. Each workstation numbers its own cases (group, day,
 * its own sequence), so two workstations' numbers can be equal: another workstation's case is
 * shown with that workstation's name before its number, the asking one's own as it knows it. The
 * computation joins steps and surveys to their cases by this number, so it must be unique.
 */
const NUMBER = /* sql */ `CASE WHEN k.device_id = $7 THEN k.number ELSE d.name || '/' || k.number END`;
const OF_DEVICE = /* sql */ `JOIN devices d ON d.id = k.device_id`;

/**
 * Times leave PostgreSQL as milliseconds and become ISO text here: formatting 600,000 of them in
 * the database (to_char) or parsing them as timestamps in the driver costs seconds a month.
 */
const ms = (column: string) => /* sql */ `(extract(epoch FROM ${column}) * 1000)::float8`;
const isoOf = (msValue: number | null) => (msValue === null ? null : new Date(Math.floor(msValue)).toISOString());

export interface BranchReportScope {
  timeZone: string;
  /** The asking workstation: its own cases carry their local id, so it can open them. */
  deviceId: number;
}

/**
 * The period's bounds as instants: from the start of `from` to the start of the day after `to`, in
 * the branch's time zone — a range the `created_at` and `ended_at` indexes can use.
 */
const BOUNDS = /* sql */ `($2::date::timestamp AT TIME ZONE $1)`;
const BOUNDS_END = /* sql */ `(($3::date + 1)::timestamp AT TIME ZONE $1)`;

/** The filter on the registry's cases; $4 group, $5 act, $6 operator's login (null: all). Training cases are not the branch's figures. */
const CASE_FILTER = /* sql */ `k.training = false
  AND ($4::text IS NULL OR k.grp = $4) AND ($5::text IS NULL OR k.regulation_id = $5) AND ($6::text IS NULL OR k.operator_login = $6)`;

const CASE_COLUMNS = /* sql */ ` CASE WHEN k.device_id = $7 THEN k.local_id::int END AS "caseId", ${NUMBER} AS number, k.regulation_id AS "regulationId", k.status, k.step,
  k.outcome, k.refusal_reason AS kk, k.refusal_reason_ru AS ru, k.operator_login AS operator, k.grp AS "group", ${ms('k.created_at')} AS "createdAt"`;

const CASES = /* sql */ `
SELECT ${CASE_COLUMNS}
FROM cases k ${OF_DEVICE}
WHERE k.created_at >= ${BOUNDS} AND k.created_at < ${BOUNDS_END} AND ${CASE_FILTER}
ORDER BY k.created_at, number`;

// Steps that ended within the period, and those still open that began before its end (a breach
// runs on until the report's making). Narrowed by the case's group and act, and by the operator who took the step.
const STEP_IN_PERIOD = /* sql */ `((s.ended_at >= ${BOUNDS} AND s.ended_at < ${BOUNDS_END}) OR (s.ended_at IS NULL AND s.started_at < ${BOUNDS_END}))`;

const STEPS = /* sql */ `
SELECT ${NUMBER} AS "caseNumber", s.regulation_id AS "regulationId", s.step, s.operator_login AS operator, ${ms('s.started_at')} AS "startedAt",
  ${ms('s.ended_at')} AS "endedAt", ${ms('s.norm_due_at')} AS "normDueAt", s.breached
FROM case_steps s JOIN cases k USING (device_id, local_id) ${OF_DEVICE}
WHERE ${STEP_IN_PERIOD}
  AND k.training = false AND ($4::text IS NULL OR k.grp = $4) AND ($5::text IS NULL OR k.regulation_id = $5)
  AND ($6::text IS NULL OR s.operator_login = $6)
ORDER BY s.started_at, "caseNumber", s.ord`;

// For a drill-down: the cases opened outside the period whose steps are in it (a breach leads to its case).
const CASES_OUTSIDE = /* sql */ `
SELECT ${CASE_COLUMNS}
FROM cases k ${OF_DEVICE}
WHERE (k.created_at < ${BOUNDS} OR k.created_at >= ${BOUNDS_END}) AND k.training = false
  AND ($4::text IS NULL OR k.grp = $4) AND ($5::text IS NULL OR k.regulation_id = $5)
  AND EXISTS (SELECT 1 FROM case_steps s WHERE s.device_id = k.device_id AND s.local_id = k.local_id AND ${STEP_IN_PERIOD}
    AND ($6::text IS NULL OR s.operator_login = $6))
ORDER BY k.created_at, number`;

// The survey of each case in the report (answered when its case was served, at most once).
const SURVEYS = /* sql */ `
SELECT ${NUMBER} AS "caseNumber", v.process_quality AS "processQuality", v.information_quality AS "informationQuality"
FROM case_surveys v JOIN cases k USING (device_id, local_id) ${OF_DEVICE}
WHERE k.created_at >= ${BOUNDS} AND k.created_at < ${BOUNDS_END} AND ${CASE_FILTER}
ORDER BY "caseNumber"`;

// Every ticket of the period's days: the branch's own and the ones workstations numbered while cut off.
const TICKETS = /* sql */ `
SELECT t.day::text AS day, t.line AS "group", t.state, t.operator_login AS operator, ${ms('t.issued_at')} AS "issuedAt",
  ${ms('t.called_at')} AS "calledAt", ${ms('t.service_started_at')} AS "serviceStartedAt", ${ms('t.finished_at')} AS "finishedAt"
FROM tickets t
WHERE t.day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR t.line = $3) AND ($4::text IS NULL OR t.regulation_id = $4) AND ($5::text IS NULL OR t.operator_login = $5)
ORDER BY t.issued_at, t.id`;

/** A row as it leaves PostgreSQL: the named times as milliseconds. */
type Timed<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] extends string ? number : number | null };
type CaseRow = Timed<Omit<ReportCaseRow, 'refusalReason'>, 'createdAt'> & { kk: string | null; ru: string | null };
type StepRow = Timed<ReportStepRow, 'startedAt' | 'endedAt' | 'normDueAt'>;
type TicketRow = Timed<ReportTicketRow, 'issuedAt' | 'calledAt' | 'serviceStartedAt' | 'finishedAt'>;

const toCase = ({ kk, ru, createdAt, ...k }: CaseRow): ReportCaseRow => ({
  ...k,
  createdAt: isoOf(createdAt)!,
  refusalReason: kk === null ? null : { kk, ru: ru ?? kk },
});

export async function branchReportRows(pool: pg.Pool, query: ReportQuery, scope: BranchReportScope, options: { forDrillDown?: boolean } = {}): Promise<ReportRows> {
  // Logins are kept lower-case, as the counters keep them.
  const filter = [query.from, query.to, query.group ?? null, query.regulationId ?? null, query.operator?.toLowerCase() ?? null];
  const withScope = [scope.timeZone, ...filter, scope.deviceId];
  const [cases, steps, surveys, tickets, norms, outside] = await Promise.all([
    pool.query<CaseRow>(CASES, withScope),
    pool.query<StepRow>(STEPS, withScope),
    pool.query<ReportSurveyRow>(SURVEYS, withScope),
    pool.query<TicketRow>(TICKETS, filter),
    pool.query<{ regulation_id: string; step: string; norm: Norm | null }>('SELECT regulation_id, step, norm FROM step_norms'),
    options.forDrillDown ? pool.query<CaseRow>(CASES_OUTSIDE, withScope) : null,
  ]);
  const normOf = new Map(norms.rows.map((n) => [`${n.regulation_id}\u0000${n.step}`, n.norm]));
  return {
    cases: cases.rows.map(toCase),
    steps: steps.rows.map((s) => ({ ...s, startedAt: isoOf(s.startedAt)!, endedAt: isoOf(s.endedAt), normDueAt: isoOf(s.normDueAt) })),
    surveys: surveys.rows,
    tickets: tickets.rows.map((t) => ({
      ...t,
      issuedAt: isoOf(t.issuedAt)!,
      calledAt: isoOf(t.calledAt),
      serviceStartedAt: isoOf(t.serviceStartedAt),
      finishedAt: isoOf(t.finishedAt),
    })),
    norm: (regulationId, step) => normOf.get(`${regulationId}\u0000${step}`) ?? null,
    ...(outside ? { casesOutsidePeriod: outside.rows.map(toCase) } : {}),
  };
}
