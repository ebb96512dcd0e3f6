/**
 * A service regulation (регламент) as data: one file per act in resources/regulations/, checked
 * against this schema when the workstation starts. The seeds (the Kazakh texts of the acts) are
 * the authority; every step cites the seed file and the item it comes from.
 */
import { z } from 'zod';

/** Kazakh as the act words it; Russian and English as working translations. */
export const Text = z.strictObject({
  kk: z.string().min(1).max(2000),
  ru: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type Text = z.infer<typeof Text>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');

/** Where a piece of the regulation comes from: the seed file and the item, e.g. "8, 2)". */
export const Citation = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'citation.seed'),
  item: z.string().min(1).max(200),
});
export type Citation = z.infer<typeof Citation>;

export const NORM_UNITS = ['seconds', 'minutes', 'hours', 'workingDays', 'calendarDays'] as const;
export const NormUnit = z.enum(NORM_UNITS);
export type NormUnit = z.infer<typeof NormUnit>;

/** How long a step may take: "30 секунд – 1 минут" is {min 30 s … max 1 min}, kept in one unit. */
export const Norm = z
  .strictObject({
    min: z.number().positive().optional(),
    max: z.number().positive(),
    unit: NormUnit,
  })
  .refine((n) => n.min === undefined || n.min <= n.max, { message: 'norm.minAboveMax' });
export type Norm = z.infer<typeof Norm>;

export const CHANNEL_KINDS = ['stateCorporation', 'provider', 'ruralAkim', 'portal'] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** Who performs a step, as the act names them. */
export const ACTORS = [
  'applicant',
  'operator', // the State Corporation (ЦОН / ХҚКО) operator at the counter
  'workstation', // this program, or the State Corporation's system it stands for
  'personDatabase', // ЖТ МДҚ / ЖТ ММБ (ГБД ФЛ)
  'notaryDatabase', // БНАЖ / ЕНИС
  'targetSystem', // "Е-собес", ЭҮАШ АЖО / АЭҮШ АЖО / ЭҮӨШ АЖО
  'providerOffice',
  'providerHead',
  'providerExecutor',
  'provider', // the provider as a whole, where the act does not say which unit
  'ruralAkim',
  'portal',
] as const;
export const Actor = z.enum(ACTORS);
export type Actor = z.infer<typeof Actor>;

/**
 * What the workstation does when the case reaches the step. Steps of other channels (the
 * provider's office, the portal) are shown for reference and have the effect 'reference'.
 */
export const EFFECTS = [
  'handOver', // the applicant hands the application and documents over (via the queue)
  'login', // process 1: the operator is logged in
  'requestForm', // the operator chooses the service and fills the applicant / representative
  'stateDatabaseRequest', // the request goes to ЖТ МДҚ (and БНАЖ when the act says so)
  'stateDatabaseCheck', // condition: the answer holds the applicant (and the power of attorney)
  'refusalDataUnavailable', // the notice that the data cannot be obtained
  'scanAndSign', // scans attached, the request signed with the operator's ЭЦП
  'forward', // the signed request is sent through the gateway to the target system
  'targetRegisters', // the target system registers it (a number)
  'documentCheck', // condition: the provider finds the documents compliant
  'refusalDocuments', // the reasoned refusal for deficient documents
  'issueResult', // the applicant receives the result through the operator
  'reference', // a step of another channel, not performed here
] as const;
export const Effect = z.enum(EFFECTS);
export type Effect = z.infer<typeof Effect>;

const StepId = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'step.id').max(40);
/** Where an outcome leads: another step, or the end of the flow with a result or a refusal. */
export const Target = z.union([StepId, z.literal('end')]);

const StepBase = {
  id: StepId,
  actor: Actor,
  title: Text,
  norm: Norm.nullable(),
  effect: Effect,
  citation: Citation,
};

/** The applicant's hand-over: the act's unnumbered first line of the flow. */
export const StartStep = z.strictObject({ ...StepBase, kind: z.literal('start'), next: Target });
export const ProcessStep = z.strictObject({
  ...StepBase,
  kind: z.literal('process'),
  /** The number as the act gives it: "3-үдеріс" is 3. */
  number: z.number().int().min(1).max(50),
  next: Target,
  /** For a 'stateDatabaseRequest': which registers are asked (Karaganda also asks БНАЖ for the power of attorney). */
  lookups: z.array(z.enum(['person', 'powerOfAttorney'])).min(1).optional(),
  /** When `next` is 'end': what the applicant leaves with. */
  ends: z.enum(['result', 'refusal']).optional(),
});
export const ConditionStep = z.strictObject({
  ...StepBase,
  kind: z.literal('condition'),
  number: z.number().int().min(1).max(50),
  /** The question the condition asks, as a yes/no. */
  ifYes: Target,
  ifNo: Target,
});
export const Step = z.discriminatedUnion('kind', [StartStep, ProcessStep, ConditionStep]);
export type Step = z.infer<typeof Step>;
export type ProcessStep = z.infer<typeof ProcessStep>;
export type ConditionStep = z.infer<typeof ConditionStep>;

