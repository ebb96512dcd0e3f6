/**
 * The branch contract: what a workstation, a kiosk or a hall board says to the branch server and
 * what it answers. Both ends validate with these schemas; the server refuses a workstation whose
 * contract version it does not know, and says which side to update.
 */
import { z } from 'zod';
import { Group, PriorityCategory, QueueFigures, Ticket, TicketPrint, WindowName } from '../queue';
import { Norm } from '../regulation';
import { DrillDown, Report, ReportCase, ReportQuery } from '../reports/report';
import { Role } from '../schemas';

/**
 * Raised when a call, an answer or an event changes shape; both ends send it with every request.
 * 2: the supervisor's reports (`reports.get`, `reports.cases`) and the registry's cases with their
 * steps, survey, group and Russian refusal reason (optional: a version-1 workstation still syncs).
 */
export const BRANCH_CONTRACT_VERSION = 2;
/** The oldest workstation contract this server still serves. */
export const BRANCH_CONTRACT_OLDEST = 1;

export const BRANCH_HEADERS = {
  contract: 'x-azho-contract',
  branch: 'x-azho-branch',
  /** Fresh for every HTTP attempt: a request seen before is a replay and is refused. */
  nonce: 'x-azho-nonce',
  /** The client's clock; a request outside the allowed skew is refused. */
  time: 'x-azho-time',
} as const;

/** How far a request's time may be from the server's, and how long its nonce is remembered. */
export const BRANCH_MAX_SKEW_MS = 5 * 60_000;

export const BranchId = z.string().regex(/^[A-Z0-9-]{2,24}$/, 'branch.id');
export const DeviceName = z.string().regex(/^[0-9A-Za-z._-]{1,32}$/, 'branch.deviceName');
export const DeviceRole = z.enum(['workstation', 'kiosk', 'board']);
export type DeviceRole = z.infer<typeof DeviceRole>;
/** Fixed when the change is written (on the workstation, before any send): a repeat is the same change. */
export const IdemKey = z.string().regex(/^[0-9A-Za-z:._-]{8,120}$/, 'branch.idemKey');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');
const Iso = z.string().max(40);

export const BRANCH_ERROR_CODES = [
  'CONTRACT_VERSION', // the two sides speak different contract versions: `update` says which one to update
  'NOT_ENROLLED', // no client certificate, or one the branch did not issue or has revoked
  'WRONG_BRANCH', // the request names another branch
  'REPLAYED', // this request (its nonce) was seen before
  'STALE_REQUEST', // the request's time is too far from the server's clock
  'ENROLLMENT_CODE', // the enrollment code is unknown, used or expired
  'VALIDATION',
  'UNKNOWN_CALL',
  'QUEUE_EMPTY',
  'TICKET_CHANGED',
  'WINDOW_BUSY',
  'WINDOW_TAKEN', // another workstation holds this window now
  'WINDOW_PAUSED', // the window is on a break: resume to call
  'FORBIDDEN', // this device's role may not make the call (a board issuing tickets)
  'INTERNAL',
] as const;
export type BranchErrorCode = (typeof BRANCH_ERROR_CODES)[number];

export const BranchError = z.object({
  code: z.enum(BRANCH_ERROR_CODES),
  issues: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
  update: z.enum(['workstation', 'server']).optional(),
  serverVersion: z.number().int().optional(),
});
export type BranchError = z.infer<typeof BranchError>;

const TicketRef = z.strictObject({ ticketId: z.number().int().min(1), version: z.number().int().min(0), window: WindowName, idemKey: IdemKey });
const Operator = z.strictObject({ login: z.string().min(1).max(64), name: z.string().max(200) });

/** A ticket the workstation numbered on its own while cut off, as it stands now (sent again on every change). */
export const FallbackTicket = z.strictObject({
  localId: z.number().int().min(1),
  version: z.number().int().min(0),
  day: Day,
  number: z.string().min(3).max(16),
  group: Group,
  line: Group,
  priority: PriorityCategory.nullable(),
  regulationId: z.string().max(80).nullable(),
  state: z.enum(['waiting', 'called', 'serving', 'done', 'noShow', 'unserved']),
  window: z.string().max(4).nullable(),
  operatorLogin: z.string().max(64).nullable(),
  recalls: z.number().int().min(0),
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  serviceStartedAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  caseNumber: z.string().max(40).nullable(),
});
export type FallbackTicket = z.infer<typeof FallbackTicket>;

