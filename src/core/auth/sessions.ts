/**
 * Operator sessions, one per client (window or browser session), held in memory: a restart of
 * the workstation always asks for the password again. The idle lock and the absolute limit are
 * applied by `sweep`, which the runtime calls every second and the tests call on a fake clock.
 */
import type { Clock } from '../clock';

export type LockReason = 'idle' | 'manual';
export type EndReason = 'logout' | 'expired' | 'disabled' | 'lockedOut';

export interface Session {
  clientId: string;
  operatorId: number;
  startedAt: number;
  expiresAt: number;
  lastActivityAt: number;
  locked: boolean;
}

export interface SessionPolicy {
  idleLockMs(): number;
  sessionLimitMs(): number;
}

export interface SessionListener {
  locked(session: Session, reason: LockReason): void;
  ended(session: Session, reason: EndReason): void;
}

export class SessionRegistry {
  private readonly byClient = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
    private readonly listener: SessionListener,
  ) {}

  start(clientId: string, operatorId: number): Session {
    const now = this.clock.now();
    const session: Session = {
      clientId,
      operatorId,
      startedAt: now,
      expiresAt: now + this.policy.sessionLimitMs(),
      lastActivityAt: now,
      locked: false,
    };
    this.byClient.set(clientId, session);
    return session;
  }

  get(clientId: string): Session | undefined {
    return this.byClient.get(clientId);
  }

  /** The moment the screen will lock if nothing else happens. */
  lockAt(session: Session): number {
    return Math.min(session.lastActivityAt + this.policy.idleLockMs(), session.expiresAt);
  }

  touch(session: Session): void {
    if (!session.locked) session.lastActivityAt = this.clock.now();
  }

  lock(session: Session, reason: LockReason): void {
    if (session.locked) return;
    session.locked = true;
    this.listener.locked(session, reason);
  }

  unlock(session: Session): void {
    session.locked = false;
    session.lastActivityAt = this.clock.now();
  }

  end(session: Session, reason: EndReason): void {
    if (this.byClient.get(session.clientId) !== session) return;
    this.byClient.delete(session.clientId);
    this.listener.ended(session, reason);
  }

  endAllOf(operatorId: number, reason: EndReason): void {
    for (const s of [...this.byClient.values()]) if (s.operatorId === operatorId) this.end(s, reason);
  }

  /** The client went away (window closed): forget it without an event nobody would receive. */
  forget(clientId: string): Session | undefined {
    const s = this.byClient.get(clientId);
    this.byClient.delete(clientId);
    return s;
  }

  sweep(): void {
    const now = this.clock.now();
    for (const s of [...this.byClient.values()]) {
      if (now >= s.expiresAt) this.end(s, 'expired');
      else if (!s.locked && now - s.lastActivityAt >= this.policy.idleLockMs()) this.lock(s, 'idle');
    }
  }
}
