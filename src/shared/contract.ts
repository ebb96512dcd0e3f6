/**
 * The one contract between the renderer and the workstation core. Every call name maps to
 * zod schemas of its input and output and to who may make it; the Electron IPC bridge, the web
 * host and the renderer's client are all typed from this object, and the core dispatcher is
 * typed so that a missing handler fails to compile.
 */
import { z } from 'zod';
import {
  AuditEntry, AuditVerdict, FullName, GivenPassword, Id, Iin, Login, NewPassword, Operator,
  Role, SessionView, Settings,
} from './schemas';
import type { Role as RoleT } from './schemas';
import { BacklogCase, CaseSummary, CaseView, CatalogEntry, PrintedDocument, RegulationProblem, caseInputs } from './cases';
import { Regulation, Region } from './regulation';
import { GatewaySettings, GatewaySettingsInput, GatewayStatus, SimulatorFault } from './gateway';
import { CaseScans, ScanCapabilities, ScanPage, ScanView, SignatureView, SigningRequest, SigningSettings, scanInputs, signingInputs } from './scans';
import type { ScanSource } from './scans';
import { BranchEnrollInput, BranchStatus } from './branchStatus';
import { BoardView, KioskGroup, QueueOverview, QueueSettings, QueueStats, Ticket, TicketPrint, WindowView, queueInputs } from './queue';
import { ExportedFile, Report, ReportCase, reportInputs } from './reports/report';
import { ScenarioSummary, TrainingRun, trainingInputs } from './training/scenario';
import { BackupStatus, BackupSummary, BackupVerdict, backupInputs } from './backup';

/** Who may make a call: anyone, any logged-in unlocked operator, or only some roles. */
export type Access = 'public' | 'session' | readonly RoleT[];

// The access stays a literal in the call's type, so that the core can type each handler's context by it.
interface CallSpec<I extends z.ZodType, O extends z.ZodType, A extends Access> {
  input: I;
  output: O;
  access: A;
}
const call = <I extends z.ZodType, O extends z.ZodType, const A extends Access>(spec: CallSpec<I, O, A>) => spec;

const Empty = z.strictObject({});
/** Everyone who may serve an applicant; administrators manage accounts, not cases. */
const OPERATORS = ['operator', 'supervisor', 'trainer'] as const;

export const BranchSettings = z.object({
  region: Region,
  opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time.format'),
  closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time.format'),
});
export type BranchSettings = z.infer<typeof BranchSettings>;
const Done = z.object({ done: z.literal(true) });

