import type { GatewayConnection } from '../gateway/gatewayLink';
/** Messages between a host thread and the core's worker thread. */
import type { EventEnvelope } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import type { BranchEnrollment } from '../branch/branchLink';

export interface WorkerSetup {
  dataDir: string;
  masterKey: Uint8Array;
  training: boolean;
  idleLockSeconds?: number;
  resourcesDir: string;
  gatewayConnection?: GatewayConnection;
  hotFolder?: string;
  ncaLayer?: { url: string; caPem: string | null };
  trustDir?: string;
  branchEnrollment?: BranchEnrollment;
}

export type ToWorker =
  | { type: 'call'; seq: number; name: string; input: unknown; clientId: string }
  | { type: 'clientGone'; clientId: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; seq: number; result: CallResult<unknown> }
  | { type: 'event'; clientId: string; event: EventEnvelope }
  | { type: 'closed' };
