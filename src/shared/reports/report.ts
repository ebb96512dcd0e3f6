/**
 * The supervisor's reports: what the acts hold the branch to (each step's norm against the time
 * it took), cases by status, refusals by reason and by act, the applicants' survey (S2 appendix 5)
 * and the queue's figures, for a day, a week, a month or a range of days, narrowed to a group, a
 * service or an operator. A counter computes them from its own database; a branch counter asks the
 * branch server, which computes them the same way (`reports/compose.ts`) over the whole branch.
 */
import { z } from 'zod';
import { CaseStatus } from '../cases';
import { Group } from '../queue';
import { Norm } from '../regulation';
import { IsoTime } from '../schemas';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');

export const PERIODS = ['day', 'week', 'month', 'range'] as const;
export const ReportPeriod = z.enum(PERIODS);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** The longest range a report may span: a year and a day (a leap year's whole). */
export const MAX_REPORT_DAYS = 366;

/** What a report is about: the days (both ends included) and, optionally, one group, service or operator. */
export const ReportQuery = z
  .strictObject({
    period: ReportPeriod,
    from: IsoDay,
    to: IsoDay,
    group: Group.optional(),
    regulationId: z.string().min(1).max(80).optional(),
    /** The operator's login (the branch knows operators by login, not by a counter's local id). */
    operator: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'report.rangeReversed', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: 'report.rangeTooLong',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One step of one act: its norm, and how long it really took over the period. */
export const StepNormFigure = z.object({
  regulationId: z.string(),
  step: z.string(),
  norm: Norm.nullable(),
  /** Steps ended within the period. */
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  breaches: z.number().int(),
});
export type StepNormFigure = z.infer<typeof StepNormFigure>;

/** A step that ran past its norm, with its case: the line a supervisor follows up. */
export const NormBreach = z.object({
  caseNumber: z.string(),
  regulationId: z.string(),
  step: z.string(),
  operator: z.string().nullable(),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  normDueAt: IsoTime,
  /** How long past the norm (to the end, or to the report's making while still open). */
  overSeconds: z.number(),
});
export type NormBreach = z.infer<typeof NormBreach>;

const Count = z.number().int();
const Share = z.number().min(0).max(1);

export const SURVEY_QUESTIONS = ['processQuality', 'informationQuality'] as const;
export const SurveyQuestion = z.enum(SURVEY_QUESTIONS);

export const QueueReportFigures = z.object({
  issued: Count,
  served: Count,
  noShow: Count,
  unserved: Count,
  waitMedianSeconds: z.number().nullable(),
  waitP90Seconds: z.number().nullable(),
  serviceMedianSeconds: z.number().nullable(),
  serviceP90Seconds: z.number().nullable(),
});
export type QueueReportFigures = z.infer<typeof QueueReportFigures>;

export const Report = z.object({
  query: ReportQuery,
  /** The counter's own data, or the whole branch's (a branch counter with its link up). */
  scope: z.enum(['counter', 'branch']),
  training: z.boolean(),
  generatedAt: IsoTime,
  norms: z.array(StepNormFigure),
  /** The breaches, longest first; `breachesTotal` counts them all when the list is cut at 500. */
  breaches: z.array(NormBreach),
  breachesTotal: Count,
  cases: z.object({ total: Count, byStatus: z.record(CaseStatus, Count) }),
  refusals: z.object({
    total: Count,
    byReason: z.array(z.object({ reason: z.object({ kk: z.string(), ru: z.string() }), count: Count })),
    byAct: z.array(z.object({ regulationId: z.string(), count: Count })),
  }),
  survey: z.object({
    answered: Count,
    /** Each question of the appendix, with every answer (1 poor … 3 good) counted and its share. */
    questions: z.array(
      z.object({
        question: SurveyQuestion,
        answers: z.array(z.object({ value: z.union([z.literal(1), z.literal(2), z.literal(3)]), count: Count, share: Share })),
      }),
    ),
  }),
  queue: z.object({
    total: QueueReportFigures,
    byGroup: z.array(QueueReportFigures.extend({ group: z.string() })),
    byOperator: z.array(QueueReportFigures.extend({ operator: z.string() })),
    /** Tickets issued per day of the period, for the chart. */
    byDay: z.array(z.object({ day: z.string(), issued: Count, served: Count, noShow: Count })),
  }),
  byService: z.array(z.object({ regulationId: z.string(), cases: Count, refused: Count, issued: Count, breaches: Count })),
  byOperator: z.array(z.object({ operator: z.string(), cases: Count, refused: Count, breaches: Count })),
  /**
   * The full name of each operator the report names, by login (a login its store does not know is
   * left out: shown as the login alone). Absent from a branch server older than the names: none.
   */
  operators: z.record(z.string(), z.string()).default(() => ({})),
});
export type Report = z.infer<typeof Report>;

/** The figure a supervisor clicked, to list the cases behind it. */
export const DrillDown = z.discriminatedUnion('figure', [
  z.strictObject({ figure: z.literal('status'), status: CaseStatus }),
  z.strictObject({ figure: z.literal('refusalReason'), reason: z.string().max(2000) }),
  z.strictObject({ figure: z.literal('refusalAct'), regulationId: z.string().min(1).max(80) }),
  z.strictObject({ figure: z.literal('breach'), regulationId: z.string().min(1).max(80), step: z.string().min(1).max(80) }),
  z.strictObject({ figure: z.literal('survey'), question: SurveyQuestion, value: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  z.strictObject({ figure: z.literal('service'), regulationId: z.string().min(1).max(80) }),
  z.strictObject({ figure: z.literal('operator'), operator: z.string().min(1).max(64) }),
]);
export type DrillDown = z.infer<typeof DrillDown>;

/** A case behind a figure. `caseId` is set only for this counter's own cases (they can be opened here). */
export const ReportCase = z.object({
  caseId: z.number().int().nullable(),
  number: z.string(),
  regulationId: z.string(),
  status: CaseStatus,
  step: z.string(),
  operator: z.string().nullable(),
  createdAt: IsoTime,
  refusalReason: z.object({ kk: z.string(), ru: z.string() }).nullable(),
});
export type ReportCase = z.infer<typeof ReportCase>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A file for the operator to save or print: its bytes as base64 (reports are small). */
export const ExportedFile = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const reportInputs = {
  get: ReportQuery,
  cases: z.strictObject({ query: ReportQuery, drill: DrillDown }),
  export: z.strictObject({ query: ReportQuery, format: ExportFormat, locale: z.enum(['kk', 'ru', 'en']) }),
};
