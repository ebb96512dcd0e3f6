/**
 * The supervisor's report over the whole branch: the rows from the branch's database, the figures
 * from the same computation a counter uses for its own (so the two cannot count differently), the
 * operators' full names from the branch's directory.
 */
import type pg from 'pg';
import type { BranchOutput, BranchParsed } from '../shared/branch/wire';
import { casesBehind, composeReport } from '../shared/reports/compose';
import type { ReportRows } from '../shared/reports/rows';
import type { BranchDirectory } from './directory';
import type { Device } from './queue';
import { branchReportRows } from './reportRows';

/** Every login the rows name: the operators of cases, steps and tickets. */
function loginsOf(rows: ReportRows): Set<string> {
  const logins = new Set<string>();
  for (const list of [rows.cases, rows.steps, rows.tickets]) for (const r of list) if (r.operator !== null) logins.add(r.operator);
  return logins;
}

export function reportCalls(pool: pg.Pool, timeZone: string, directory: Pick<BranchDirectory, 'fullNames'>) {
  return {
    'reports.get': async (device: Device, query: BranchParsed<'reports.get'>): Promise<BranchOutput<'reports.get'>> => {
      const rows = await branchReportRows(pool, query, { timeZone, deviceId: device.id });
      // The operators' full names from the branch's directory, for the logins the rows name (and the filter's).
      const logins = loginsOf(rows);
      if (query.operator) logins.add(query.operator.toLowerCase());
      rows.operatorNames = await directory.fullNames(logins);
      // Training cases are left out of the branch's rows: its report is never a training one.
      return composeReport(query, rows, 'branch', false, new Date().toISOString());
    },
    'reports.cases': async (device: Device, input: BranchParsed<'reports.cases'>): Promise<BranchOutput<'reports.cases'>> => {
      const rows = await branchReportRows(pool, input.query, { timeZone, deviceId: device.id }, { forDrillDown: true });
      return { cases: casesBehind(input.query, rows, input.drill, new Date().toISOString()) };
    },
  };
}
