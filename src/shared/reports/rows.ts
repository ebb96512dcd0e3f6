/**
 * The rows a report is computed from, as both stores hand them over: the counter's SQLite and
 * the branch server's PostgreSQL each select these for the period and the filter, and one pure
 * function (`compose.ts`) turns them into the figures — so a counter's report and the branch's
 * cannot count differently. Times are ISO 8601 in UTC; seconds are whole or fractional.
 */
import type { CaseStatus } from '../cases';
import type { TicketState } from '../queue';
import type { Norm } from '../regulation';

export interface ReportCaseRow {
  /** This counter's own case id, or null for another workstation's case (read from the branch). */
  caseId: number | null;
  number: string;
  regulationId: string;
  status: CaseStatus;
  step: string;
  outcome: 'result' | 'refusal' | null;
  refusalReason: { kk: string; ru: string } | null;
  operator: string | null;
  /** The queue group of the case's service (the act's `service.queueGroup`). */
  group: string | null;
  createdAt: string;
}

export interface ReportStepRow {
  caseNumber: string;
  regulationId: string;
  step: string;
  operator: string | null;
  startedAt: string;
  endedAt: string | null;
  normDueAt: string | null;
  breached: boolean;
}

export interface ReportSurveyRow {
  caseNumber: string;
  processQuality: 1 | 2 | 3;
  informationQuality: 1 | 2 | 3;
}

export interface ReportTicketRow {
  day: string;
  group: string;
  state: TicketState;
  operator: string | null;
  issuedAt: string;
  calledAt: string | null;
  serviceStartedAt: string | null;
  finishedAt: string | null;
}

export interface ReportRows {
  cases: ReportCaseRow[];
  steps: ReportStepRow[];
  surveys: ReportSurveyRow[];
  tickets: ReportTicketRow[];
  /**
   * For a drill-down only: the cases outside the period whose steps are in it (a case opened
   * earlier whose step ended or ran past its norm in the period), so a breach leads to its case.
   */
  casesOutsidePeriod?: ReportCaseRow[];
  /**
   * The operators' full names by login, as their store reads them (the counter's accounts, the
   * branch's directory); the report keeps those of the logins it names. Absent: logins only.
   */
  operatorNames?: ReadonlyMap<string, string>;
  /** The norm of each act's step, as the act gives it (null where it gives none). */
  norm(regulationId: string, step: string): Norm | null;
}
