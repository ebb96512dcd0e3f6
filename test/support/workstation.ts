/** A real workstation core (real SQLite in a temp folder) on a manual clock, called like a host would. */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { CallInput, CallName, CallOutput, EventEnvelope } from '../../src/shared/contract';
import type { AppErrorData } from '../../src/shared/errors';
import { ManualClock } from '../../src/core/clock';
import type { GatewayPort } from '../../src/core/gateway/port';
import { TrainingGateway } from '../../src/core/gateway/trainingGateway';
import { databasePath, openWorkstation, type Workstation, type WorkstationOptions } from '../../src/core/workstation';
import { makeIin } from './iins';
import { tempDir } from './tempDir';

export const ADMIN = { login: 'admin', fullName: 'Әсемгүл Нұрланқызы Жұмабаева', iin: makeIin('850315', '4', 12), password: 'Құпия-сөз-2026' };

/** The manual clock's test day and hour, moving on in real time from the moment it is made. */
export class RunningClock extends ManualClock {
  private readonly started = Date.now();
  override now(): number {
    return super.now() + (Date.now() - this.started);
  }
}

export interface TestCore {
  ws: Workstation;
  clock: ManualClock;
  dataDir: string;
  masterKey: Buffer;
  events: { clientId: string; event: EventEnvelope }[];
  call<N extends CallName>(name: N, input: CallInput<N>, clientId?: string): Promise<CallOutput<N>>;
  fail(name: string, input: unknown, clientId?: string): Promise<AppErrorData>;
  /** Audit actions in order, read through a second connection as an inspector would. */
  auditActions(): string[];
  reopen(): void;
  dispose(): void;
}

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
/** The training PKI's authorities are trusted in tests, as a branch's trust folder would be. */
const TRAINING_PKI_DIR = new URL('../../resources/training-pki/', import.meta.url).pathname;

export function openTestCore(
  options: {
    idleLockSeconds?: number; dataDir?: string; masterKey?: Buffer; training?: boolean;
    /** The state systems in process; null for none (the gateway configured through the settings). */
    gateway?: GatewayPort | null;
    outbox?: WorkstationOptions['outbox'];
    /** A gateway over the network (the simulator): then no in-process one is used. */
    gatewayConnection?: WorkstationOptions['gatewayConnection'];
    /** A clock that starts at the test day but runs in real time (for real timeouts and backoff). */
    running?: boolean;
    /** The scanner's hot folder, and the scanimage program to run. */
    scans?: Pick<WorkstationOptions, 'hotFolder' | 'scanimage'>;
    /** How long a branch call waits before the link counts as cut off. */
    branchTimeoutMs?: number;
    /** Where the faults tests make the disk "full" (test/faults). */
    storageSeams?: WorkstationOptions['storageSeams'];
  } = {},
): TestCore {
  // The training population in process: the engine's tests need answers, not a network.
  const gateway = options.gatewayConnection || options.gateway === null ? undefined : (options.gateway ?? new TrainingGateway());
  const dir = options.dataDir ? { path: options.dataDir, remove() {} } : tempDir();
  const clock = options.running ? new RunningClock() : new ManualClock();
  const masterKey = options.masterKey ?? randomBytes(32);
  const events: TestCore['events'] = [];
  const open = () =>
    openWorkstation({ dataDir: dir.path, masterKey, clock, idleLockSeconds: options.idleLockSeconds, resourcesDir: RESOURCES, training: options.training, gateway, outbox: options.outbox, gatewayConnection: options.gatewayConnection, trustDir: TRAINING_PKI_DIR, branchTimeoutMs: options.branchTimeoutMs, storageSeams: options.storageSeams, ...options.scans }, (clientId, event) =>
      events.push({ clientId, event }),
    );
  const core: TestCore = {
    ws: open(),
    clock,
    dataDir: dir.path,
    masterKey,
    events,
    async call(name, input, clientId = 'client-1') {
      const result = await core.ws.dispatch(name, input, clientId);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(name, input, clientId = 'client-1') {
      const result = await core.ws.dispatch(name, input, clientId);
      if (result.ok) throw new Error(`${name} was expected to fail`);
      return result.error;
    },
    auditActions() {
      const db = new Database(databasePath(dir.path), { readonly: true });
      try {
        return (db.prepare('SELECT action FROM audit ORDER BY id').all() as { action: string }[]).map((r) => r.action);
      } finally {
        db.close();
      }
    },
    reopen() {
      core.ws.close();
      core.ws = open();
    },
    dispose() {
      core.ws.close();
      dir.remove();
    },
  };
  return core;
}