/**
 * The term for the result. 'total': the act states the whole term (e.g. 7 working days, 19 when
 * documents are missing). 'sumOfSteps': the act gives only the steps' norms, and the term is
 * their sum on the working calendar.
 */
export const Deadline = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('total'),
    amount: z.number().positive(),
    unit: NormUnit,
    /** The longer term the act allows when documents are missing, damaged or lost. */
    whenDocumentsMissing: z.number().positive().optional(),
    citation: Citation,
  }),
  z.strictObject({
    kind: z.literal('sumOfSteps'),
    /** The channel whose steps' norms add up to the term (the provider's own flow, usually). */
    of: ChannelKind,
    /** The step whose norm grows when documents are missing, and to what. */
    whenDocumentsMissing: z.strictObject({ step: StepId, norm: Norm }).optional(),
    citation: Citation,
  }),
]);
export type Deadline = z.infer<typeof Deadline>;

export const TARGET_SYSTEMS = ['eSobes', 'regionalGateway'] as const;

export const Channel = z.strictObject({
  kind: ChannelKind,
  /** Where the signed request goes: "Е-собес" АЖ, or the provider's workstation on the regional gateway (ЭҮАШ АЖО). */
  targetSystem: z.enum(TARGET_SYSTEMS).optional(),
  steps: z.array(Step).min(1).max(40),
  deadline: Deadline.nullable(),
  citation: Citation,
});
export type Channel = z.infer<typeof Channel>;

export const REGIONS = ['aktobe', 'karaganda', 'pavlodar', 'almaty'] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

export const ActRef = z.strictObject({
  authority: Text,
  number: z.string().min(1).max(40),
  date: IsoDate,
});

export const Regulation = z
  .strictObject({
    /** Stable id: service, region, act, e.g. "s1-aktobe-285". */
    id: z.string().regex(/^[a-z0-9-]+$/, 'regulation.id').max(80),
    service: z.strictObject({
      /** The same service under different acts shares a code (S1 in Aktobe and Karaganda). */
      code: z.string().regex(/^S\d+$/),
      title: Text,
      /** The electronic queue's service group letter (A, B …). */
      queueGroup: z.string().regex(/^[A-Z]$/),
    }),
    region: Region,
    act: ActRef.extend({
      /** The act this one amends or states anew, when it does. */
      amends: ActRef.optional(),
    }),
    inForce: z.strictObject({
      from: IsoDate,
      /** The last day in force, when repealed. */
      to: IsoDate.optional(),
      repealedBy: ActRef.optional(),
    }),
    provider: Text,
    result: Text,
    /**
     * A representative may apply with a power of attorney. `notarisedOnly`: the act's rule that
     * with a notarised power of attorney the details of a differently certified one are not filled.
     */
    representative: z
      .strictObject({ notarisedOnly: z.boolean(), checkedInNotaryDatabase: z.boolean(), citation: Citation })
      .nullable(),
    /** Standard item 9: not in the seeds; kept here as configurable data. */
    requiredDocuments: z
      .array(z.strictObject({ id: StepId, title: Text, optional: z.boolean().default(false) }))
      .max(30),
    channels: z.array(Channel).min(1).max(6),
    citation: Citation,
  })
  .superRefine((reg, ctx) => {
    reg.channels.forEach((channel, c) => {
      const ids = new Set<string>();
      channel.steps.forEach((step, s) => {
        if (ids.has(step.id)) ctx.addIssue({ code: 'custom', message: 'step.duplicateId', path: ['channels', c, 'steps', s, 'id'] });
        ids.add(step.id);
      });
      channel.steps.forEach((step, s) => {
        const targets = step.kind === 'condition' ? [step.ifYes, step.ifNo] : [step.next];
        for (const target of targets) {
          if (target !== 'end' && !ids.has(target)) {
            ctx.addIssue({ code: 'custom', message: 'step.unknownTarget', path: ['channels', c, 'steps', s] });
          }
        }
      });
    });
    reg.channels.forEach((channel, c) => {
      const deadline = channel.deadline;
      if (deadline?.kind !== 'sumOfSteps') return;
      const summed = reg.channels.find((other) => other.kind === deadline.of);
      if (!summed) {
        ctx.addIssue({ code: 'custom', message: 'deadline.unknownChannel', path: ['channels', c, 'deadline', 'of'] });
      } else if (deadline.whenDocumentsMissing && !summed.steps.some((st) => st.id === deadline.whenDocumentsMissing!.step)) {
        ctx.addIssue({ code: 'custom', message: 'deadline.unknownStep', path: ['channels', c, 'deadline', 'whenDocumentsMissing', 'step'] });
      }
    });
    const kinds = reg.channels.map((ch) => ch.kind);
    if (new Set(kinds).size !== kinds.length) ctx.addIssue({ code: 'custom', message: 'channel.duplicate', path: ['channels'] });
    if (reg.inForce.to && reg.inForce.to < reg.inForce.from) {
      ctx.addIssue({ code: 'custom', message: 'inForce.endsBeforeStart', path: ['inForce', 'to'] });
    }
  });
export type Regulation = z.infer<typeof Regulation>;
