/**
 * The workstation's side of the branch link: HTTPS with its client certificate, trusting the
 * branch's CA and nothing else; every request carries the contract version, the branch, a fresh
 * nonce and the time; every answer is checked against the branch contract. A refusal comes back
 * as BranchRefusal with its code; a link that does not answer as BranchUnreachable, which the
 * caller may retry with the same idempotency key.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:https';
import {
  BRANCH_CONTRACT_VERSION, BRANCH_HEADERS, BranchError, BranchEvent, branchCalls,
  type BranchCallName, type BranchInput, type BranchOutput,
} from '../../shared/branch/wire';

export interface BranchIdentity {
  /** https://host:port of the branch's API. */
  url: string;
  branchId: string;
  branchName: string;
  device: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

export class BranchRefusal extends Error {
  constructor(readonly error: BranchError) {
    super(error.code);
  }
}

export class BranchUnreachable extends Error {}

/** The server had closed a kept-alive connection when it was reused: nothing was read, try a fresh one. */
class StaleConnection extends BranchUnreachable {}

const STREAM_SILENCE_MS = 20_000;

export interface BranchClientOptions {
  timeoutMs?: number;
  /** The contract version this side speaks (tests pretend to be an older or newer workstation). */
  contractVersion?: number;
}

export class BranchClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(
    readonly identity: BranchIdentity,
    private readonly options: BranchClientOptions = {},
  ) {
    this.base = new URL(identity.url);
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 8,
      ca: identity.caPem,
      cert: identity.certPem,
      key: identity.keyPem,
      minVersion: 'TLSv1.2',
    });
  }

  headers(): Record<string, string> {
    return {
      [BRANCH_HEADERS.contract]: String(this.options.contractVersion ?? BRANCH_CONTRACT_VERSION),
      [BRANCH_HEADERS.branch]: this.identity.branchId,
      [BRANCH_HEADERS.nonce]: randomBytes(16).toString('hex'),
      [BRANCH_HEADERS.time]: new Date().toISOString(),
    };
  }

  /** `timeoutMs` overrides the client's for one call (a month's report is computed, not looked up). */
  async call<N extends BranchCallName>(name: N, input: BranchInput<N>, timeoutMs?: number): Promise<BranchOutput<N>> {
    const body = JSON.stringify(input);
    let answer: { status: number; text: string };
    try {
      answer = await this.post(name, body, timeoutMs);
    } catch (err) {
      // A kept-alive connection the server closed just as it was reused (Node's keep-alive race):
      // sent again at once on a fresh one — safe, every change carries its idempotency key.
      if (!(err instanceof StaleConnection)) throw err;
      answer = await this.post(name, body, timeoutMs);
    }
    const { status, text } = answer;
    let envelope: { ok: boolean; value?: unknown; error?: unknown };
    try {
      envelope = JSON.parse(text) as typeof envelope;
    } catch {
      throw new BranchUnreachable(`HTTP ${status}: not the branch contract`);
    }
    if (!envelope.ok) {
      const error = BranchError.safeParse(envelope.error);
      if (status >= 500 || !error.success) throw new BranchUnreachable(`HTTP ${status}`);
      throw new BranchRefusal(error.data);
    }
    return branchCalls[name].output.parse(envelope.value) as BranchOutput<N>;
  }

  private post(name: string, body: string, timeoutMs?: number): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(`/api/${name}`, this.base),
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...this.headers(), 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs ?? this.options.timeoutMs ?? 5_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (err) => reject(new BranchUnreachable(err.message)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: Error & { code?: string }) => {
        if (req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) reject(new StaleConnection(err.message));
        else reject(isTlsRefusal(err) ? new BranchRefusal({ code: 'NOT_ENROLLED' }) : new BranchUnreachable(err.message));
      });
      req.end(body);
    });
  }

  /**
   * The branch's pushes, reconnecting by itself; each event is handed over once even when a
   * reconnection's catch-up sends it again.
   */
  events(onEvent: (e: BranchEvent) => void, onLink: (up: boolean) => void): { close(): void; kick(): void } {
    const frames = new EventFrames(onEvent);
    let closed = false;
    let up = false;
    let current: ReturnType<typeof request> | undefined;
    let retry: NodeJS.Timeout | undefined;
    const open = () => {
      if (closed) return;
      const headers: Record<string, string> = { ...this.headers(), accept: 'text/event-stream' };
      if (frames.lastId !== null) headers['last-event-id'] = String(frames.lastId);
      const req = request(new URL('/api/events', this.base), { method: 'GET', agent: this.agent, headers }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return dropped(req);
        }
        up = true;
        onLink(true);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => frames.push(chunk));
        res.on('end', () => dropped(req));
        res.on('error', () => dropped(req));
      });
      // The server says something at least every 15 s; a silent stream is a cut link.
      req.setTimeout(STREAM_SILENCE_MS, () => req.destroy(new Error('silent')));
      req.on('error', () => dropped(req));
      req.end();
      current = req;
    };
    // Only the attempt in force counts: one that was replaced may still report its end.
    const dropped = (req: ReturnType<typeof request>) => {
      if (closed || retry || req !== current) return;
      frames.reset();
      if (up) {
        up = false;
        onLink(false);
      }
      retry = setTimeout(() => {
        retry = undefined;
        open();
      }, 500);
    };
    open();
    return {
      close() {
        closed = true;
        if (retry) clearTimeout(retry);
        current?.destroy();
      },
      /** The link is back (a call got through): stop waiting on a stalled attempt and reconnect now. */
      kick() {
        if (closed || up) return;
        if (retry) clearTimeout(retry);
        retry = undefined;
        const stalled = current;
        current = undefined;
        stalled?.destroy();
        open();
      },
    };
  }

  close() {
    this.agent.destroy();
  }
}

/** The server refused our certificate during the handshake: not a link problem, a trust problem. */
function isTlsRefusal(err: Error & { code?: string }): boolean {
  return /certificate|alert|handshake/i.test(err.message) && err.code !== 'ECONNRESET' && err.code !== 'ECONNREFUSED';
}

/** Server-sent event frames, parsed as they arrive; an event seen before (a catch-up's overlap) is dropped. */
class EventFrames {
  lastId: number | null = null;
  private buffer = '';
  private readonly seen = new Set<number>();

  constructor(private readonly onEvent: (e: BranchEvent) => void) {}

  /** A broken stream's half frame is not continued by the next stream. */
  reset() {
    this.buffer = '';
  }

  push(chunk: string) {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const lines = this.buffer.slice(0, end).split('\n');
      this.buffer = this.buffer.slice(end + 2);
      const data = lines.find((l) => l.startsWith('data: '));
      if (!data) {
        // The stream's starting point: where to catch up from if it drops before any event.
        const position = lines.find((l) => l.startsWith('id: '));
        if (position && this.lastId === null) this.lastId = Number(position.slice(4));
        continue;
      }
      const parsed = BranchEvent.safeParse(JSON.parse(data.slice(6)));
      if (!parsed.success) continue;
      const e = parsed.data;
      if (e.id > 0) {
        if (this.seen.has(e.id)) continue;
        this.seen.add(e.id);
        if (this.seen.size > 5000) this.seen.delete(this.seen.values().next().value!);
        this.lastId = Math.max(this.lastId ?? 0, e.id);
      }
      this.onEvent(e);
    }
  }
}
