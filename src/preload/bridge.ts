/**
 * What the preload gives the page, built over anything shaped like ipcRenderer so that it is
 * tested against the main side's bridge without Electron. Only two functions cross into the
 * page; ipcRenderer itself never does.
 */
import type { Bridge } from '../shared/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipcChannels';


type MessageListener = (event: unknown, message: unknown) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: MessageListener): unknown;
  removeListener(channel: string, listener: MessageListener): unknown;
}

function isEventMessage(message: unknown): message is { name: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { name?: unknown }).name === 'string';
}

export function createBridge(ipc: IpcRendererLike): Bridge {
  return {
    // The main side never throws, but ipcRenderer.invoke still rejects if the channel is gone
    // (the shell is quitting); the page keeps one error path, the envelope.
    invoke: (name, input) =>
      ipc.invoke(INVOKE_CHANNEL, name, input).catch(() => ({ ok: false, error: { code: 'INTERNAL' } })),
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
