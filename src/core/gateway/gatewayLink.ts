/**
 * Which gateway the outbox talks to, now: a port given at start-up (the engine's tests), the
 * simulator the training host started, or the endpoint an administrator configured. The client
 * is rebuilt only when the configuration changes, so its keep-alive connections are reused.
 */
import type { SimulatorFault } from '../../shared/gateway';
import type { StoredGatewaySettings } from '../settings/gatewaySettings';
import type { GatewayPort } from './port';
import { SmartBridgeClient } from './smartBridgeClient';

export interface GatewayConnection {
  endpoint: string;
  senderId: string;
  password: string;
  caPem: string | null;
  /** The simulator's control endpoint (training): lets a trainer switch faults on. */
  controlUrl?: string;
  /** How often to ask the target system about undecided requests (training asks often). */
  pollIntervalSeconds?: number;
}

export interface GatewayLinkOptions {
  fixed?: GatewayPort;
  override?: GatewayConnection;
  stored(): StoredGatewaySettings;
  openPassword(sealed: string): string;
  concurrency: number;
  log(line: string): void;
}

export class GatewayLink {
  private client: { key: string; port: SmartBridgeClient } | undefined;

  constructor(private readonly o: GatewayLinkOptions) {}

  private connection(): GatewayConnection | null {
    if (this.o.override) return this.o.override;
    const s = this.o.stored();
    if (!s.endpoint || !s.senderId || !s.passwordSealed) return null;
    return { endpoint: s.endpoint, senderId: s.senderId, password: this.o.openPassword(s.passwordSealed), caPem: s.caPem };
  }

  timeoutMs(): number {
    return this.o.stored().timeoutSeconds * 1000;
  }

  pollIntervalMs(): number {
    return (this.o.override?.pollIntervalSeconds ?? this.o.stored().pollIntervalSeconds) * 1000;
  }

  port(): GatewayPort | null {
    if (this.o.fixed) return this.o.fixed;
    const c = this.connection();
    if (!c) return null;
    const timeoutMs = this.timeoutMs();
    const key = JSON.stringify([c.endpoint, c.senderId, c.password, c.caPem, timeoutMs]);
    if (this.client?.key !== key) {
      this.client?.port.close();
      const port = new SmartBridgeClient({
        endpoint: c.endpoint,
        senderId: c.senderId,
        password: c.password,
        caPem: c.caPem ?? undefined,
        timeoutMs,
        maxSockets: this.o.concurrency,
        // Failures only: a busy branch answers thousands of look-ups a day, and those are in the outbox.
        log: (e) => e.failure && this.o.log(`gateway: ${e.serviceId} message ${e.messageId}: ${e.failure}${e.code ? ` ${e.code}` : ''} ${e.detail}`),
      });
      this.client = { key, port };
    }
    return this.client.port;
  }

  /** Training: the simulator started with the workstation, which a trainer may tell to fail. */
  get simulatorControl(): string | null {
    return this.o.override?.controlUrl ?? null;
  }

  async setSimulatorFault(mode: SimulatorFault): Promise<void> {
    const control = this.simulatorControl;
    if (!control) throw new Error('no simulator');
    const res = await fetch(new URL('/control/faults', control), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode }),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`simulator control answered ${res.status}`);
  }

  close() {
    this.client?.port.close();
    this.client = undefined;
  }
}
