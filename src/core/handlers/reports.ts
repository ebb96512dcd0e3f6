/**
 * The supervisor's reports: figures for a period, the cases behind a figure, and the exports.
 * Reports hold no applicant's data (case numbers, times, figures), but they name the branch's
 * operators and judge their work against the norms: every reading, drill-down and export leaves an
 * audit row saying who read which period (an exported file leaves the workstation).
 */
import type { ReportQuery } from '../../shared/reports/report';
import type { CoreParts } from '../parts';
import { loadPrintFonts } from '../printing/pdfDocument';
import { actNames } from '../reports/export/actNames';
import { exportReport } from '../reports/export/exportReport';
import { CounterReportRows } from '../reports/reportRows';
import { branchSource } from '../reports/branchSource';
import { counterSource, type ReportSource } from '../reports/reportSource';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'reports.get' | 'reports.cases' | 'reports.export';

export function reportHandlers(s: Services, p: CoreParts): HandlerGroup<Calls> {
  const counter = counterSource(new CounterReportRows(s.db, p.catalog, p.termClock, s.operators), s.clock, s.training);
  const branch = branchSource(p.branchLink, counter);
  // The one place a branch counter chooses the branch's figures: while its link is up, and never in training.
  const source = (): ReportSource => (p.branchLink.online && !s.training ? branch : counter);
  const audited = (actorId: number, action: string, query: ReportQuery, extra: Record<string, unknown> = {}) =>
    s.audit.append({ actorId, action, subject: `report:${query.from}/${query.to}`, detail: { ...query, ...extra } });
  return {
    'reports.get': async (query, ctx) => {
      const report = await source().report(query);
      audited(ctx.operator.id, 'reports.read', query, { scope: report.scope });
      return report;
    },
    'reports.cases': async ({ query, drill }, ctx) => {
      const cases = await source().cases(query, drill);
      audited(ctx.operator.id, 'reports.drilled', query, { figure: drill.figure });
      return { cases };
    },
    // The same figures as reports.get, written as a file; service names in the supervisor's language.
    'reports.export': async ({ query, format, locale }, ctx) => {
      const file = await exportReport(await source().report(query), format, locale, actNames((id) => p.catalog.get(id), locale), loadPrintFonts(p.resourcesDir));
      audited(ctx.operator.id, 'reports.exported', query, { format, locale });
      return file;
    },
  };
}
