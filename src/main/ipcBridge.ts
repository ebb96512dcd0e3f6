/**
 * The one IPC channel between the renderer and the core. Every call is checked in the order VS
 * Code's ipcMain wrapper uses (src/vs/base/parts/ipc/electron-main/ipcMain.ts): the sender is
 * our page's main frame, then the call is validated against the contract, and only then does
 * the core see it. Nothing here throws across IPC: every outcome is a CallResult envelope.
 *
 * It does not import Electron: it reads only the few fields below, which Electron's ipcMain and
 * invoke events have, so it runs under vitest with fake events.
 */
import type { CoreHandle } from '../core/runtime/types';
import type { EventEnvelope } from '../shared/contract';
import { AppError, type AppErrorData, type CallResult } from '../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipcChannels';
import { parseCall } from '../shared/validate';
import { transferableContent } from '../core/runtime/transfer';
import { originOf } from './security';


/** The window side of a call: what the bridge reads of Electron's WebContents. */
export interface ClientContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, message: EventEnvelope): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** What the bridge reads of Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  readonly sender: ClientContents;
  readonly senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  core: CoreHandle;
  isTrustedSender(event: InvokeEvent): boolean;
  log?: (line: string) => void;
}

const failure = (error: AppErrorData): CallResult<never> => ({ ok: false, error });

export const clientIdOf = (contents: Pick<ClientContents, 'id'>): string => `win-${contents.id}`;

/**
 * Only our own page, and only its top frame: an iframe or a page that got navigated elsewhere
 * must not reach the operator's session even if it somehow ran with our preload.
 */
export function trustedSenderCheck(trusted: readonly string[]): (event: InvokeEvent) => boolean {
  return (event) => {
    let frame: SenderFrame | null;
    try {
      // Electron may throw here when the frame is already gone.
      frame = event.senderFrame;
    } catch {
      return false;
    }
    if (!frame || frame.parent !== null) return false;
    const origin = originOf(frame.url);
    return origin !== null && trusted.includes(origin);
  };
}

function describeSender(event: InvokeEvent): string {
  try {
    const frame = event.senderFrame;
    if (!frame) return 'no frame';
    return `${frame.parent === null ? 'main frame' : 'subframe'} of ${originOf(frame.url) ?? 'an unparsable origin'}`;
  } catch {
    return 'a frame that is gone';
  }
}

/** Registers the handler and the event routing; the returned function undoes both. */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain, core, isTrustedSender, log = console.warn } = options;
  const clients = new Map<string, ClientContents>();

  // The core learns of a window at its first call, so that is when the bridge starts to follow it.
  function follow(contents: ClientContents): string {
    const clientId = clientIdOf(contents);
    if (!clients.has(clientId)) {
      clients.set(clientId, contents);
      contents.once('destroyed', () => {
        clients.delete(clientId);
        core.clientGone(clientId);
      });
    }
    return clientId;
  }

  async function onInvoke(event: InvokeEvent, name: unknown, input: unknown): Promise<CallResult<unknown>> {
    if (!isTrustedSender(event)) {
      // The origin and frame kind only: never the call's input, which may hold personal data.
      log(`[ipc] refused a call from ${describeSender(event)} (webContents ${event.sender.id})`);
      return failure({ code: 'FORBIDDEN_ORIGIN' });
    }
    let callName: string;
    try {
      callName = parseCall(name, input).name;
    } catch (error) {
      return failure(error instanceof AppError ? error.data : { code: 'INTERNAL' });
    }
    const clientId = follow(event.sender);
    try {
      // The core validates again on its side of the thread; it gets the input as it came, in
      // the wire shape its schemas expect, not the transformed output of our parse. A scan's
      // bytes (a Uint8Array IPC made for this call) move to the core's thread without a copy.
      return await core.call(callName, input, { clientId }, transferableContent(input));
    } catch (error) {
      log(`[ipc] the core failed on ${callName}: ${error instanceof Error ? error.name : typeof error}`);
      return failure({ code: 'INTERNAL' });
    }
  }

  ipcMain.handle(INVOKE_CHANNEL, (event, name, input) => onInvoke(event, name, input));

  const unsubscribe = core.onEvent(({ clientId, event }) => {
    const targets = clientId === '*' ? [...clients.values()] : [clients.get(clientId)];
    const message: EventEnvelope = { name: event.name, payload: event.payload };
    for (const contents of targets) {
      if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
    }
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
    clients.clear();
  };
}
