/**
 * The rows of a supervisor's report, selected from the counter's SQLite for a query — the same
 * rows, by the same rules, as the branch selects from its PostgreSQL (`src/branch/reportRows.ts`),
 * so one computation (`shared/reports/compose.ts`) turns both into figures:
 *
 * - the period is [`from` 00:00, the day after `to` 00:00) on the branch's clock (UTC+5), the same
 *   days the queue numbers its tickets in;
 * - cases opened in the period, as they stand now, with their surveys;
 * - steps ended in the period, and steps still open that began before its end (a breach runs on
 *   until the report is made);
 * - tickets of the period's days.
 *
 * The filter narrows cases and steps to the acts of a group (the act's `service.queueGroup`) or to
 * one act; an operator's login narrows cases to those the operator opened, steps to those they
 * took and tickets to those they called. Read: numbers, logins, times, and the full names of the
 * operators (through the accounts' store, which opens them) so the report can name its logins.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { CaseStatus } from '../../shared/cases';
import { AppError } from '../../shared/errors';
import type { Norm } from '../../shared/regulation';
import type { ReportQuery } from '../../shared/reports/report';
import type { ReportCaseRow, ReportRows, ReportStepRow, ReportSurveyRow, ReportTicketRow } from '../../shared/reports/rows';
import type { TicketState } from '../../shared/queue';
import type { OperatorStore } from '../auth/operatorStore';
import type { TermClock } from '../calendar/termClock';
import { addDays } from '../calendar/isoDate';
import { iso } from '../clock';
import type { Catalog } from '../regulations/catalog';
import { refusalReasonOf } from './refusalReason';

interface Filter {
  start: string;
  end: string;
  from: string;
  to: string;
  /** The acts of the group, or the one act, as JSON for json_each; null: every act. */
  acts: string | null;
  /** The operator's id here; -1 for a login this counter does not know (nothing matches). */
  operatorId: number | null;
}

const CASE_COLUMNS = `c.id, c.number, c.regulation_id, c.status, c.step, c.outcome, c.refusal_reason, c.checks, c.operator_id, c.created_at`;

interface CaseRow {
  id: number;
  number: string;
  regulation_id: string;
  status: CaseStatus;
  step: string;
  outcome: 'result' | 'refusal' | null;
  refusal_reason: string | null;
  checks: string;
  operator_id: number;
  created_at: string;
}

/** case id, step, operator id, started, ended, norm due, breached — in the SELECT's order. */
type StepTuple = [number, string, number | null, string, string | null, string | null, number];

/** The stored reason, or the notice's words (refusalReason.ts). */
function reasonOf(r: CaseRow): { kk: string; ru: string } | null {
  return refusalReasonOf({
    refusalReason: r.refusal_reason ? (JSON.parse(r.refusal_reason) as { kk: string; ru: string }) : null,
    outcome: r.outcome,
    checks: JSON.parse(r.checks) as { personFound?: boolean; powerOfAttorneyFound?: boolean },
  });
}

/** A day that exists on the calendar ('2026-02-30' matches the contract's pattern but is no day). */
function checkDay(day: string, field: 'from' | 'to'): void {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new AppError({ code: 'VALIDATION', issues: [{ path: field, reason: 'date.format' }] });
  }
}

