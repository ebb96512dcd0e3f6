/**
 * The reports screen's state: the period and filters asked about, the report the core answered,
 * the acts it names (for their steps' titles), the figure being drilled into and its cases.
 */
import { create } from 'zustand';
import type { KioskGroup } from '../../shared/queue';
import type { Regulation } from '../../shared/regulation';
import type { DrillDown, Report, ReportCase, ReportQuery } from '../../shared/reports/report';
import type { z } from 'zod';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';
import { isoDay, shiftSpan, spanOf, type Span } from './period';

export interface Filters {
  group?: string | undefined;
  regulationId?: string | undefined;
  operator?: string | undefined;
}

export interface Drill {
  drill: DrillDown;
  cases: ReportCase[] | null;
  problem: Problem | null;
}

interface ReportsState {
  span: Span;
  filters: Filters;
  report: Report | null;
  loading: boolean;
  problem: Problem | null;
  /** The acts a report names, fetched once each; null while asked or when the catalogue has no such act. */
  regulations: Record<string, Regulation | null>;
  /** The queue's groups and the services in them, for the filters. */
  groups: z.infer<typeof KioskGroup>[];
  /** Every operator seen in this period's reports, so narrowing to one keeps the others choosable. */
  operators: string[];
  /** The full names of the operators the reports named, by login (kept for the session: the drill-down and the filter show them too). */
  operatorNames: Record<string, string>;
  drill: Drill | null;
  setSpan(span: Span): void;
  shift(by: -1 | 1): void;
  setFilters(filters: Filters): void;
  load(): Promise<void>;
  loadChoices(): Promise<void>;
  openDrill(drill: DrillDown): Promise<void>;
  closeDrill(): void;
}

export function queryOf(span: Span, filters: Filters): ReportQuery {
  const query: ReportQuery = { period: span.period, from: span.from, to: span.to };
  if (filters.group) query.group = filters.group;
  if (filters.regulationId) query.regulationId = filters.regulationId;
  if (filters.operator) query.operator = filters.operator;
  return query;
}

const thisWeek = () => spanOf('week', isoDay(new Date()));

// Answers can arrive out of order when the supervisor steps through weeks quickly; only the last counts.
let asked = 0;
let drilled = 0;

export const useReports = create<ReportsState>()((set, get) => ({
  span: thisWeek(),
  filters: {},
  report: null,
  loading: false,
  problem: null,
  regulations: {},
  groups: [],
  operators: [],
  operatorNames: {},
  drill: null,

  setSpan(span) {
    set({ span, operators: [] });
    void get().load();
  },
  shift(by) {
    get().setSpan(shiftSpan(get().span, by));
  },
  setFilters(filters) {
    set({ filters: { ...get().filters, ...filters } });
    void get().load();
  },

  async load() {
    const mine = ++asked;
    const { span, filters } = get();
    set({ loading: true, problem: null });
    try {
      const report = await invoke('reports.get', queryOf(span, filters));
      if (mine !== asked) return;
      const seen = new Set([...get().operators, ...report.byOperator.map((o) => o.operator), ...report.queue.byOperator.map((o) => o.operator)]);
      set({ report, loading: false, operators: [...seen].sort((a, b) => a.localeCompare(b)), operatorNames: { ...get().operatorNames, ...report.operators } });
      void fetchRegulations(report);
    } catch (error) {
      if (mine !== asked) return;
      set({ loading: false, problem: toProblem(error) });
    }
  },

  async loadChoices() {
    try {
      const kiosk = await invoke('queue.kiosk', {});
      set({ groups: kiosk.groups });
    } catch {
      // Without the queue's groups the filters offer only what the report itself names.
    }
  },

  async openDrill(drill) {
    const mine = ++drilled;
    const { span, filters } = get();
    set({ drill: { drill, cases: null, problem: null } });
    try {
      const { cases } = await invoke('reports.cases', { query: queryOf(span, filters), drill });
      if (mine === drilled) set({ drill: { drill, cases, problem: null } });
    } catch (error) {
      if (mine === drilled) set({ drill: { drill, cases: [], problem: toProblem(error) } });
    }
  },
  closeDrill() {
    drilled++;
    set({ drill: null });
  },
}));

/** The acts named anywhere in the report, each asked for once: their titles and steps' words. */
async function fetchRegulations(report: Report): Promise<void> {
  const ids = new Set<string>([
    ...report.norms.map((n) => n.regulationId),
    ...report.breaches.map((b) => b.regulationId),
    ...report.refusals.byAct.map((r) => r.regulationId),
    ...report.byService.map((s) => s.regulationId),
  ]);
  const known = useReports.getState().regulations;
  const missing = [...ids].filter((id) => !(id in known));
  if (missing.length === 0) return;
  useReports.setState({ regulations: { ...known, ...Object.fromEntries(missing.map((id) => [id, null])) } });
  await Promise.all(
    missing.map(async (id) => {
      try {
        const regulation = await invoke('catalog.regulation', { id });
        useReports.setState((s) => ({ regulations: { ...s.regulations, [id]: regulation } }));
      } catch {
        // An act no longer in the catalogue is shown by its id.
      }
    }),
  );
}

whenSessionCloses(() => {
  asked++;
  drilled++;
  useReports.setState({ span: thisWeek(), filters: {}, report: null, problem: null, operators: [], operatorNames: {}, drill: null, loading: false });
});
