/**
 * The workstation core, assembled: opens the data folder and the database, builds the services
 * and the handlers, and answers calls. If the database cannot be opened the core still answers,
 * in a failed state that explains why — the operator sees a reason, not a crash loop.
 *
 * Some 400 lines, on purpose: this is the one place every part is built and wired to the others
 * (each part's logic lives in its own module); split, the order of construction would be spread
 * over files that must still be read together.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventEnvelope } from '../shared/contract';
import { setIinToday } from '../shared/iin';
import { anchorPath } from './audit/anchorFile';
import { createAuditLog } from './audit/auditLog';
import { createOperatorStore } from './auth/operatorStore';
import { SessionRegistry } from './auth/sessions';
import { createThrottleStore } from './auth/throttleStore';
import { iso, systemClock, type Clock } from './clock';
import { createFieldCipher } from './crypto/fieldCipher';
import { createKeyring } from './crypto/keys';
import { checkpoint, openDatabase } from './db/open';
import { acquireRunLock, type RunLock } from './db/runLock';
import { StorageError } from './db/storageError';
import { coalesced } from './coalesced';
import { createDispatch, logLine, type Dispatch } from './dispatch';
import { failedWorkstation } from './failedWorkstation';
import { guardAgainstDamage, type GuardedStorage } from './damageGuard';
import { authHandlers } from './handlers/auth';
import { operatorHandlers } from './handlers/operators';
import { settingsAndAuditHandlers } from './handlers/settingsAndAudit';
import { catalogAndBranchHandlers } from './handlers/catalogAndBranch';
import { caseHandlers } from './handlers/cases';
import { createCaseEngine, type CaseEngine } from './cases/caseEngine';
import { CaseReader } from './cases/caseReader';
import { createCaseStore } from './cases/caseStore';
import { loadCalendar } from './calendar/calendarData';
import { TermClock } from './calendar/termClock';
import { WorkingCalendar } from './calendar/workingCalendar';
import { GatewayLink, type GatewayConnection } from './gateway/gatewayLink';
import type { GatewayPort } from './gateway/port';
import { gatewayHandlers, gatewayStatus } from './handlers/gateway';
import { signingHandlers } from './handlers/signing';
import { createSignatureStore } from './signatures/signatureStore';
import { SigningService } from './signatures/signingService';
import { NcaLayerClient } from './pki/ncaLayerClient';
import { createSigningSettingsStore, readTrustFolder } from './signatures/trust';
import { scanHandlers } from './handlers/scans';
import { BackupService } from './backup/backupService';
import { backupHandlers } from './handlers/backup';
import { HotFolder } from './scans/hotFolder';
import { saneScanner } from './scans/sane';
import { ScanService } from './scans/scanService';
import { createScanStore } from './scans/scanStore';
import { ScanVault, type VaultFiles } from './scans/scanVault';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './outbox/backoff';
import { createOutboxStore } from './outbox/outboxStore';
import { OutboxSender } from './outbox/sender';
import { GATEWAY_PASSWORD_COLUMN } from './settings/gatewaySettings';
import { Catalog } from './regulations/catalog';
import { queueHandlers } from './handlers/queue';
import { branchHandlers } from './handlers/branch';
import { BranchLink, type BranchEnrollment } from './branch/branchLink';
import { CounterQueue } from './branch/branchQueue';
import { createBranchStore } from './branch/branchStore';
import { OperatorDirectory } from './branch/operatorDirectory';
import { branchLockout } from './branch/sharedLockout';
import { QueueService } from './queue/queueService';
import { createQueueStore } from './queue/queueStore';
import { loadRegulations } from './regulations/loadRegulations';
import { setupHandlers } from './handlers/setup';
import { printingHandlers } from './handlers/printing';
import { reportHandlers } from './handlers/reports';
import { trainingHandlers } from './handlers/training';
import type { CoreParts } from './parts';
import type { Handlers } from './handlers/types';
import { checkMasterKey } from './keyCheck';
import { checkDataMode } from './training/dataMode';
import { casesMoved } from './training/callWatch';
import type { Services } from './services';
import { createSettingsStore } from './settings/settingsStore';

export const CORE_VERSION = '0.1.0';

export interface WorkstationOptions {
  dataDir: string;
  masterKey: Uint8Array;
  training?: boolean;
  clock?: Clock;
  /** Overrides the idle lock from the settings (training demos and tests). */
  idleLockSeconds?: number;
  /** The folder with regulations/ and calendar/ (the program's own data, not the workstation's). */
  resourcesDir: string;
  /** The state systems in process (the engine's tests); otherwise the SmartBridge client. */
  gateway?: GatewayPort;
  /** The gateway to use instead of the configured one: the simulator a training host started. */
  gatewayConnection?: GatewayConnection;
  /** The outbox's sender: how many cases at once, and its backoff (tests make it quick). */
  outbox?: { concurrency?: number; backoff?: BackoffPolicy; settleMs?: number };
  /** NCALayer on this computer: its address and the CA of its TLS certificate. */
  ncaLayer?: { url: string; caPem: string | null };
  /** A folder of authorities' certificates and CRLs trusted for signatures, besides the settings. */
  trustDir?: string;
  /** The folder the scanner's own software saves into, watched for pages. */
  hotFolder?: string;
  /** Join this branch at start unless already enrolled (hall devices, scripted set-ups). */
  branchEnrollment?: BranchEnrollment;
  /** How long a branch call may take before the link counts as cut off (tests shorten it). */
  branchTimeoutMs?: number;
  /** SANE's scanimage (tests give a stand-in); found on the PATH otherwise. */
  scanimage?: string;
  /**
   * Where the faults tests make the disk "full": the scan vault's file layer, and the database
   * connection once open (PRAGMA max_page_count). Never set outside tests.
   */
  storageSeams?: { scanFiles?: VaultFiles; database?: (db: Database) => void };
}