export class CounterReportRows {
  // One statement per shape of the filter (group/act or not, operator or not): four of each at most.
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly catalog: Catalog,
    private readonly clock: () => TermClock,
    private readonly operators: Pick<OperatorStore, 'all'>,
  ) {}

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private filter(query: ReportQuery): Filter {
    checkDay(query.from, 'from');
    checkDay(query.to, 'to');
    const clock = this.clock();
    let acts: string[] | null = null;
    if (query.group !== undefined) acts = this.catalog.all().filter((r) => r.service.queueGroup === query.group).map((r) => r.id);
    if (query.regulationId !== undefined) acts = (acts ?? [query.regulationId]).filter((id) => id === query.regulationId);
    let operatorId: number | null = null;
    if (query.operator !== undefined) {
      const row = this.db.prepare('SELECT id FROM operators WHERE login = ?').get(query.operator.toLowerCase()) as { id: number } | undefined;
      operatorId = row?.id ?? -1;
    }
    return {
      start: iso(clock.startOfDay(query.from)),
      end: iso(clock.startOfDay(addDays(query.to, 1))),
      from: query.from,
      to: query.to,
      acts: acts && JSON.stringify(acts),
      operatorId,
    };
  }

  private caseFilter(f: Filter, operatorColumn: string): string {
    return [
      f.acts !== null ? 'AND c.regulation_id IN (SELECT value FROM json_each(@acts))' : '',
      f.operatorId !== null ? `AND ${operatorColumn} = @operatorId` : '',
    ].join(' ');
  }

  private logins(): Map<number, string> {
    const rows = this.statement('SELECT id, login FROM operators').all() as { id: number; login: string }[];
    return new Map(rows.map((r) => [r.id, r.login]));
  }

  /** Every account's full name by login, opened by the store (the names are sealed in the row); the report keeps the ones it names. */
  private fullNames(): Map<string, string> {
    return new Map(this.operators.all().map((o) => [o.login, o.fullName]));
  }

  private norm(regulationId: string, step: string): Norm | null {
    const regulation = this.catalog.get(regulationId);
    if (!regulation) return null;
    // The counter's own channel first: another channel may use the same step id with its own norm.
    const channels = [...regulation.channels].sort((a, b) => Number(b.kind === 'stateCorporation') - Number(a.kind === 'stateCorporation'));
    for (const channel of channels) {
      const found = channel.steps.find((s) => s.id === step);
      if (found) return found.norm;
    }
    return null;
  }

  private toCase(r: CaseRow, logins: Map<number, string>): ReportCaseRow {
    return {
      caseId: r.id,
      number: r.number,
      regulationId: r.regulation_id,
      status: r.status,
      step: r.step,
      outcome: r.outcome,
      refusalReason: reasonOf(r),
      operator: logins.get(r.operator_id) ?? null,
      group: this.catalog.get(r.regulation_id)?.service.queueGroup ?? null,
      createdAt: r.created_at,
    };
  }

  select(query: ReportQuery, options: { forDrillDown?: boolean } = {}): ReportRows {
    const f = this.filter(query);
    const params = { ...f, group: query.group ?? null, regulationId: query.regulationId ?? null };
    const pick = (sql: string) => this.statement(sql).all(params);
    // Logins by id, once: a join per row would cost a month's report a look-up for each of its rows.
    const logins = this.logins();

    const cases = pick(
      `SELECT ${CASE_COLUMNS} FROM cases c
       WHERE c.created_at >= @start AND c.created_at < @end ${this.caseFilter(f, 'c.operator_id')}
       ORDER BY c.created_at, c.number`,
    ) as CaseRow[];

    // Two index ranges, not one OR: the ended steps by their end, the open ones by their start. The
    // case's number and act come from the cases already read (a join would look each step's case up
    // by key, a couple of hundred thousand look-ups a month); an act filter still needs the join.
    const stepFilter = this.caseFilter(f, 's.operator_id');
    const joined = f.acts !== null ? 'JOIN cases c ON c.id = s.case_id' : '';
    const stepColumns = `s.case_id, s.step, s.operator_id, s.started_at, s.ended_at, s.norm_due_at, s.breached`;
    // Rows as arrays, made into the report's objects once: a month has a couple of hundred thousand.
    const steps = this.statement(
      `SELECT ${stepColumns} FROM case_steps s ${joined}
       WHERE s.ended_at >= @start AND s.ended_at < @end ${stepFilter}
       UNION ALL
       SELECT ${stepColumns} FROM case_steps s ${joined}
       WHERE s.ended_at IS NULL AND s.started_at < @end ${stepFilter}`,
    )
      .raw(true)
      .all(params) as StepTuple[];
    const caseOf = this.casesById(cases, steps);

    const surveys = pick(
      `SELECT c.number AS caseNumber, v.process_quality AS processQuality, v.information_quality AS informationQuality
       FROM cases c JOIN case_surveys v ON v.case_id = c.id
       WHERE c.created_at >= @start AND c.created_at < @end ${this.caseFilter(f, 'c.operator_id')}`,
    ) as ReportSurveyRow[];

    // The queue's group is the line a ticket was served in, as the day's statistics count it.
    const tickets = pick(
      `SELECT t.day, t.line AS "group", t.state, t.operator_id AS operator, t.issued_at AS issuedAt, t.called_at AS calledAt,
              t.service_started_at AS serviceStartedAt, t.finished_at AS finishedAt
       FROM tickets t
       WHERE t.day >= @from AND t.day <= @to
       ${query.group !== undefined ? 'AND t.line = @group' : ''}
       ${query.regulationId !== undefined ? 'AND t.regulation_id = @regulationId' : ''}
       ${f.operatorId !== null ? 'AND t.operator_id = @operatorId' : ''}`,
    ) as (Omit<ReportTicketRow, 'state' | 'operator'> & { state: TicketState; operator: number | string | null })[];
    for (const t of tickets) t.operator = t.operator === null ? null : (logins.get(t.operator as number) ?? null);

    const rows: ReportRows = {
      cases: cases.map((r) => this.toCase(r, logins)),
      steps: steps.map(
        ([caseId, step, operatorId, startedAt, endedAt, normDueAt, breached]): ReportStepRow => ({
          caseNumber: caseOf.get(caseId)![0],
          regulationId: caseOf.get(caseId)![1],
          step,
          operator: operatorId === null ? null : (logins.get(operatorId) ?? null),
          startedAt,
          endedAt,
          normDueAt,
          breached: breached === 1,
        }),
      ),
      surveys,
      tickets: tickets as ReportTicketRow[],
      // Not for a drill-down: its cases carry logins only.
      ...(options.forDrillDown ? {} : { operatorNames: this.fullNames() }),
      norm: (regulationId, step) => this.norm(regulationId, step),
    };
    if (options.forDrillDown) rows.casesOutsidePeriod = this.outside(rows, logins);
    return rows;
  }

  /** Each step's case number and act: the period's cases, and the few opened before it looked up by id. */
  private casesById(cases: readonly CaseRow[], steps: readonly StepTuple[]): Map<number, [string, string]> {
    const byId = new Map<number, [string, string]>(cases.map((c) => [c.id, [c.number, c.regulation_id]]));
    const missing = [...new Set(steps.map((t) => t[0]).filter((id) => !byId.has(id)))];
    if (missing.length > 0) {
      const found = this.statement('SELECT id, number, regulation_id FROM cases WHERE id IN (SELECT value FROM json_each(?))')
        .raw(true)
        .all(JSON.stringify(missing)) as [number, string, string][];
      for (const [id, number, act] of found) byId.set(id, [number, act]);
    }
    return byId;
  }

  /** The cases of the period's steps that were opened before it (or after: a clock set back). */
  private outside(rows: ReportRows, logins: Map<number, string>): ReportCaseRow[] {
    const inPeriod = new Set(rows.cases.map((c) => c.number));
    const missing = [...new Set(rows.steps.map((s) => s.caseNumber))].filter((n) => !inPeriod.has(n));
    if (missing.length === 0) return [];
    const found = this.statement(
      `SELECT ${CASE_COLUMNS} FROM cases c
       WHERE c.number IN (SELECT value FROM json_each(?)) ORDER BY c.created_at, c.number`,
    ).all(JSON.stringify(missing)) as CaseRow[];
    return found.map((r) => this.toCase(r, logins));
  }
}
