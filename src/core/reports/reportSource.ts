/**
 * Where a report comes from. A counter computes it from its own database (scope 'counter'); a
 * counter in a branch with its link up will ask the branch server instead (scope 'branch'), which
 * computes it the same way over every counter's cases — the handler picks the source, one `if`.
 */
import { casesBehind, composeReport } from '../../shared/reports/compose';
import type { DrillDown, Report, ReportCase, ReportQuery } from '../../shared/reports/report';
import { iso, type Clock } from '../clock';
import type { CounterReportRows } from './reportRows';

export interface ReportSource {
  readonly scope: Report['scope'];
  report(query: ReportQuery): Report | Promise<Report>;
  cases(query: ReportQuery, drill: DrillDown): ReportCase[] | Promise<ReportCase[]>;
}

export function counterSource(rows: CounterReportRows, clock: Clock, training: boolean): ReportSource {
  return {
    scope: 'counter',
    report: (query) => composeReport(query, rows.select(query), 'counter', training, iso(clock.now())),
    cases: (query, drill) => casesBehind(query, rows.select(query, { forDrillDown: true }), drill, iso(clock.now())),
  };
}
