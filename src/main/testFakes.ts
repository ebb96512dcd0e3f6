/**
 * Test doubles for the shell's seams: a CoreHandle, and the few fields of Electron's ipcMain,
 * WebContents and invoke events that the bridge reads. Used only by *.test.ts files; nothing
 * in the shell imports this.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CallerContext, CoreHandle, TargetedEvent } from '../core/runtime/types';
import type { EventEnvelope } from '../shared/contract';
import type { CallResult } from '../shared/errors';
import type { KeyWrapper } from './keys';
import type { ClientContents, InvokeEvent, IpcMainLike, SenderFrame } from './ipcBridge';

export interface RecordedCall {
  name: string;
  input: unknown;
  caller: CallerContext;
}

export class FakeCore implements CoreHandle {
  readonly calls: RecordedCall[] = [];
  readonly gone: string[] = [];
  closed = false;
  private readonly listeners = new Set<(event: TargetedEvent) => void>();

  constructor(
    private readonly answer: (call: RecordedCall) => Promise<CallResult<unknown>> = async () => ({ ok: true, value: 'done' }),
  ) {}

  call(name: string, input: unknown, caller: CallerContext): Promise<CallResult<unknown>> {
    const recorded = { name, input, caller };
    this.calls.push(recorded);
    return this.answer(recorded);
  }
  onEvent(listener: (event: TargetedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  clientGone(clientId: string): void {
    this.gone.push(clientId);
  }
  async close(): Promise<void> {
    this.closed = true;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
  emit(clientId: string, event: EventEnvelope): void {
    for (const listener of this.listeners) listener({ clientId, event });
  }
}

export class FakeContents implements ClientContents {
  readonly sent: { channel: string; message: EventEnvelope }[] = [];
  private destroyed = false;
  private readonly onDestroyed: (() => void)[] = [];
  /** Where a message sent to this window goes; the preload test points it at the page. */
  deliver: (channel: string, message: EventEnvelope) => void = () => {};

  constructor(readonly id: number) {}

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, message: EventEnvelope): void {
    this.sent.push({ channel, message });
    this.deliver(channel, message);
  }
  once(_event: 'destroyed', listener: () => void): this {
    this.onDestroyed.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
    for (const listener of this.onDestroyed.splice(0)) listener();
  }
}

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, ...args);
  }
}

export const mainFrame = (url: string): SenderFrame => ({ url, parent: null });
export const subFrame = (url: string, parentUrl = url): SenderFrame => ({ url, parent: mainFrame(parentUrl) });

export function invokeEvent(sender: FakeContents, frame: SenderFrame | null): InvokeEvent {
  return { sender, senderFrame: frame };
}

/** Authenticated, like DPAPI on Windows: a changed byte makes unwrapping throw. */
export function gcmWrapper(secret: Buffer): KeyWrapper {
  return {
    async wrap(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async unwrap(wrapped) {
      const data = Buffer.from(wrapped);
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { plain, stale: false };
    },
  };
}
