/**
 * The workstation core, assembled: opens the data folder and the database, builds the services
 * and the handlers, and answers calls. If the database cannot be opened the core still answers,
 * in a failed state that explains why — the operator sees a reason, not a crash loop.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventEnvelope } from '../shared/contract';
import { AppError, type CallResult } from '../shared/errors';
import { parseCall } from '../shared/validate';
import { createAuditLog } from './audit/auditLog';
import { createOperatorStore } from './auth/operatorStore';
import { SessionRegistry } from './auth/sessions';
import { createThrottleStore } from './auth/throttleStore';
import { systemClock, type Clock } from './clock';
import { createFieldCipher } from './crypto/fieldCipher';
import { createKeyring } from './crypto/keys';
import { openDatabase } from './db/open';
import { acquireRunLock, type RunLock } from './db/runLock';
import { StorageError } from './db/storageError';
import { createDispatch, logLine, type Dispatch } from './dispatch';
import { authHandlers } from './handlers/auth';
import { operatorHandlers } from './handlers/operators';
import { settingsAndAuditHandlers } from './handlers/settingsAndAudit';
import { setupHandlers } from './handlers/setup';
import type { Handlers } from './handlers/types';
import { checkMasterKey } from './keyCheck';
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
}

export interface Workstation {
  dispatch: Dispatch;
  /** Applies the idle lock and the session limit; the runtime calls it every second. */
  sweep(): void;
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
    db = openDatabase(path, { checkIntegrity: lock.uncleanShutdown });
    const keys = createKeyring(options.masterKey);
    checkMasterKey(db, keys, path);
    return liveWorkstation(db, lock, keys, options, sink);
  } catch (err) {
    db?.close();
    // Only our own lock is released; a folder held by another process keeps its lock.
    lock?.release();
    if (!(err instanceof StorageError)) throw err;
    logLine(`storage unavailable (${err.problem}): ${err.message}`);
    return failedWorkstation(err, Boolean(options.training));
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
  const audit = createAuditLog(db, keys.get('audit-chain'), clock);
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

  const services: Services = {
    db,
    clock,
    operators: createOperatorStore(db, createFieldCipher(keys)),
    throttle: createThrottleStore(db),
    audit,
    sessions,
    settings,
    emit,
    training: Boolean(options.training),
    version: CORE_VERSION,
    idleLockSeconds,
  };
  const handlers: Handlers = {
    ...setupHandlers(services),
    ...authHandlers(services),
    ...operatorHandlers(services),
    ...settingsAndAuditHandlers(services),
  };
  audit.append({ actorId: null, action: 'app.started', detail: { training: services.training, recoveredFromUncleanShutdown: lock.uncleanShutdown } });

  return {
    dispatch: createDispatch(services, handlers),
    sweep: () => sessions.sweep(),
    clientGone(clientId) {
      const session = sessions.forget(clientId);
      if (session) audit.append({ actorId: session.operatorId, action: 'auth.logout', subject: `operator:${session.operatorId}`, detail: { reason: 'clientGone' } });
    },
    close() {
      db.close();
      lock.release();
    },
  };
}

function failedWorkstation(err: StorageError, training: boolean): Workstation {
  const storage = { problem: err.problem, path: err.path };
  return {
    async dispatch(name, input): Promise<CallResult<unknown>> {
      try {
        parseCall(name, input);
      } catch (e) {
        return { ok: false, error: (e as AppError).data };
      }
      if (name === 'app.status') {
        return { ok: true, value: { ready: false, firstRun: false, training, version: CORE_VERSION, storageProblem: storage } };
      }
      return { ok: false, error: { code: 'STORAGE_UNAVAILABLE', storage } };
    },
    sweep() {},
    clientGone() {},
    close() {},
  };
}
