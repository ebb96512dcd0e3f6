/**
 * The workstation's link to its branch server: whether it is configured, online or cut off; the
 * branch's pushes handed on to this workstation's screens; and the sync that reports to the
 * branch what was written here (cases, tickets numbered while cut off, audit rows, operator
 * accounts), exactly once.
 *
 * Cut off is judged from the link itself: a call that gets no answer, or the event stream
 * falling silent. While cut off nothing waits on the branch — the queue works from the local
 * fallback — and a probe every few seconds notices the link coming back.
 */
import type { BranchCallName, BranchEvent, BranchInput, BranchOutput } from '../../shared/branch/wire';
import type { BranchStatus } from '../../shared/branchStatus';
import { BranchClient, BranchRefusal, BranchUnreachable, type BranchIdentity } from './branchClient';
import type { BranchStore } from './branchStore';
import { enrollWithBranch } from './enroll';

export interface BranchLinkDeps {
  store: BranchStore;
  /** The screens should refresh the link indicator. */
  changed(): void;
  /** A push from the branch for this workstation's screens. */
  pushed(event: BranchEvent): void;
  /** The link came back: windows are claimed again, the fallback's work is reported. */
  reconnected(): void;
  log(line: string): void;
  now(): string;
  timeoutMs?: number;
}

const PROBE_EVERY_MS = 3_000;

export interface BranchEnrollment {
  enrollUrl: string;
  apiUrl: string;
  caPem: string;
  code: string;
}

export class BranchLink {
  private client: BranchClient | null = null;
  private stream: { close(): void; kick(): void } | null = null;
  private state: BranchStatus['state'] = 'notConfigured';
  private syncing: Promise<void> | null = null;
  private lastSyncAt: string | null = null;
  private lastProbe = 0;
  private problem: string | null = null;
  hello: BranchOutput<'hello'> | null = null;

  constructor(private readonly d: BranchLinkDeps) {}

  start() {
    const identity = this.d.store.identity();
    if (identity) this.connect(identity);
  }

  get configured(): boolean {
    return this.client !== null;
  }

  get online(): boolean {
    return this.state === 'online';
  }

  get device(): string | null {
    return this.client?.identity.device ?? null;
  }

  private connect(identity: BranchIdentity) {
    this.close();
    this.client = new BranchClient(identity, { timeoutMs: this.d.timeoutMs ?? 3_000 });
    this.set('connecting');
    this.stream = this.client.events(
      (e) => this.d.pushed(e),
      (up) => (up ? void this.probe(true) : this.cutOff('the event stream dropped')),
    );
  }

  /** A branch call; the link is marked cut off when it gets no answer. */
  async call<N extends BranchCallName>(name: N, input: BranchInput<N>, timeoutMs?: number): Promise<BranchOutput<N>> {
    if (!this.client) throw new Error('no branch configured');
    try {
      return await this.client.call(name, input, timeoutMs);
    } catch (err) {
      if (err instanceof BranchUnreachable) this.cutOff(err.message);
      if (err instanceof BranchRefusal && err.error.code === 'CONTRACT_VERSION') {
        this.problem = `contract:${err.error.update ?? 'workstation'}`;
        this.d.changed();
      }
      throw err;
    }
  }

  private cutOff(reason: string) {
    if (this.state === 'offline') return;
    this.d.log(`branch link cut off: ${reason}`);
    this.set('offline');
  }

  private set(state: BranchStatus['state']) {
    if (this.state === state) return;
    this.state = state;
    this.d.changed();
  }

  /** Called every second or so by the runtime: probes a cut-off link, and syncs what is pending. */
  tick(nowMs: number) {
    if (!this.client) return;
    if (this.state !== 'online' && nowMs - this.lastProbe >= PROBE_EVERY_MS) {
      this.lastProbe = nowMs;
      void this.probe(false);
    }
    if (this.state === 'online') void this.sync();
  }

  private async probe(fromStream: boolean) {
    if (!this.client) return;
    try {
      this.hello = await this.client.call('hello', {});
      this.problem = null;
      const wasOnline = this.state === 'online';
      this.set('online');
      this.stream?.kick();
      if (!wasOnline) {
        this.d.log('branch link up');
        this.d.reconnected();
      }
      await this.sync();
    } catch (err) {
      if (err instanceof BranchRefusal) {
        this.problem = err.error.code === 'CONTRACT_VERSION' ? `contract:${err.error.update ?? 'workstation'}` : err.error.code;
        this.set('offline');
      } else if (!fromStream) this.cutOff((err as Error).message);
    }
  }

  /**
   * Reports what is pending, a batch at a time, until nothing is; one sync at a time. Only a
   * workstation reports: the branch refuses `reconcile` from a hall device (kiosk, board), whose
   * few audit rows (its start, its enrollment) stay its own.
   */
  sync(): Promise<void> {
    if (this.hello && this.hello.device.role !== 'workstation') return Promise.resolve();
    if (this.syncing) return this.syncing;
    const run = async () => {
      for (;;) {
        const counts = this.d.store.counts();
        if (counts.tickets + counts.cases + counts.audit + counts.operators === 0) return;
        const batch = this.d.store.batch();
        if (batch.tickets.length + batch.cases.length + batch.audit.length > 0) {
          await this.call('reconcile', { tickets: batch.tickets, cases: batch.cases, audit: batch.audit });
        }
        // Accounts go to the branch's directory; both calls are idempotent, so a batch sent again after a failure changes nothing.
        if (batch.accounts.length > 0) await this.call('operators.push', { accounts: batch.accounts });
        this.d.store.acknowledge(batch);
        this.lastSyncAt = this.d.now();
        this.d.changed();
      }
    };
    this.syncing = run()
      .catch((err: unknown) => {
        if (!(err instanceof BranchUnreachable)) this.d.log(`branch sync: ${(err as Error).message}`);
      })
      .finally(() => {
        this.syncing = null;
      });
    return this.syncing;
  }

  async enroll(params: BranchEnrollment): Promise<void> {
    const identity = await enrollWithBranch(params);
    // The new identity must answer before it replaces anything.
    const probe = new BranchClient(identity, { timeoutMs: this.d.timeoutMs ?? 3_000 });
    try {
      this.hello = await probe.call('hello', {});
    } finally {
      probe.close();
    }
    this.d.store.save(identity, this.d.now());
    this.connect(identity);
  }

  status(): BranchStatus {
    const identity = this.client?.identity;
    return {
      state: this.state,
      branchId: identity?.branchId ?? null,
      branchName: identity?.branchName ?? null,
      device: identity?.device ?? null,
      // Accounts waiting for the directory are not among the counts the screens show.
      pending: this.client ? pendingShown(this.d.store.counts()) : { tickets: 0, cases: 0, audit: 0 },
      lastSyncAt: this.lastSyncAt,
      problem: this.problem,
    };
  }

  close() {
    this.stream?.close();
    this.stream = null;
    this.client?.close();
    this.client = null;
  }
}

const pendingShown = ({ tickets, cases, audit }: BranchStatus['pending']): BranchStatus['pending'] => ({ tickets, cases, audit });