/**
 * One step of a case as the registry keeps it for the supervisor's reports: when it ran, its due
 * time and the act's norm as the workstation applied them (so the branch needs no copy of the acts).
 */
export const RegistryStep = z.strictObject({
  step: z.string().min(1).max(40),
  operatorLogin: z.string().max(64).nullable(),
  startedAt: Iso,
  endedAt: Iso.nullable(),
  normDueAt: Iso.nullable(),
  breached: z.boolean(),
  norm: Norm.nullable(),
});
export type RegistryStep = z.infer<typeof RegistryStep>;

/** The applicant's answers to the survey (S2 appendix 5), written once. */
export const RegistrySurvey = z.strictObject({
  processQuality: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  informationQuality: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  answeredAt: Iso,
});
export type RegistrySurvey = z.infer<typeof RegistrySurvey>;

/** A case as the branch registry holds it: the applicant's data encrypted by the branch on arrival. */
export const RegistryCase = z.strictObject({
  localId: z.number().int().min(1),
  version: z.number().int().min(0),
  number: z.string().min(1).max(40),
  regulationId: z.string().min(1).max(80),
  status: z.enum(['inProgress', 'waitingTarget', 'refused', 'resultReady', 'issued']),
  step: z.string().max(40),
  outcome: z.enum(['result', 'refusal']).nullable(),
  refusalReason: z.string().max(2000).nullable(),
  registrationNumber: z.string().max(80).nullable(),
  operatorLogin: z.string().max(64),
  window: z.string().max(4).nullable(),
  training: z.boolean(),
  createdAt: Iso,
  updatedAt: Iso,
  applicant: z.strictObject({ iin: z.string().regex(/^\d{12}$/), fullName: z.string().max(200) }).nullable(),
  // For the supervisor's reports; optional, so a workstation that does not send them still syncs.
  /** The queue group of the case's service (the act's `service.queueGroup`). */
  group: Group.nullable().optional(),
  /** The refusal's reason in Russian (`refusalReason` is the Kazakh). */
  refusalReasonRu: z.string().max(2000).nullable().optional(),
  /** Every step so far; the version sent replaces the steps the branch holds. */
  steps: z.array(RegistryStep).max(200).optional(),
  survey: RegistrySurvey.nullable().optional(),
});
export type RegistryCase = z.infer<typeof RegistryCase>;

/** One row of the workstation's audit log, as written (ids and reasons, never personal data). */
export const AuditRow = z.strictObject({
  localId: z.number().int().min(1),
  at: Iso,
  actor: z.string().max(64).nullable(),
  action: z.string().max(80),
  subject: z.string().max(120).nullable(),
  detail: z.string().max(4000),
});
export type AuditRow = z.infer<typeof AuditRow>;

/**
 * An operator account as the branch's directory holds it, so that any counter of the branch can
 * log the operator in — on its own, too, while cut off. The password travels as the
 * workstation's scrypt hash, never in clear; the branch seals the name and the IIN on arrival.
 * `updatedAt` orders the versions of an account: the later one wins everywhere.
 */
export const DirectoryAccount = z.strictObject({
  login: z.string().regex(/^[a-z0-9._-]{3,64}$/, 'login.charset'),
  fullName: z.string().min(1).max(200),
  iin: z.string().regex(/^\d{12}$/),
  role: Role,
  passwordHash: z.string().min(1).max(400),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: Iso,
  passwordChangedAt: Iso,
  updatedAt: Iso,
});
export type DirectoryAccount = z.infer<typeof DirectoryAccount>;

/** A login as typed (lower-cased), whether or not such an account exists: the lockout reveals nothing. */
const LoginKey = z.string().min(1).max(64);
/** The branch-wide failure count of a login; the wait is in seconds of the branch's clock, so the counters' clocks do not matter. */
export const LoginThrottle = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  retryAfterSeconds: z.number().int().min(0),
});
export type LoginThrottle = z.infer<typeof LoginThrottle>;

