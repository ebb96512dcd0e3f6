/**
 * The training population in process, with a switch: up, down (unreachable), or refusing every
 * request. It counts what it was asked, how many at once, and can hold the target system's
 * decision back — what the outbox's tests need to see order, concurrency, backoff and recovery.
 */
import { GatewayRejected, GatewayUnavailable, type GatewayPort, type MessageMeta, type PowerOfAttorneyQuery, type Submission } from '../../src/core/gateway/port';
import { TrainingGateway } from '../../src/core/gateway/trainingGateway';

export class SwitchableGateway implements GatewayPort {
  mode: 'up' | 'down' | 'reject' = 'up';
  /** Whether the target system has decided; until then a status look-up answers "registered". */
  decided = true;
  delayMs = 0;
  readonly calls: { kind: string; messageId: string; correlationId: string }[] = [];
  maxInFlight = 0;
  private inFlight = 0;

  constructor(readonly inner = new TrainingGateway()) {}

  private async gate<T>(kind: string, meta: MessageMeta, work: () => Promise<T>): Promise<T> {
    this.calls.push({ kind, ...meta });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.mode === 'down') throw new GatewayUnavailable('unreachable', 'connect ECONNREFUSED');
      if (this.mode === 'reject') throw new GatewayRejected('rejected', 'BSNS400', 'the request was refused');
      return await work();
    } finally {
      this.inFlight--;
    }
  }

  findPerson(iin: string, meta: MessageMeta) {
    return this.gate('person', meta, () => this.inner.findPerson(iin, meta));
  }
  findPowerOfAttorney(q: PowerOfAttorneyQuery, meta: MessageMeta) {
    return this.gate('powerOfAttorney', meta, () => this.inner.findPowerOfAttorney(q, meta));
  }
  submit(s: Submission, meta: MessageMeta) {
    return this.gate('submit', meta, () => this.inner.submit(s, meta));
  }
  status(registrationNumber: string, meta: MessageMeta) {
    return this.gate('status', meta, async () =>
      this.decided ? this.inner.status(registrationNumber, meta) : { state: 'registered' as const, registrationNumber },
    );
  }
}
