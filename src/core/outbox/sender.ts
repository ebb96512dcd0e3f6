/**
 * The outbox's sender: delivers the oldest open message of each case, in order within a case and
 * side by side across cases (bounded), and commits what came back in batches — each answer
 * stored, its message closed and the answer applied to the case in one transaction. Failures
 * that a repeat may mend wait out a capped, jittered backoff; final ones stop the case's line
 * until the operator retries. It runs in the core's worker, so none of it blocks the operator.
 */
import type { Database } from 'better-sqlite3';
import type { Failure } from '../../shared/gateway';
import { GatewayRejected, GatewayUnavailable, type GatewayPort } from '../gateway/port';
import { retryDelay, type BackoffPolicy } from './backoff';
import { LinkMonitor } from './linkMonitor';
import { deliver, type Answer, type OutboxMessage } from './messages';
import type { OutboxStore } from './outboxStore';

export interface SenderDeps {
  db: Database;
  store: OutboxStore;
  /** The gateway as configured now; null when no endpoint is set (messages wait). */
  port(): GatewayPort | null;
  now(): number;
  /** Applies an answer to its case; runs inside the transaction that closes the message. */
  apply(message: OutboxMessage, answer: Answer, nowMs: number): void;
  /** After each commit: the cases that moved, and whether the link's state changed. */
  changed(caseIds: ReadonlySet<number>, linkChanged: boolean): void;
  log(line: string): void;
  concurrency: number;
  backoff: BackoffPolicy;
  random?: () => number;
}

type Completion =
  | { message: OutboxMessage; ok: true; answer: Answer; elapsedMs: number }
  | { message: OutboxMessage; ok: false; retryable: boolean; failure: Failure; code: string | null };

const REFILL = 256;
/** How long the first answer of a batch waits for the others before it is committed. */
const GROUP_COMMIT_MS = 2;
/** The longest the sender sleeps before looking again, whatever the backoff says. */
const MAX_SLEEP_MS = 30_000;
/** When the link comes back, the messages waiting out their backoff are spread over this long. */
const RECOVERY_SPREAD_MS = 2_000;

