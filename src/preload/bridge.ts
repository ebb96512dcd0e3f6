/**
 * What the preload gives the page, built over anything shaped like ipcRenderer so that it is
 * tested against the main side's bridge without Electron. Only four functions cross into the
 * page; ipcRenderer itself never does.
 */
import type { UploadBridge } from '../shared/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL, PRINT_CHANNEL } from '../shared/ipcChannels';


type MessageListener = (event: unknown, message: unknown) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: MessageListener): unknown;
  removeListener(channel: string, listener: MessageListener): unknown;
}

function isEventMessage(message: unknown): message is { name: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { name?: unknown }).name === 'string';
}

const GONE = { ok: false, error: { code: 'INTERNAL' } };

export function createBridge(ipc: IpcRendererLike): UploadBridge {
  return {
    // The main side never throws, but ipcRenderer.invoke still rejects if the channel is gone
    // (the shell is quitting); the page keeps one error path, the envelope.
    invoke: (name, input) => ipc.invoke(INVOKE_CHANNEL, name, input).catch(() => GONE),
    // The bytes cross as a Uint8Array (structured clone), as scans.add's schema expects them.
    upload: (caseId, documentId, source, bytes) =>
      ipc.invoke(INVOKE_CHANNEL, 'scans.add', { caseId, documentId, source, content: bytes }).catch(() => GONE),
    // The shell asks the core for the PDF itself: the page never hands it bytes to load.
    print: (name, input) => ipc.invoke(PRINT_CHANNEL, name, input).catch(() => GONE),
    on(event, listener) {
      const onMessage: MessageListener = (_event, message) => {
        if (isEventMessage(message) && message.name === event) listener(message.payload);
      };
      ipc.on(EVENT_CHANNEL, onMessage);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, onMessage);
      };
    },
  };
}