export const calls = {
  /** What the renderer needs before anything else: is the core up, is this the first run. */
  'app.status': call({
    input: Empty,
    output: z.object({
      ready: z.boolean(),
      firstRun: z.boolean(),
      training: z.boolean(),
      version: z.string(),
      storageProblem: z
        .object({
          problem: z.enum(['fromNewerVersion', 'corrupt', 'foreign', 'inUse', 'heldElsewhere', 'keyMismatch', 'io', 'modeMismatch']),
          path: z.string(),
        })
        .nullable(),
    }),
    access: 'public',
  }),
  /** First run: the administrator account is created by a person; there is no default password. */
  'setup.createAdmin': call({
    input: z.strictObject({ login: Login, fullName: FullName, iin: Iin, password: NewPassword }),
    output: SessionView,
    access: 'public',
  }),
  /** Process 1 of every regulation: the operator logs in with login and password. */
  'auth.login': call({
    input: z.strictObject({ login: z.string().trim().min(1).max(64), password: GivenPassword }),
    output: SessionView,
    access: 'public',
  }),
  'auth.session': call({ input: Empty, output: SessionView.nullable(), access: 'public' }),
  /** Activity from the screen (keys, pointer): postpones the idle lock. */
  'auth.touch': call({ input: Empty, output: z.object({ lockAt: z.string() }), access: 'session' }),
  'auth.lock': call({ input: Empty, output: Done, access: 'session' }),
  'auth.unlock': call({ input: z.strictObject({ password: GivenPassword }), output: SessionView, access: 'public' }),
  'auth.logout': call({ input: Empty, output: Done, access: 'public' }),
  'auth.changePassword': call({
    input: z.strictObject({ current: GivenPassword, next: NewPassword }),
    output: SessionView,
    access: 'public',
  }),

  'operators.list': call({ input: Empty, output: z.object({ operators: z.array(Operator) }), access: ['admin'] }),
  'operators.create': call({
    input: z.strictObject({ login: Login, fullName: FullName, iin: Iin, role: Role, password: NewPassword }),
    output: Operator,
    access: ['admin'],
  }),
  'operators.setDisabled': call({
    input: z.strictObject({ operatorId: Id, disabled: z.boolean() }),
    output: Operator,
    access: ['admin'],
  }),
  /** Sets a temporary password the operator must change at the next login. */
  'operators.resetPassword': call({
    input: z.strictObject({ operatorId: Id, password: NewPassword }),
    output: Operator,
    access: ['admin'],
  }),

  'settings.get': call({ input: Empty, output: Settings, access: 'session' }),
  'settings.update': call({ input: Settings.strict(), output: Settings, access: ['admin'] }),

  'audit.list': call({
    input: z.strictObject({ beforeId: Id.optional(), limit: z.number().int().min(1).max(500) }),
    output: z.object({ entries: z.array(AuditEntry) }),
    access: ['admin', 'supervisor'],
  }),
  'audit.verify': call({ input: Empty, output: AuditVerdict, access: ['admin', 'supervisor'] }),
  /** An online backup of the data folder (database, scans, key wrapping, audit anchor) into an empty folder, with a sealed manifest. */
  'backup.create': call({ input: backupInputs.folder, output: z.object({ folder: z.string(), summary: BackupSummary }), access: ['admin'] }),
  /** Checks a backup folder against its sealed manifest: every file's hash and size, nothing added. */
  'backup.verify': call({ input: backupInputs.folder, output: BackupVerdict, access: ['admin'] }),
  /** The schedule, the last run, the dated backups in the schedule's folder, the recovery passphrase's date. */
  'backup.status': call({ input: Empty, output: BackupStatus, access: ['admin'] }),
  'backup.setSchedule': call({ input: backupInputs.schedule, output: BackupStatus, access: ['admin'] }),
  /** A backup into a new dated folder of the schedule's folder, now; the old ones beyond `keep` go. */
  'backup.now': call({ input: Empty, output: BackupStatus, access: ['admin'] }),
  /**
   * Seals the master key with a passphrase only the administrator knows, for the backups to
   * carry: without it a desktop backup opens only under this computer's account (its OS key store).
   */
  'backup.setRecovery': call({ input: backupInputs.recovery, output: BackupStatus, access: ['admin'] }),

  /** The branch: its region (which acts apply) and opening hours (how minute norms count). */
  'branch.get': call({ input: Empty, output: BranchSettings, access: 'session' }),
  'branch.update': call({ input: BranchSettings.strict(), output: BranchSettings, access: ['admin'] }),

  /** Services by a few letters of their name; acts not offered here are listed with the reason. */
  'catalog.search': call({
    input: z.strictObject({ query: z.string().max(100) }),
    output: z.object({ entries: z.array(CatalogEntry), problems: z.array(RegulationProblem), today: z.string() }),
    access: 'session',
  }),
  'catalog.regulation': call({ input: z.strictObject({ id: z.string().min(1).max(80) }), output: Regulation, access: 'session' }),

  'cases.start': call({ input: caseInputs.start, output: CaseView, access: OPERATORS }),
  'cases.handOver': call({ input: caseInputs.handOver, output: CaseView, access: OPERATORS }),
  'cases.submitForm': call({ input: caseInputs.submitForm, output: CaseView, access: OPERATORS }),
  'cases.forward': call({ input: caseInputs.forward, output: CaseView, access: OPERATORS }),
  'cases.issue': call({ input: caseInputs.step, output: CaseView, access: OPERATORS }),
  'cases.refresh': call({ input: z.strictObject({ caseId: Id }), output: CaseView, access: OPERATORS }),
  'cases.survey': call({ input: caseInputs.survey, output: CaseView, access: OPERATORS }),
  /** Opens a case with the applicant's data: leaves an audit row. */
  'cases.get': call({ input: z.strictObject({ caseId: Id }), output: CaseView, access: OPERATORS }),
  'cases.list': call({ input: caseInputs.list, output: z.object({ cases: z.array(CaseSummary) }), access: OPERATORS }),
  'cases.document': call({ input: caseInputs.document, output: PrintedDocument, access: OPERATORS }),
  /** The operator's work list: results ready to issue and refusals waiting for the applicant to collect. */
  'cases.toIssue': call({ input: Empty, output: z.object({ cases: z.array(CaseSummary) }), access: OPERATORS }),
  /** The applicant collected a refusal produced while they were away. */
  'cases.handOverRefusal': call({ input: caseInputs.step, output: CaseView, access: OPERATORS }),

  /** Scans of the applicant's documents, by the act's required documents. */
  'scans.list': call({ input: scanInputs.list, output: CaseScans, access: OPERATORS }),
  'scans.add': call({ input: scanInputs.add, output: ScanView, access: OPERATORS }),
  'scans.view': call({ input: scanInputs.view, output: ScanPage, access: OPERATORS }),
  'scans.rotate': call({ input: scanInputs.rotate, output: ScanView, access: OPERATORS }),
  'scans.reorder': call({ input: scanInputs.reorder, output: CaseScans, access: OPERATORS }),
  'scans.remove': call({ input: scanInputs.remove, output: CaseScans, access: OPERATORS }),
  /** SANE: scan a page from the scanner attached to this computer. */
  'scans.fromScanner': call({ input: scanInputs.scanner, output: ScanView, access: OPERATORS }),
  'scans.capabilities': call({ input: Empty, output: ScanCapabilities, access: 'session' }),

  /** The request and the SHA-256 of every scan, as the operator's ЭЦП will sign them. */
  'signing.prepare': call({ input: signingInputs.prepare, output: SigningRequest, access: OPERATORS }),
  /** Signs with the operator's key (PKCS#12 or NCALayer) and verifies the signature before keeping it. */
  'signing.sign': call({ input: signingInputs.sign, output: SignatureView, access: OPERATORS }),
  'signing.get': call({ input: signingInputs.prepare, output: SignatureView.nullable(), access: OPERATORS }),
  'signing.settings': call({ input: Empty, output: SigningSettings, access: ['admin'] }),
  'signing.updateSettings': call({ input: SigningSettings.strict(), output: SigningSettings, access: ['admin'] }),

  /** The link to the e-government gateway and the outbox's backlog. */
  'gateway.status': call({ input: Empty, output: GatewayStatus, access: 'session' }),
  'gateway.backlog': call({ input: Empty, output: z.object({ cases: z.array(BacklogCase) }), access: 'session' }),
  /** Try a message again now: a failed one is put back in line, a waiting one is not made to wait. */
  'gateway.retry': call({ input: z.strictObject({ messageId: z.uuid() }), output: Done, access: OPERATORS }),
  'gateway.settings': call({ input: Empty, output: GatewaySettings, access: ['admin'] }),
  'gateway.updateSettings': call({ input: GatewaySettingsInput, output: GatewaySettings, access: ['admin'] }),

  /** The branch server this workstation belongs to, and whether it is reachable now. */
  'branch.status': call({ input: Empty, output: BranchStatus, access: 'public' }),
  /** Joins a branch with the administrator's one-time code and the branch's CA certificate. */
  'branch.enroll': call({ input: BranchEnrollInput, output: BranchStatus, access: ['admin'] }),

  /** The kiosk's choice of service groups and barrier-free categories (a public screen in the hall). */
  'queue.kiosk': call({
    input: Empty,
    output: z.object({ day: z.string(), groups: z.array(KioskGroup), priorityCategories: z.array(z.string()) }),
    access: 'public',
  }),
  /** A ticket from the kiosk, reception or the operator: group letter + the day's sequence. */
  'queue.issue': call({ input: queueInputs.issue, output: TicketPrint, access: 'public' }),
  /** The display board: numbers called with their windows, and the next ones. No personal data. */
  'queue.board': call({ input: queueInputs.board, output: BoardView, access: 'public' }),
  'queue.overview': call({ input: Empty, output: QueueOverview, access: OPERATORS }),
  'queue.setWindow': call({ input: queueInputs.setWindow, output: WindowView, access: OPERATORS }),
  'queue.pause': call({ input: Empty, output: WindowView, access: OPERATORS }),
  'queue.resume': call({ input: Empty, output: WindowView, access: OPERATORS }),
  'queue.callNext': call({ input: Empty, output: Ticket, access: OPERATORS }),
  'queue.callTicket': call({ input: queueInputs.callTicket, output: Ticket, access: OPERATORS }),
  'queue.recall': call({ input: queueInputs.ticket, output: Ticket, access: OPERATORS }),
  'queue.noShow': call({ input: queueInputs.ticket, output: Ticket, access: OPERATORS }),
  'queue.returnToQueue': call({ input: queueInputs.ticket, output: Ticket, access: OPERATORS }),
  'queue.finish': call({ input: queueInputs.ticket, output: Ticket, access: OPERATORS }),
  'queue.transfer': call({ input: queueInputs.transfer, output: Ticket, access: OPERATORS }),
  /** Service begins: a case under the chosen act opens, linked to the ticket. */
  'queue.startService': call({
    input: queueInputs.startService,
    output: z.object({ ticket: Ticket, case: CaseView }),
    access: OPERATORS,
  }),
  'queue.stats': call({ input: queueInputs.day, output: QueueStats, access: ['supervisor', 'admin'] }),
  'queue.exportCsv': call({
    input: queueInputs.day,
    output: z.object({ filename: z.string(), csv: z.string() }),
    access: ['supervisor', 'admin'],
  }),
  /** End of the day: every ticket still open is recorded as unserved. */
  'queue.closeDay': call({ input: Empty, output: z.object({ unserved: z.number().int() }), access: ['supervisor', 'admin'] }),
  'queue.settings': call({ input: Empty, output: QueueSettings, access: 'session' }),
  'queue.updateSettings': call({ input: QueueSettings.strict(), output: QueueSettings, access: ['admin'] }),

  /** The supervisor's report for a period: norms against actual times, refusals, the survey, the queue. */
  'reports.get': call({ input: reportInputs.get, output: Report, access: ['supervisor', 'admin'] }),
  /** The cases behind one figure of a report. */
  'reports.cases': call({ input: reportInputs.cases, output: z.object({ cases: z.array(ReportCase) }), access: ['supervisor', 'admin'] }),
  /** The report as CSV (Excel-ready), XLSX or a printable PDF. */
  'reports.export': call({ input: reportInputs.export, output: ExportedFile, access: ['supervisor', 'admin'] }),

  /** A document given to the applicant (receipt, refusal notice) as PDF, A4 or 80 mm thermal: stored with the case, reprinted the same. */
  'cases.documentPdf': call({
    input: z.strictObject({ caseId: Id, kind: z.enum(['receipt', 'refusalDataUnavailable', 'refusalDocuments', 'issuance']), paper: z.enum(['a4', 'thermal80']) }),
    output: ExportedFile,
    access: OPERATORS,
  }),
  /** A queue ticket as PDF for the kiosk's or reception's printer (80 mm thermal). */
  'queue.ticketPdf': call({ input: z.strictObject({ ticketId: Id }), output: ExportedFile, access: 'public' }),

  /** Training mode only: the scenarios a trainer can start. */
  'training.scenarios': call({ input: Empty, output: z.object({ scenarios: z.array(ScenarioSummary) }), access: ['trainer', 'supervisor'] }),
  /** Training mode only: a trainee at a window walks a scenario; the walk-in's ticket is issued for them. */
  'training.start': call({ input: trainingInputs.start, output: TrainingRun, access: ['trainer'] }),
  /** Training mode only: the runs of the day, live, for the trainer's screen. */
  'training.runs': call({ input: Empty, output: z.object({ runs: z.array(TrainingRun) }), access: ['trainer', 'supervisor'] }),
  'training.stop': call({ input: trainingInputs.run, output: TrainingRun, access: ['trainer'] }),
  /** Training mode only: the run of the logged-in trainee (hints beside each step, the score at the end). */
  'training.myRun': call({ input: Empty, output: TrainingRun.nullable(), access: 'session' }),
  /** Training mode only: every case, ticket, scan and run of the training data cleared; accounts and settings kept. */
  'training.reset': call({ input: Empty, output: z.object({ cases: z.number().int(), tickets: z.number().int() }), access: ['trainer'] }),

  /** Training mode only: make the simulated state systems fail, to show the waiting path and the sync. */
  'training.gatewayFault': call({ input: z.strictObject({ mode: SimulatorFault }), output: z.object({ mode: SimulatorFault }), access: 'session' }),
  /** Training mode only: the simulated registers' people and powers of attorney, for the trainer's demo. */
  'training.population': call({
    input: Empty,
    output: z.object({
      people: z.array(z.object({ iin: z.string(), fullName: z.string(), deceased: z.boolean() })),
      powersOfAttorney: z.array(
        z.object({ number: z.string(), date: z.string(), notary: z.string(), principalIin: z.string(), representativeIin: z.string(), revoked: z.boolean() }),
      ),
    }),
    access: 'session',
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

/** Pushes from the core to one client (or to all). */
export const events = {
  /** The screen locked itself after idle time, or the operator locked it: hide personal data. */
  'session.locked': z.object({ reason: z.enum(['idle', 'manual']) }),
  /** The session is over: log-out, the absolute limit, the account disabled, or five wrong passwords at the lock screen. */
  'session.ended': z.object({ reason: z.enum(['logout', 'expired', 'disabled', 'lockedOut']) }),
  /** The queue changed: boards and queue panels fetch it again. */
  'queue.changed': z.object({ day: z.string() }),
  /** A number was called (or called again) to a window: the board chimes and announces it. */
  'queue.called': z.object({ number: z.string(), window: z.string(), recall: z.boolean() }),
  /** A scan arrived for a case from the hot folder (or was purged): the case's scans screen reloads. */
  'scans.changed': z.object({ caseId: Id }),
  /** A case moved without the operator (an answer from the state systems): screens showing it fetch it again. */
  'cases.changed': z.object({ caseId: Id }),
  /** The link or the backlog changed. */
  'gateway.changed': GatewayStatus,
  /** The branch link went down or came back, or the sync caught up: the header's indicator. */
  'branch.changed': BranchStatus,
  /** A training run moved (a step done, the score ready): the trainer's screen and the trainee's panel fetch it again. */
  'training.changed': z.object({ runId: z.number().int() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export interface EventEnvelope<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The surface both hosts give the renderer: the preload's `window.azho`, or the HTTP client. */
export interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * The desktop app only (absent in the browser, which prints the PDF itself): the shell makes the
   * PDF through the call (a document, a ticket, a report with format 'pdf') and opens the
   * system's print dialog for it. The answer is the call's envelope: `{ printed }`, false when
   * the operator cancelled the dialog.
   */
  print?(name: 'cases.documentPdf' | 'queue.ticketPdf' | 'reports.export', input: unknown): Promise<unknown>;
}

/**
 * Both hosts' bridges also carry a scan's bytes to `scans.add`, never inside JSON: the web host
 * as the body of its upload path, the desktop bridge as a Uint8Array over IPC. The answer is the
 * call's envelope.
 */
export interface UploadBridge extends Bridge {
  upload(caseId: number, documentId: string, source: ScanSource, bytes: Uint8Array): Promise<unknown>;
}
