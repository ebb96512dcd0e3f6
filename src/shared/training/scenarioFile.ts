/**
 * A training scenario as written in `resources/training/<id>.json`. The file holds only what is
 * the scenario's own: who walks in, what they bring and say, what the simulated state systems
 * answer and which faults occur, the path through the act's steps with the trainer's hint at
 * each, and the outcome expected. The act's own words and items are not copied here: they are
 * taken from the regulation when the scenario is loaded, so a corrected act corrects every hint.
 */
import { z } from 'zod';
import { CaseStatus, DocumentKind } from '../cases';
import { SimulatorFault } from '../gateway';
import { Text } from '../regulation';

const IinDigits = z.string().regex(/^\d{12}$/, 'iin.format');
const StepId = z.string().regex(/^(start|[pc]\d{1,2})$/, 'step.id');

export const ScenarioRepresentative = z.strictObject({
  /** A person of the training population. */
  iin: IinDigits,
  /** The notarised power of attorney they show: one of the population's, or one БНАЖ does not have. */
  powerOfAttorney: z.strictObject({
    number: z.string().min(1).max(40),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format'),
    notary: z.string().min(3).max(200),
  }),
});

export const ScenarioFile = z.strictObject({
  /** The file name without `.json`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,78}$/, 'scenario.id'),
  title: Text,
  summary: Text,
  regulationId: z.string().min(1).max(80),
  walkIn: z.strictObject({
    applicantIin: IinDigits,
    /** Required for an IIN the registers do not know (nobody to take the name from). */
    fullName: z.string().min(3).max(200).optional(),
    representative: ScenarioRepresentative.nullable(),
    /** The act's document ids the applicant actually brings. */
    brings: z.array(z.string().min(1).max(40)).max(30),
    says: Text,
  }),
  /** What the registers answer for this walk-in: checked against the training population at load. */
  stateSystems: z.strictObject({
    person: z.enum(['found', 'deceased', 'unknown']),
    powerOfAttorney: z.enum(['valid', 'revoked', 'unknown']).nullable(),
    /** The provider's decision at the act's document check (null where the case never gets there). */
    decision: z.enum(['result', 'refusal']).nullable(),
    /**
     * A simulator fault set when the run starts; `counterDone` lifts it once the trainee has
     * done the counter part (signed and forwarded ahead), `runEnd` when the run is over.
     */
    fault: z.strictObject({ mode: SimulatorFault.exclude(['none']), until: z.enum(['counterDone', 'runEnd']) }).nullable(),
  }),
  /** The act's steps the case should pass through, in order, with the trainer's advice at each. */
  path: z.array(z.strictObject({ step: StepId, hint: Text })).max(20),
  expected: z.strictObject({
    /** Where the case should stand when the visit ends; null: no case should be opened. */
    status: CaseStatus.nullable(),
    /** Documents the case should hold at the end. */
    documents: z.array(DocumentKind),
    /** Whether the counter part (sign and forward) should be done. */
    forwarded: z.boolean(),
    survey: z.boolean(),
    /**
     * When the run is over: `outcome` as soon as the case stands where expected (or ends
     * elsewhere); `ticketClosed` when the trainee closes the visit — where the right move is to
     * stop (a deceased applicant, an act not provided here) there is no case outcome to wait for.
     */
    finishWhen: z.enum(['outcome', 'ticketClosed']),
  }),
});
export type ScenarioFile = z.infer<typeof ScenarioFile>;