export class OutboxSender {
  readonly link: LinkMonitor;
  private readonly inFlight = new Set<number>();
  private ready: OutboxMessage[] = [];
  private completed: Completion[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pumpQueued = false;
  private flushQueued = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private running = false;
  private generation = 0;
  private readonly waiters = new Map<number, { resolve(): void }[]>();

  constructor(private readonly d: SenderDeps) {
    this.link = new LinkMonitor(d.now());
  }

  start() {
    this.running = true;
    this.wake();
  }

  /** Stops sending. Answers still on the way are dropped: their messages stay open and go again. */
  stop() {
    this.running = false;
    this.generation++;
    clearTimeout(this.timer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.inFlight.clear();
    this.ready = [];
    this.completed = [];
    for (const list of this.waiters.values()) for (const w of list) w.resolve();
    this.waiters.clear();
  }

  /** Something new may be due (a message written, a retry asked for): look soon. */
  wake() {
    if (this.pumpQueued || !this.running) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  get sending() {
    return this.inFlight.size;
  }

  /**
   * Resolves once the case is not waiting on a first try: its head message answered, failed,
   * or tried and waiting out a backoff — or after `timeoutMs`. The operator's call waits this
   * long so that, online, the screen shows the answer rather than "waiting".
   */
  settled(caseId: number, timeoutMs: number): Promise<void> {
    if (this.isSettled(caseId) || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { resolve: () => resolve() };
      const list = this.waiters.get(caseId) ?? [];
      list.push(waiter);
      this.waiters.set(caseId, list);
      setTimeout(() => {
        const l = this.waiters.get(caseId);
        if (l) this.waiters.set(caseId, l.filter((w) => w !== waiter));
        resolve();
      }, timeoutMs).unref();
    });
  }

  private isSettled(caseId: number) {
    if (this.inFlight.has(caseId)) return false;
    const head = this.d.store.head(caseId);
    return !head || head.state === 'failed' || head.attempts > 0 || !this.running || this.d.port() === null;
  }

  private pump() {
    if (!this.running) return;
    const port = this.d.port();
    const now = this.d.now();
    if (!port) {
      if (this.link.notConfigured(now)) this.d.changed(new Set(), true);
      return;
    }
    while (this.inFlight.size < this.d.concurrency) {
      if (this.ready.length === 0) {
        // A few hundred heads at a time: finding heads scans the open messages, so not per send.
        this.ready = this.d.store.dueHeads(now, REFILL + this.inFlight.size).filter((m) => !this.inFlight.has(m.caseId));
        if (this.ready.length === 0) break;
      }
      const message = this.ready.shift()!;
      if (!this.inFlight.has(message.caseId)) this.send(port, message);
    }
    if (this.inFlight.size < this.d.concurrency && this.ready.length === 0) this.sleepUntilDue(now);
  }

  private sleepUntilDue(now: number) {
    clearTimeout(this.timer);
    const due = this.d.store.nextDueAt();
    // Due already means its case is in flight: the answer wakes the sender, not the clock.
    if (due === null || due <= now) return;
    this.timer = setTimeout(() => this.wake(), Math.min(due - now, MAX_SLEEP_MS));
    this.timer.unref();
  }

  private send(port: GatewayPort, message: OutboxMessage) {
    this.inFlight.add(message.caseId);
    const generation = this.generation;
    const started = performance.now();
    deliver(port, message.request, { messageId: message.messageId, correlationId: message.correlationId }).then(
      (answer) => this.complete(generation, { message, ok: true, answer, elapsedMs: performance.now() - started }),
      (err: unknown) => this.complete(generation, { message, ok: false, ...this.classify(message, err) }),
    );
  }

  private classify(message: OutboxMessage, err: unknown): { retryable: boolean; failure: Failure; code: string | null } {
    // A garbled answer is retried like a lost one (a proxy between may be at fault); the
    // operator sees it as such on the message, and the backoff keeps the retries apart.
    if (err instanceof GatewayUnavailable) return { retryable: true, failure: err.failure, code: null };
    if (err instanceof GatewayRejected) return { retryable: false, failure: err.failure, code: err.code.slice(0, 60) };
    this.d.log(`outbox: message ${message.messageId} (${message.kind}) failed inside the workstation: ${(err as Error)?.message}`);
    return { retryable: false, failure: 'internal', code: null };
  }

  private complete(generation: number, completion: Completion) {
    if (generation !== this.generation) return;
    this.completed.push(completion);
    // Group commit: a commit with synchronous=FULL costs a flush to disk whatever it holds, so
    // answers arriving close together share one — at once when every message on the wire has
    // answered, otherwise after a moment's wait for the others.
    if (this.completed.length >= this.inFlight.size) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      if (this.flushQueued) return;
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        this.flush();
      });
    } else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        this.flush();
      }, GROUP_COMMIT_MS);
    }
  }

  private flush() {
    if (!this.running) return;
    const batch = this.completed.splice(0);
    if (batch.length === 0) return;
    const now = this.d.now();
    const moved = new Set<number>();
    try {
      this.d.db.transaction(() => {
        for (const c of batch) {
          this.settle(c, now);
          moved.add(c.message.caseId);
        }
      }).immediate();
    } catch (err) {
      // Nothing of the batch was written: its messages stay open and are sent again (same ids).
      this.d.log(`outbox: could not store ${batch.length} answer(s): ${(err as Error).message}`);
    }
    let linkChanged = false;
    const wasOffline = this.link.current.state === 'offline';
    for (const c of batch) {
      this.inFlight.delete(c.message.caseId);
      linkChanged = this.link.record(now, c.ok ? { ok: true, elapsedMs: c.elapsedMs } : { ok: false, failure: c.failure }) || linkChanged;
    }
    if (wasOffline && this.link.current.state !== 'offline') {
      // The link is back: what was waiting out a long backoff goes now, spread over a moment.
      this.d.store.pullForward(now, RECOVERY_SPREAD_MS);
    }
    this.d.changed(moved, linkChanged);
    for (const caseId of moved) this.resolveWaiters(caseId);
    this.wake();
  }

  private settle(c: Completion, now: number) {
    const { message } = c;
    if (c.ok) {
      try {
        // A savepoint: an answer the case cannot take fails alone, not the whole batch.
        this.d.db.transaction(() => {
          if (this.d.store.markDone(message.id, c.answer, now)) this.d.apply(message, c.answer, now);
        })();
      } catch (err) {
        this.d.log(`outbox: answer to ${message.messageId} (${message.kind}) could not be applied: ${(err as Error).message}`);
        this.d.store.markFailed(message.id, 'internal', null, now);
      }
    } else if (c.retryable) {
      const delay = retryDelay(message.attempts + 1, this.d.backoff, this.d.random);
      this.d.store.retryLater(message.id, now + delay, c.failure, c.code, now);
    } else {
      this.d.log(`outbox: message ${message.messageId} (${message.kind}) failed: ${c.failure}${c.code ? ` ${c.code}` : ''}`);
      this.d.store.markFailed(message.id, c.failure, c.code, now);
    }
  }

  private resolveWaiters(caseId: number) {
    const list = this.waiters.get(caseId);
    if (!list || !this.isSettled(caseId)) return;
    this.waiters.delete(caseId);
    for (const w of list) w.resolve();
  }
}