export interface Workstation {
  dispatch: Dispatch;
  /** Applies the idle lock and the session limit; the runtime calls it every second. */
  sweep(): void;
  /** Checkpoints the WAL between calls; the runtime calls it every few seconds. */
  maintain(): void;
  clientGone(clientId: string): void;
  close(): void;
}

export type EventSink = (clientId: string, event: EventEnvelope) => void;

export function databasePath(dataDir: string): string {
  return join(dataDir, 'azho.db');
}

export function openWorkstation(options: WorkstationOptions, sink: EventSink): Workstation {
  const path = databasePath(options.dataDir);
  let lock: RunLock | undefined;
  let db: Database | undefined;
  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    lock = acquireRunLock(options.dataDir);
    // Checked at every start, not only after an unclean one: a page damaged on disk while the
    // program was closed (a failing drive, a bad copy) must stop it before it writes on top.
    // quick_check reads each page once: ~0.2 s for 200 MB.
    db = openDatabase(path, { checkIntegrity: true });
    options.storageSeams?.database?.(db);
    const keys = createKeyring(options.masterKey);
    checkMasterKey(db, keys, path);
    checkDataMode(db, Boolean(options.training), path);
    return liveWorkstation(db, lock, keys, options, sink);
  } catch (err) {
    db?.close();
    // Only our own lock is released; a folder held by another process keeps its lock.
    lock?.release();
    if (!(err instanceof StorageError)) throw err;
    logLine(`storage unavailable (${err.problem}): ${err.message}`);
    return failedWorkstation(err, Boolean(options.training), CORE_VERSION);
  }
}

