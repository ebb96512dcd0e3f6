/**
 * Training scenarios and runs, as the contract carries them. A scenario (one file in
 * `resources/training/`, validated at load like the acts) says who walks in, under which act,
 * what the simulated state systems answer and which faults occur, the path the trainee should
 * take through the act's processes and conditions, and the outcome expected. A run is one
 * trainee walking one scenario at a window; the trainer watches it live and the trainee gets a
 * score at the end: steps right, time against each norm, mistakes with the rule they broke.
 */
import { z } from 'zod';
import { CaseStatus, DocumentKind } from '../cases';
import { SimulatorFault } from '../gateway';
import { Citation, Norm, Text } from '../regulation';
import { IsoTime } from '../schemas';

/** Where the act's words are, shown beside the step: the seed's words and item. */
export const ActReference = z.object({ words: z.string(), citation: Citation });
export type ActReference = z.infer<typeof ActReference>;

/** One step of the expected path, as the trainee and the trainer see it. */
export const RunStep = z.object({
  step: z.string(),
  title: Text,
  /** The act's own (Kazakh) words for this step and where they are. */
  act: ActReference,
  /** The trainer's advice for this scenario at this step. */
  hint: Text,
  norm: Norm.nullable(),
  state: z.enum(['pending', 'current', 'right', 'wrong', 'skipped']),
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  actualSeconds: z.number().nullable(),
  /** Null while running or where the act gives no norm for the step. */
  withinNorm: z.boolean().nullable(),
});
export type RunStep = z.infer<typeof RunStep>;

/** A mistake and the rule it broke (the act's item), in the trainee's words. */
export const Mistake = z.object({
  step: z.string().nullable(),
  what: Text,
  rule: ActReference.nullable(),
});
export type Mistake = z.infer<typeof Mistake>;

export const Score = z.object({
  stepsRight: z.number().int(),
  stepsTotal: z.number().int(),
  withinNorm: z.number().int(),
  normsTotal: z.number().int(),
  mistakes: z.array(Mistake),
  /** The expected outcome was reached with no mistakes. */
  passed: z.boolean(),
});
export type Score = z.infer<typeof Score>;

/** Who walks in, as the trainee is told at the start (the papers they bring, the representative). */
export const WalkIn = z.object({
  fullName: z.string(),
  iin: z.string(),
  representative: z.object({ fullName: z.string(), iin: z.string(), powerOfAttorney: z.string() }).nullable(),
  /** The documents the applicant brings, by the act's document titles. */
  brings: z.array(Text),
  /** What the applicant says at the counter. */
  says: Text,
});
export type WalkIn = z.infer<typeof WalkIn>;

export const ScenarioSummary = z.object({
  id: z.string(),
  title: Text,
  summary: Text,
  regulationId: z.string(),
  expected: z.object({
    /** Null where the right move is not to open a case at all (an act not provided at the counter). */
    status: CaseStatus.nullable(),
    documents: z.array(DocumentKind),
    /** The applicant's survey (appendix 5) is to be taken at the end. */
    survey: z.boolean(),
  }),
  faults: z.array(SimulatorFault),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const RUN_STATES = ['waiting', 'inProgress', 'finished', 'stopped'] as const;

export const TrainingRun = z.object({
  id: z.number().int(),
  scenario: ScenarioSummary,
  trainee: z.object({ login: z.string(), fullName: z.string() }),
  window: z.string().nullable(),
  state: z.enum(RUN_STATES),
  startedAt: IsoTime,
  endedAt: IsoTime.nullable(),
  ticketNumber: z.string().nullable(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  walkIn: WalkIn,
  steps: z.array(RunStep),
  score: Score.nullable(),
});
export type TrainingRun = z.infer<typeof TrainingRun>;

export const trainingInputs = {
  start: z.strictObject({
    scenarioId: z.string().min(1).max(80),
    /** The trainee's login (an operator account of this training workstation). */
    trainee: z.string().trim().min(1).max(64),
    window: z.string().trim().min(1).max(4).optional(),
  }),
  run: z.strictObject({ runId: z.number().int().min(1) }),
};
