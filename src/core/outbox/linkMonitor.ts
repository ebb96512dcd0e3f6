/**
 * The state of the link to the gateway, judged from the deliveries themselves (no separate
 * pings): offline after a run of failures that say the gateway cannot be reached, degraded while
 * recent deliveries fail or answer slowly, online otherwise. A business refusal says nothing
 * about the link and is not counted.
 */
import type { Failure, LinkState } from '../../shared/gateway';

const LINK_FAILURES: ReadonlySet<Failure> = new Set(['unreachable', 'timeout', 'httpError', 'soapFault', 'malformed', 'untrusted']);
/** Consecutive link failures that make the link offline. */
const OFFLINE_AFTER = 3;
/** The recent deliveries the degraded judgement looks at: the last 20, none older than two minutes. */
const WINDOW = 20;
const WINDOW_MS = 120_000;
const SLOW_MS = 3_000;

export class LinkMonitor {
  private state: LinkState = 'online';
  private sinceMs: number;
  private failuresInARow = 0;
  private recent: { atMs: number; good: boolean }[] = [];
  private lastFailure: Failure | null = null;

  constructor(nowMs: number) {
    this.sinceMs = nowMs;
  }

  get current() {
    return { state: this.state, sinceMs: this.sinceMs, lastFailure: this.lastFailure };
  }

  /** Records one delivery; returns true when the state changed. */
  record(nowMs: number, outcome: { ok: true; elapsedMs: number } | { ok: false; failure: Failure }): boolean {
    if (!outcome.ok) {
      if (!LINK_FAILURES.has(outcome.failure)) return this.set(this.judge(nowMs), nowMs);
      this.lastFailure = outcome.failure;
      this.failuresInARow++;
      this.push(nowMs, false);
    } else {
      this.failuresInARow = 0;
      this.push(nowMs, outcome.elapsedMs <= SLOW_MS);
    }
    return this.set(this.judge(nowMs), nowMs);
  }

  /** Judges again with no new delivery: a degraded link recovers as its bad deliveries age out. */
  tick(nowMs: number): boolean {
    if (this.state === 'notConfigured' || this.state === 'offline') return false;
    return this.set(this.judge(nowMs), nowMs);
  }

  /** No gateway configured: nothing can be judged. */
  notConfigured(nowMs: number): boolean {
    return this.set('notConfigured', nowMs);
  }

  private push(atMs: number, good: boolean) {
    this.recent.push({ atMs, good });
    if (this.recent.length > WINDOW) this.recent.shift();
  }

  private judge(nowMs: number): LinkState {
    if (this.failuresInARow >= OFFLINE_AFTER) return 'offline';
    this.recent = this.recent.filter((r) => nowMs - r.atMs <= WINDOW_MS);
    return this.recent.some((r) => !r.good) ? 'degraded' : 'online';
  }

  private set(state: LinkState, nowMs: number): boolean {
    if (state === this.state) return false;
    this.state = state;
    this.sinceMs = nowMs;
    if (state === 'online') this.lastFailure = null;
    return true;
  }
}
