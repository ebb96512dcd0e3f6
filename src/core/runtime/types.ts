/** The core as seen from a host (the Electron shell or the web host): calls in, events out. */
import type { BranchEnrollment } from '../branch/branchLink';
import type { GatewayConnection } from '../gateway/gatewayLink';
import type { EventEnvelope } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';

/** Who is calling: one window (Electron) or one browser session (web host). */
export interface CallerContext {
  clientId: string;
}

/** An event for one client, or for every client when `clientId` is '*'. */
export interface TargetedEvent {
  clientId: string;
  event: EventEnvelope;
}

export interface CoreHandle {
  /**
   * Validates and runs one contract call; never rejects — failures come back as `{ ok: false }`.
   * `transfer`: buffers of the input moved to the core's thread rather than copied (a scan's bytes).
   */
  call(name: string, input: unknown, caller: CallerContext, transfer?: readonly ArrayBuffer[]): Promise<CallResult<unknown>>;
  onEvent(listener: (event: TargetedEvent) => void): () => void;
  /** The window closed or the browser session ended: forget its operator session. */
  clientGone(clientId: string): void;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Folder that holds the database, scans and logs of this workstation. */
  dataDir: string;
  /** 32-byte key that encrypts personal data at rest (wrapped by safeStorage or a key file). */
  masterKey: Uint8Array;
  /** Training mode: simulated state systems, a banner on every screen. */
  training?: boolean;
  /** Where the worker's code is; defaults to coreWorker.js beside the host bundle. */
  workerUrl?: URL;
  /** Extra Node flags for the worker (tests run the TypeScript entry through tsx). */
  execArgv?: string[];
  /** Overrides the idle lock from the settings, in seconds (training demos and tests). */
  idleLockSeconds?: number;
  /** The program's own data (regulations, calendar); defaults to resources/ beside the bundle. */
  resourcesDir?: string;
  /** The gateway to use instead of the configured one (the simulator a training host started). */
  gatewayConnection?: GatewayConnection;
  /** The folder the scanner's own software saves into, watched for pages. */
  hotFolder?: string;
  /** NCALayer on this computer: its address and the CA of its TLS certificate. */
  ncaLayer?: { url: string; caPem: string | null };
  /** A folder of authorities' certificates and CRLs trusted for signatures, besides the settings. */
  trustDir?: string;
  /** Join this branch at the first start (a hall device or a workstation set up by a script). */
  branchEnrollment?: BranchEnrollment;
}
