/** Everything a handler may use, built once when the database opens. */
import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../shared/contract';
import type { AuditLog } from './audit/auditLog';
import type { OperatorStore } from './auth/operatorStore';
import type { SessionRegistry } from './auth/sessions';
import type { ThrottleStore } from './auth/throttleStore';
import type { Clock } from './clock';
import type { SettingsStore } from './settings/settingsStore';

export type Emit = <E extends EventName>(clientId: string, name: E, payload: EventPayload<E>) => void;

export interface Services {
  db: Database;
  clock: Clock;
  operators: OperatorStore;
  throttle: ThrottleStore;
  audit: AuditLog;
  sessions: SessionRegistry;
  settings: SettingsStore;
  emit: Emit;
  training: boolean;
  version: string;
  /** The idle lock in force: the settings, or the start-up override of training and tests. */
  idleLockSeconds(): number;
}