function liveWorkstation(
  db: Database,
  lock: RunLock,
  keys: ReturnType<typeof createKeyring>,
  options: WorkstationOptions,
  sink: EventSink,
): Workstation {
  const clock = options.clock ?? systemClock;
  const settings = createSettingsStore(db);
  // The chain's head is also anchored in a file beside the database: a rewrite of the whole chain
  // by someone with the key still disagrees with it (audit/anchorFile.ts).
  const audit = createAuditLog(db, keys.get('audit-chain'), clock, { file: anchorPath(options.dataDir) });
  const idleLockSeconds = () => options.idleLockSeconds ?? settings.get().idleLockSeconds;
  const emit: Services['emit'] = (clientId, name, payload) => sink(clientId, { name, payload } as EventEnvelope);

  const sessions = new SessionRegistry(
    clock,
    { idleLockMs: () => idleLockSeconds() * 1000, sessionLimitMs: () => settings.get().sessionLimitMinutes * 60_000 },
    {
      locked(session, reason) {
        audit.append({ actorId: session.operatorId, action: 'auth.locked', subject: `operator:${session.operatorId}`, detail: { reason } });
        emit(session.clientId, 'session.locked', { reason });
      },
      ended(session, reason) {
        const action = reason === 'logout' ? 'auth.logout' : 'auth.sessionEnded';
        audit.append({ actorId: session.operatorId, action, subject: `operator:${session.operatorId}`, detail: { reason } });
        emit(session.clientId, 'session.ended', { reason });
      },
    },
  );

  const cipher = createFieldCipher(keys);
  const services: Services = {
    db,
    clock,
    operators: createOperatorStore(db, cipher),
    throttle: createThrottleStore(db),
    audit,
    sessions,
    settings,
    emit,
    training: Boolean(options.training),
    version: CORE_VERSION,
    idleLockSeconds,
  };
  const { regulations, problems } = loadRegulations(join(options.resourcesDir, 'regulations'));
  for (const p of problems) logLine(`regulation file ${p.file} set aside: ${p.field || '(file)'} ${p.reason}`);
  const catalog = new Catalog(regulations, problems);
  const calendarData = loadCalendar(join(options.resourcesDir, 'calendar'));
  for (const p of calendarData.problems) logLine(`calendar file ${p.file} set aside: ${p.field || '(file)'} ${p.reason}`);
  const calendar = new WorkingCalendar(calendarData.years);
  // The branch's hours can change at run time; the clock follows them.
  let termClock: { key: string; clock: TermClock } | undefined;
  const branchClock = () => {
    const b = settings.branch();
    const key = `${b.opensAt}-${b.closesAt}`;
    if (termClock?.key !== key) termClock = { key, clock: new TermClock(calendar, { utcOffsetMinutes: 300, open: b.opensAt, close: b.closesAt }) };
    return termClock.clock;
  };
  const today = () => branchClock().dateOf(clock.now());
  // An IIN whose birth date is after the core's today is refused wherever the contract checks one.
  setIinToday(today);
  const caseStore = createCaseStore(db, cipher);
  const applicantIndex = (iin: string) => cipher.blindIndex('cases.applicant', iin);
  const outbox = createOutboxStore(db, cipher);
  const caseReader = new CaseReader({
    store: caseStore,
    outbox,
    catalog,
    applicantIndex,
    startOfToday: () => iso(branchClock().startOfDay(today())),
  });
  // Sixteen cases' messages on the wire at once: enough to keep a commit busy, few for the gateway.
  const concurrency = options.outbox?.concurrency ?? 16;
  const link = new GatewayLink({
    fixed: options.gateway,
    override: options.gatewayConnection,
    stored: () => settings.gateway(),
    openPassword: (sealed) => cipher.open(GATEWAY_PASSWORD_COLUMN, Buffer.from(sealed, 'base64')),
    concurrency,
    log: logLine,
  });
  const scanStore = createScanStore(db, cipher);
  // Training trusts the training PKI's authorities; a branch may add a managed trust folder.
  const trustFolders = [options.trustDir, services.training ? join(options.resourcesDir, 'training-pki') : undefined].filter((d): d is string => Boolean(d));
  const extraTrust = trustFolders.map((dir) => readTrustFolder(dir, logLine));
  const signingSettings = createSigningSettingsStore(db, {
    rootsPem: extraTrust.map((t) => t.rootsPem).join('\n'),
    crlPem: extraTrust.map((t) => t.crlPem).join('\n'),
  });
  const signing = new SigningService({
    services,
    store: createSignatureStore(db, cipher),
    caseOf: (id) => caseReader.get(id),
    regulation: (id) => catalog.get(id),
    scansOf: (caseId) => scanStore.byCase(caseId).map((s) => ({ id: s.id, documentId: s.documentId, sha256: s.sha256 })),
    trust: () => signingSettings.trust(),
    required: () => signingSettings.get().required,
    ncaLayer: () => (options.ncaLayer ? new NcaLayerClient({ url: options.ncaLayer.url, caPem: options.ncaLayer.caPem ?? undefined }) : null),
  });
  // eslint-disable-next-line prefer-const -- the engine and the sender refer to each other
  let engine: CaseEngine;
  const announceGateway = coalesced(250, () => db.open && emit('*', 'gateway.changed', gatewayStatus({ outbox, sender, link })));
  const sender = new OutboxSender({
    db,
    store: outbox,
    port: () => link.port(),
    now: () => clock.now(),
    apply: (message, answer) => engine.reactor.applyAnswer(message, answer),
    changed(caseIds) {
      for (const caseId of caseIds) emit('*', 'cases.changed', { caseId });
      // A training run bound to one of these cases may have moved on.
      if (services.training) casesMoved(services);
      announceGateway();
    },
    log: logLine,
    concurrency,
    backoff: options.outbox?.backoff ?? DEFAULT_BACKOFF,
  });
  engine = createCaseEngine({
    services,
    store: caseStore,
    outbox,
    sender,
    signatures: signing,
    settleMs: () => {
      const state = sender.link.current.state;
      if (state === 'offline' || state === 'notConfigured') return 0;
      return options.outbox?.settleMs ?? link.timeoutMs() + 1000;
    },
    get clock() {
      return branchClock();
    },
    regulation: (id) => catalog.get(id),
    applicantIndex,
  });
  const queueStore = createQueueStore(db);
  const queue = new QueueService({
    services,
    store: queueStore,
    today,
    settings: () => settings.queue(),
    changed: (day) => emit('*', 'queue.changed', { day }),
    called: (number, window, recall) => emit('*', 'queue.called', { number, window, recall }),
  });
  queue.closeEarlierDays();
  const announceBranch = coalesced(250, () => db.open && emit('*', 'branch.changed', branchLink.status()));
  const branchLink: BranchLink = new BranchLink({
    store: createBranchStore(db, cipher, caseReader, services.operators, (id) => catalog.get(id)),
    changed: announceBranch,
    pushed: (event) => {
      CounterQueue.relay(emit, event);
      if (event.type === 'operators.changed') void directory.pull();
    },
    reconnected: () => {
      void counterQueue.rejoin((clientId) => {
        const session = sessions.get(clientId);
        return session ? services.operators.byId(session.operatorId) : undefined;
      });
      // What changed in the branch's directory while the link was down.
      void directory.pull();
    },
    log: logLine,
    now: () => iso(clock.now()),
    timeoutMs: options.branchTimeoutMs,
  });
  const counterQueue = new CounterQueue(queue, queueStore, branchLink, today);
  const directory = new OperatorDirectory({
    link: branchLink,
    db,
    operators: services.operators,
    throttle: services.throttle,
    audit,
    disabled: (operatorId) => sessions.endAllOf(operatorId, 'disabled'),
    log: logLine,
  });
  // A login waits for the branch's lockout no longer than this; then the local count decides alone.
  const sharedLockout = branchLockout(branchLink, Math.min(options.branchTimeoutMs ?? 1_500, 1_500), logLine);
  branchLink.start();
  if (options.branchEnrollment && !branchLink.configured) {
    branchLink.enroll(options.branchEnrollment).then(
      () => audit.append({ actorId: null, action: 'branch.enrolled', subject: `branch:${branchLink.status().branchId}`, detail: { device: branchLink.device } }),
      (err: unknown) => logLine(`branch enrollment at start failed: ${(err as Error).message}`),
    );
  }
  const vault = new ScanVault(join(options.dataDir, 'scans'), keys.get('scan-vault'), keys.get('scan-name'), options.storageSeams?.scanFiles);
  const scans = new ScanService({
    services,
    store: scanStore,
    vault,
    cases: caseReader,
    catalog,
    scanner: saneScanner({ command: options.scanimage }),
    hotFolder: options.hotFolder ?? null,
    locked: (record) => record.counterDone,
  });
  // What a kill or power cut left in the scan vault (half-written files, files of removed scans) is cleared at start.
  scans.tidyVault().then(
    ({ partials, orphans }) => partials + orphans > 0 && logLine(`scan vault: removed ${partials} half-written and ${orphans} unused file(s) left by the last run`),
    (err: unknown) => logLine(`scan vault sweep: ${(err as Error).message}`),
  );
  const hotFolder = options.hotFolder
    ? new HotFolder({ dir: options.hotFolder, ready: () => scans.hotFolderTarget() !== null, take: (content) => scans.takeFromHotFolder(content), log: logLine })
    : undefined;
  hotFolder?.start().catch((err: unknown) => logLine(`hot folder ${options.hotFolder} unavailable: ${(err as Error).message}`));
  const parts: CoreParts = {
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    catalog,
    cases: caseReader,
    caseCommands: engine.commands,
    queue,
    queueStore,
    counterQueue,
    branchLink,
    gatewayLink: link,
    sender,
    scans,
    cipher,
    termClock: branchClock,
    today,
  };
  const backupKey = keys.get('backup-manifest');
  const backups = new BackupService(services, { dataDir: options.dataDir, key: backupKey, masterKey: options.masterKey, holdScanRemovals: () => scans.removals.take() });
  const handlers: Handlers = {
    ...reportHandlers(services, parts),
    ...printingHandlers(services, parts),
    ...trainingHandlers(services, parts),
    ...queueHandlers(services, { queue: counterQueue, store: queueStore, commands: engine.commands, cases: caseReader, catalog, today }),
    ...branchHandlers(services, branchLink),
    ...setupHandlers(services),
    ...authHandlers(services, sharedLockout),
    ...operatorHandlers(services),
    ...settingsAndAuditHandlers(services),
    ...catalogAndBranchHandlers(services, catalog, today),
    ...gatewayHandlers(services, { outbox, sender, link, cases: caseReader, catalog, cipher }),
    ...signingHandlers(services, { signing, settings: signingSettings }),
    ...scanHandlers(scans),
    ...backupHandlers(services, backups, { dataDir: options.dataDir, key: backupKey }),
    ...caseHandlers(services, { commands: engine.commands, cases: caseReader, catalog, today }),
  };
  audit.append({ actorId: null, action: 'app.started', detail: { training: services.training, recoveredFromUncleanShutdown: lock.uncleanShutdown } });
  // Whatever the last run left in the outbox goes on from where it stood.
  sender.start();

  /** Everything that writes on its own: stopped at close, and where a damaged page is met. */
  const stopWriters = () => {
    void hotFolder?.stop();
    sender.stop();
    link.close();
    branchLink.close();
  };
  // A page found damaged while running stops the core where it stands (damageGuard.ts).
  const guarded: GuardedStorage = { db, training: services.training, version: CORE_VERSION, stopWriters, releaseLock: () => lock.release() };
  return guardAgainstDamage(guarded, {
    dispatch: createDispatch(services, handlers),
    sweep: () => {
      sessions.sweep();
      queue.expireCalls();
      branchLink.tick(Date.now());
    },
    maintain: () => {
      // A new day begins with the last one's open tickets recorded as unserved.
      queue.closeEarlierDays();
      engine.reactor.pollStatuses(link.pollIntervalMs());
      if (sender.link.tick(clock.now())) announceGateway();
      scans.purge().done.catch((err: unknown) => logLine(`scan purge: ${(err as Error).message}`));
      backups.tick();
      checkpoint(db);
    },
    clientGone(clientId) {
      queue.forget(clientId);
      const session = sessions.forget(clientId);
      if (session) audit.append({ actorId: session.operatorId, action: 'auth.logout', subject: `operator:${session.operatorId}`, detail: { reason: 'clientGone' } });
    },
    close() {
      if (!db.open) return;
      stopWriters();
      checkpoint(db, 'TRUNCATE');
      db.close();
      lock.release();
    },
  });
}