export const BranchQueueSettings = z.object({
  priorityCategories: z.array(z.string()),
  maxPriorityStreak: z.number().int(),
  recallsBeforeNoShow: z.number().int(),
});

export const BoardCall = z.object({ number: z.string(), window: z.string(), calledAt: Iso, recalls: z.number().int() });
export const BranchBoard = z.object({
  day: z.string(),
  called: z.array(BoardCall),
  next: z.array(z.object({ number: z.string(), group: z.string(), priority: z.boolean() })),
});

export const BranchQueueStats = z.object({
  day: z.string(),
  total: QueueFigures,
  byGroup: z.array(QueueFigures.extend({ group: z.string() })),
  // By login: the branch knows operators by the directory's logins, a counter by its own ids.
  byOperator: z.array(QueueFigures.extend({ operatorLogin: z.string() })),
});
export type BranchQueueStats = z.infer<typeof BranchQueueStats>;

export const DayReport = z.object({
  day: z.string(),
  tickets: z.object({ issued: z.number().int(), served: z.number().int(), noShow: z.number().int(), unserved: z.number().int(), waiting: z.number().int() }),
  fallbackTickets: z.number().int(),
  cases: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
  auditRows: z.number().int(),
  byWorkstation: z.array(z.object({ workstation: z.string(), tickets: z.number().int(), cases: z.number().int() })),
});
export type DayReport = z.infer<typeof DayReport>;

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, roles: readonly DeviceRole[]) => ({ input, output, roles });
const ALL = ['workstation', 'kiosk', 'board'] as const;
const WS = ['workstation'] as const;
const ISSUERS = ['workstation', 'kiosk'] as const;

