/**
 * The supervisor's reports: figures for a period, the cases behind a figure, and the exports.
 * Reports hold no personal data (case numbers, logins, times), so reading one is not audited.
 */
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
  const counter = counterSource(new CounterReportRows(s.db, p.catalog, p.termClock), s.clock, s.training);
  const branch = branchSource(p.branchLink, counter);
  // The one place a branch counter chooses the branch's figures: while its link is up, and never in training.
  const source = (): ReportSource => (p.branchLink.online && !s.training ? branch : counter);
  return {
    'reports.get': (query) => source().report(query),
    'reports.cases': async ({ query, drill }) => ({ cases: await source().cases(query, drill) }),
    // The same figures as reports.get, written as a file; service names in the supervisor's language.
    'reports.export': async ({ query, format, locale }) =>
      exportReport(await source().report(query), format, locale, actNames((id) => p.catalog.get(id), locale), loadPrintFonts(p.resourcesDir)),
  };
}
