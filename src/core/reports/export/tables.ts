/**
 * A report laid out as titled tables, once, for every export format: the CSV, the workbook and
 * the PDF then show the same rows with the same figures, and differ only in how they write them.
 */
import { CASE_STATUSES } from '../../../shared/cases';
import type { Norm } from '../../../shared/regulation';
import type { QueueReportFigures, Report } from '../../../shared/reports/report';
import { LABELS, type ExportLabels, type ExportLocale } from './labels';

export type Cell = string | number | null;
/** How a column's figures are written: whole counts, seconds (may be fractional), shares of 1, text. */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'share';
export interface Column {
  header: string;
  kind: ColumnKind;
  /** In characters: the workbook's column width, and the column's share of a PDF page. */
  width: number;
}
export interface Table {
  title: string | null;
  columns: Column[];
  rows: Cell[][];
  note?: string;
}
export const SECTION_IDS = ['norms', 'breaches', 'cases', 'refusals', 'survey', 'queue'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export interface Section {
  id: SectionId;
  title: string;
  tables: Table[];
}
export interface ReportLayout {
  title: string;
  /** Period, making time, scope, filters: the lines above the tables. */
  heading: string[];
  training: string | null;
  sections: Section[];
}

/**
 * How the acts are named in the supervisor's language: the service's title, and a step as the
 * act numbers it ("2-үдеріс", "Условие 1") with its place in the act's flow, so the norms read in
 * the act's order. Without `step`, a step is shown by its id.
 */
export interface ActNames {
  title(regulationId: string): string;
  step?(regulationId: string, stepId: string): { label: string; order: number } | undefined;
}

const text = (header: string, width = 18): Column => ({ header, kind: 'text', width });
const int = (header: string, width = 12): Column => ({ header, kind: 'int', width });
const dec = (header: string, width = 14): Column => ({ header, kind: 'decimal', width });
const share = (header: string): Column => ({ header, kind: 'share', width: 10 });

export function layoutReport(report: Report, locale: ExportLocale, names: ActNames): ReportLayout {
  const L = LABELS[locale];
  const titleOf = (id: string) => names.title(id);
  const stepOf = (id: string, step: string) => names.step?.(id, step)?.label ?? step;
  const q = report.query;
  const filters = [
    `${L.group}: ${q.group ?? L.all}`,
    `${L.service}: ${q.regulationId ? titleOf(q.regulationId) : L.all}`,
    `${L.operator}: ${q.operator ? operatorName(report, q.operator.toLowerCase()) : L.all}`,
  ].join('; ');
  return {
    title: L.title,
    heading: [
      `${L.period}: ${q.from} — ${q.to}`,
      `${L.generatedAt}: ${branchTime(report.generatedAt)}`,
      L.scope[report.scope],
      `${L.filters}: ${filters}`,
    ],
    training: report.training ? L.training : null,
    sections: [
      normsSection(report, L, names),
      breachesSection(report, L, titleOf, stepOf),
      casesSection(report, L, titleOf),
      refusalsSection(report, L, locale, titleOf),
      surveySection(report, L),
      queueSection(report, L),
    ],
  };
}

/** An operator as the exports write one: "Full Name (login)", or the login alone when the report has no name for it. */
export function operatorName(r: Report, login: string): string {
  const name = r.operators[login];
  return name ? `${name} (${login})` : login;
}

function normsSection(r: Report, L: ExportLabels, names: ActNames): Section {
  const order = (id: string, step: string) => names.step?.(id, step)?.order ?? Number.MAX_SAFE_INTEGER;
  // Act by act, each act's steps in the order its flow runs.
  const norms = [...r.norms].sort((a, b) =>
    a.regulationId === b.regulationId ? order(a.regulationId, a.step) - order(b.regulationId, b.step) : a.regulationId.localeCompare(b.regulationId),
  );
  return {
    id: 'norms',
    title: L.sections.norms,
    tables: [
      {
        title: null,
        columns: [text(L.service, 40), text(L.norms.step, 16), text(L.norms.norm, 18), int(L.norms.count), dec(L.norms.median), dec(L.norms.p90), int(L.norms.breaches)],
        rows: norms.map((n) => [names.title(n.regulationId), names.step?.(n.regulationId, n.step)?.label ?? n.step, normText(n.norm, L), n.count, n.medianSeconds, n.p90Seconds, n.breaches]),
      },
    ],
  };
}

function breachesSection(r: Report, L: ExportLabels, titleOf: (id: string) => string, stepOf: (id: string, step: string) => string): Section {
  const cut = r.breachesTotal > r.breaches.length;
  return {
    id: 'breaches',
    title: L.sections.breaches,
    tables: [
      {
        title: null,
        columns: [text(L.breaches.case, 16), text(L.service, 32), text(L.breaches.step, 14), text(L.operator, 28), text(L.breaches.startedAt, 17), text(L.breaches.endedAt, 17), text(L.breaches.dueAt, 17), dec(L.breaches.over, 16)],
        rows: r.breaches.map((b) => [
          b.caseNumber, titleOf(b.regulationId), stepOf(b.regulationId, b.step), b.operator === null ? null : operatorName(r, b.operator), branchTime(b.startedAt),
          b.endedAt ? branchTime(b.endedAt) : L.breaches.open, branchTime(b.normDueAt), b.overSeconds,
        ]),
        ...(cut ? { note: L.breaches.cut.replace('{shown}', String(r.breaches.length)).replace('{total}', String(r.breachesTotal)) } : {}),
      },
    ],
  };
}

function casesSection(r: Report, L: ExportLabels, titleOf: (id: string) => string): Section {
  return {
    id: 'cases',
    title: L.sections.cases,
    tables: [
      {
        title: L.cases.byStatus,
        columns: [text(L.cases.status, 28), int(L.count)],
        rows: [...CASE_STATUSES.map((s) => [L.status[s], r.cases.byStatus[s] ?? 0]), [L.total, r.cases.total]],
      },
      {
        title: L.cases.byService,
        columns: [text(L.service, 40), int(L.cases.cases), int(L.cases.refused), int(L.cases.issued), int(L.cases.breaches)],
        rows: r.byService.map((s) => [titleOf(s.regulationId), s.cases, s.refused, s.issued, s.breaches]),
      },
      {
        title: L.cases.byOperator,
        columns: [text(L.operator, 32), int(L.cases.cases), int(L.cases.refused), int(L.cases.breaches)],
        rows: r.byOperator.map((o) => [operatorName(r, o.operator), o.cases, o.refused, o.breaches]),
      },
    ],
  };
}

function refusalsSection(r: Report, L: ExportLabels, locale: ExportLocale, titleOf: (id: string) => string): Section {
  // A refusal's reason is worded in the act's two languages; English readers get the Russian.
  const reasonIn = (reason: { kk: string; ru: string }) => (locale === 'kk' ? reason.kk : reason.ru);
  return {
    id: 'refusals',
    title: L.sections.refusals,
    tables: [
      {
        title: L.refusals.byReason,
        columns: [text(L.refusals.reason, 60), int(L.count)],
        rows: [...r.refusals.byReason.map((x) => [reasonIn(x.reason), x.count]), [L.total, r.refusals.total]],
      },
      {
        title: L.refusals.byAct,
        columns: [text(L.service, 40), int(L.count)],
        rows: r.refusals.byAct.map((x) => [titleOf(x.regulationId), x.count]),
      },
    ],
  };
}

function surveySection(r: Report, L: ExportLabels): Section {
  return {
    id: 'survey',
    title: L.sections.survey,
    tables: [
      {
        title: `${L.survey.answered}: ${r.survey.answered}`,
        columns: [text(L.survey.question, 32), text(L.survey.answer, 26), int(L.count), share(L.share)],
        rows: r.survey.questions.flatMap((q) => q.answers.map((a) => [L.questions[q.question], L.answers[a.value], a.count, a.share])),
      },
    ],
  };
}

function queueSection(r: Report, L: ExportLabels): Section {
  const figures = (f: QueueReportFigures): Cell[] => [f.issued, f.served, f.noShow, f.unserved, f.waitMedianSeconds, f.waitP90Seconds, f.serviceMedianSeconds, f.serviceP90Seconds];
  const figureColumns = [
    int(L.queue.issued), int(L.queue.served), int(L.queue.noShow), int(L.queue.unserved),
    dec(L.queue.waitMedian), dec(L.queue.waitP90), dec(L.queue.serviceMedian), dec(L.queue.serviceP90),
  ];
  return {
    id: 'queue',
    title: L.sections.queue,
    tables: [
      {
        title: L.queue.byGroup,
        columns: [text(L.group, 14), ...figureColumns],
        rows: [...r.queue.byGroup.map((g) => [g.group, ...figures(g)]), [L.total, ...figures(r.queue.total)]],
      },
      { title: L.queue.byOperator, columns: [text(L.operator, 28), ...figureColumns], rows: r.queue.byOperator.map((o) => [operatorName(r, o.operator), ...figures(o)]) },
      {
        title: L.queue.byDay,
        columns: [text(L.queue.day, 12), int(L.queue.issued), int(L.queue.served), int(L.queue.noShow)],
        rows: r.queue.byDay.map((d) => [d.day, d.issued, d.served, d.noShow]),
      },
    ],
  };
}

function normText(norm: Norm | null, L: ExportLabels): string {
  if (!norm) return '—';
  return `${norm.min !== undefined ? `${norm.min}–` : ''}${norm.max} ${L.units[norm.unit]}`;
}

/** An instant on the branch's clock (UTC+5), as 'YYYY-MM-DD HH:MM': spreadsheets sort it as text. */
export function branchTime(isoTime: string): string {
  return new Date(Date.parse(isoTime) + 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