export const branchCalls = {
  /** Who the branch is, its day and settings; a workstation calls it on connect and after the link returns. */
  hello: spec(
    z.strictObject({}),
    z.object({
      branchId: z.string(),
      branchName: z.string(),
      device: z.object({ name: z.string(), role: DeviceRole }),
      day: Day,
      serverTime: Iso,
      contractVersion: z.number().int(),
      queue: BranchQueueSettings,
    }),
    ALL,
  ),
  'queue.issue': spec(
    z.strictObject({ group: Group, priority: PriorityCategory.nullable(), regulationId: z.string().min(1).max(80).nullable(), idemKey: IdemKey }),
    TicketPrint,
    ISSUERS,
  ),
  /** The window this workstation serves now, and its groups; a window is held by one workstation at a time. */
  'queue.setWindow': spec(z.strictObject({ window: WindowName, groups: z.array(Group).min(1).max(26), paused: z.boolean(), operator: Operator.nullable() }), z.object({ done: z.literal(true) }), WS),
  'queue.callNext': spec(z.strictObject({ window: WindowName, operator: Operator, idemKey: IdemKey }), Ticket, WS),
  'queue.callTicket': spec(z.strictObject({ ticketId: z.number().int().min(1), window: WindowName, operator: Operator, idemKey: IdemKey }), Ticket, WS),
  'queue.recall': spec(TicketRef, Ticket, WS),
  'queue.noShow': spec(TicketRef, Ticket, WS),
  'queue.returnToQueue': spec(TicketRef, Ticket, WS),
  'queue.finish': spec(TicketRef, Ticket, WS),
  'queue.startService': spec(TicketRef.extend({ caseNumber: z.string().min(1).max(40) }), Ticket, WS),
  'queue.transfer': spec(TicketRef.extend({ toGroup: Group.nullable(), toWindow: WindowName.nullable() }), Ticket, WS),
  'queue.current': spec(z.strictObject({ window: WindowName }), Ticket.nullable(), WS),
  'queue.overview': spec(
    z.strictObject({}),
    z.object({
      day: Day,
      waiting: z.array(z.object({ group: z.string(), regular: z.number().int(), priority: z.number().int() })),
      tickets: z.array(Ticket),
    }),
    WS,
  ),
  /** The board's view: every window, or the chosen ones. */
  'queue.board': spec(z.strictObject({ windows: z.array(WindowName).max(60).nullable() }), BranchBoard, ALL),
  'queue.get': spec(z.strictObject({ ticketId: z.number().int().min(1) }), Ticket, WS),
  /** What a workstation did while cut off: its own tickets, its cases and its audit rows, each idempotent. */
  reconcile: spec(
    z.strictObject({
      tickets: z.array(FallbackTicket).max(2000),
      cases: z.array(RegistryCase).max(2000),
      audit: z.array(AuditRow).max(5000),
    }),
    z.object({ tickets: z.number().int(), cases: z.number().int(), audit: z.number().int() }),
    WS,
  ),
  /** Accounts created or changed here; each is stored unless the branch holds a later version. */
  'operators.push': spec(z.strictObject({ accounts: z.array(DirectoryAccount).max(500) }), z.object({ stored: z.number().int() }), WS),
  /** The whole directory, after the link returns and after `operators.changed`. */
  'operators.pull': spec(z.strictObject({}), z.object({ accounts: z.array(DirectoryAccount) }), WS),
  /** One more failed login at some counter: the shared lockout rule, applied once for the branch. */
  'auth.failed': spec(z.strictObject({ loginKey: LoginKey }), LoginThrottle.extend({ lockedOut: z.boolean() }), WS),
  'auth.succeeded': spec(z.strictObject({ loginKey: LoginKey }), z.object({ done: z.literal(true) }), WS),
  'auth.throttle': spec(z.strictObject({ loginKey: LoginKey }), LoginThrottle, WS),
  'reports.day': spec(z.strictObject({ day: Day }), DayReport, WS),
  /** The queue's wait and service times for the whole branch, as the supervisor's screen shows a counter's. */
  'queue.stats': spec(z.strictObject({ day: Day }), BranchQueueStats, WS),
  /** The supervisor's report over the whole branch (scope 'branch'), computed as a counter computes its own. */
  'reports.get': spec(ReportQuery, Report, WS),
  /** The cases behind a figure of the branch's report; `caseId` is set only for the asking workstation's own. */
  'reports.cases': spec(z.strictObject({ query: ReportQuery, drill: DrillDown }), z.object({ cases: z.array(ReportCase) }), WS),
} as const;

export type BranchCalls = typeof branchCalls;
export type BranchCallName = keyof BranchCalls;
export type BranchInput<N extends BranchCallName> = z.input<BranchCalls[N]['input']>;
export type BranchParsed<N extends BranchCallName> = z.output<BranchCalls[N]['input']>;
export type BranchOutput<N extends BranchCallName> = z.output<BranchCalls[N]['output']>;

export function isBranchCall(name: string): name is BranchCallName {
  return Object.prototype.hasOwnProperty.call(branchCalls, name);
}

/** Pushed over the event stream; `id` orders them and lets a reconnecting board catch up. */
export const BranchEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queue.called'), id: z.number().int(), day: Day, ticketId: z.number().int(), number: z.string(), window: z.string(), recall: z.boolean(), at: Iso }),
  z.object({ type: z.literal('queue.changed'), id: z.number().int(), day: Day }),
  z.object({ type: z.literal('cases.changed'), id: z.number().int(), day: Day }),
  /** The directory of accounts changed: each workstation pulls it. */
  z.object({ type: z.literal('operators.changed'), id: z.number().int() }),
]);
export type BranchEvent = z.infer<typeof BranchEvent>;

/** Enrollment: a one-time code from the administrator, and the device's public key (SPKI PEM). */
export const EnrollRequest = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/, 'branch.enrollmentCode'),
  publicKeyPem: z.string().min(100).max(4000),
});
export const EnrollAnswer = z.object({
  branchId: z.string(),
  branchName: z.string(),
  device: z.object({ name: z.string(), role: DeviceRole }),
  certificatePem: z.string(),
  caPem: z.string(),
  contractVersion: z.number().int(),
});
export type EnrollAnswer = z.infer<typeof EnrollAnswer>;
