/**
 * The supervisor's report over the whole branch: the rows from the branch's database, the figures
 * from the same computation a counter uses for its own (so the two cannot count differently).
 */
import type pg from 'pg';
import type { BranchOutput, BranchParsed } from '../shared/branch/wire';
import { casesBehind, composeReport } from '../shared/reports/compose';
import type { Device } from './queue';
import { branchReportRows } from './reportRows';

export function reportCalls(pool: pg.Pool, timeZone: string) {
  return {
    'reports.get': async (device: Device, query: BranchParsed<'reports.get'>): Promise<BranchOutput<'reports.get'>> => {
      const rows = await branchReportRows(pool, query, { timeZone, deviceId: device.id });
      // Training cases are left out of the branch's rows: its report is never a training one.
      return composeReport(query, rows, 'branch', false, new Date().toISOString());
    },
    'reports.cases': async (device: Device, input: BranchParsed<'reports.cases'>): Promise<BranchOutput<'reports.cases'>> => {
      const rows = await branchReportRows(pool, input.query, { timeZone, deviceId: device.id }, { forDrillDown: true });
      return { cases: casesBehind(input.query, rows, input.drill, new Date().toISOString()) };
    },
  };
}
