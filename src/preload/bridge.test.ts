/**
 * The preload's bridge against the main side's, over an in-memory IPC: proves the two agree
 * on channels and message shapes without an Electron binary.
 */
import { describe, expect, it } from 'vitest';
import { registerIpcBridge, trustedSenderCheck } from '../main/ipcBridge';
import { APP_ORIGIN } from '../main/security';
import { FakeContents, FakeCore, FakeIpcMain, invokeEvent, mainFrame } from '../main/testFakes';
import { createBridge, type IpcRendererLike } from './bridge';

type Listener = (event: unknown, message: unknown) => void;

function connect(core = new FakeCore()) {
  const ipcMain = new FakeIpcMain();
  registerIpcBridge({ ipcMain, core, isTrustedSender: trustedSenderCheck([APP_ORIGIN]), log: () => {} });
  const contents = new FakeContents(1);
  const listeners = new Map<string, Set<Listener>>();
  contents.deliver = (channel, message) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, structuredClone(message));
  };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) =>
      structuredClone(await ipcMain.invoke(channel, invokeEvent(contents, mainFrame(`${APP_ORIGIN}/index.html`)), ...structuredClone(args))),
    on(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  return { core, ipcMain, bridge: createBridge(ipcRenderer), listeners };
}

describe('window.azho', () => {
  it('invoke reaches the core and resolves to its envelope', async () => {
    const core = new FakeCore(async () => ({ ok: true, value: { firstRun: true } }));
    const { bridge } = connect(core);

    expect(await bridge.invoke('app.status', {})).toEqual({ ok: true, value: { firstRun: true } });
    expect(core.calls.map((call) => [call.name, call.caller.clientId])).toEqual([['app.status', 'win-1']]);
  });

  it('invoke resolves to an INTERNAL envelope when the main side is gone', async () => {
    const { bridge, ipcMain } = connect();
    ipcMain.handlers.clear();
    expect(await bridge.invoke('app.status', {})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('on delivers only its own event, with the payload alone, until unsubscribed', async () => {
    const { core, bridge, listeners } = connect();
    await bridge.invoke('app.status', {});
    const locked: unknown[] = [];
    const ended: unknown[] = [];
    const stopLocked = bridge.on('session.locked', (payload) => locked.push(payload));
    bridge.on('session.ended', (payload) => ended.push(payload));

    core.emit('win-1', { name: 'session.locked', payload: { reason: 'idle' } });
    stopLocked();
    core.emit('win-1', { name: 'session.locked', payload: { reason: 'manual' } });
    core.emit('*', { name: 'session.ended', payload: { reason: 'logout' } });

    expect(locked).toEqual([{ reason: 'idle' }]);
    expect(ended).toEqual([{ reason: 'logout' }]);
    expect([...(listeners.values())].reduce((n, set) => n + set.size, 0)).toBe(1);
  });
});

describe('window.azho.upload', () => {
  it('carries a scan\'s bytes to scans.add as a Uint8Array, through the main side\'s checks, moved to the core', async () => {
    class Recording extends FakeCore {
      transfers: (readonly ArrayBuffer[] | undefined)[] = [];
      override call(name: string, input: unknown, caller: { clientId: string }, transfer?: readonly ArrayBuffer[]) {
        this.transfers.push(transfer);
        return super.call(name, input, caller);
      }
    }
    const core = new Recording(async () => ({ ok: true, value: { id: 1 } }));
    const { bridge } = connect(core);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);

    expect(await bridge.upload(5, 'applicantIdentity', 'file', bytes)).toEqual({ ok: true, value: { id: 1 } });
    const [call] = core.calls;
    expect(call?.name).toBe('scans.add');
    const input = call?.input as { caseId: number; documentId: string; source: string; content: Uint8Array };
    expect(input.content).toBeInstanceOf(Uint8Array);
    expect([...input.content]).toEqual([...bytes]);
    expect(input).toMatchObject({ caseId: 5, documentId: 'applicantIdentity', source: 'file' });
    // The IPC's own copy of the bytes is handed over to the core's thread, not copied again.
    expect(core.transfers[0]).toEqual([input.content.buffer]);
  });

  it('is refused before the core when the target is malformed', async () => {
    const core = new FakeCore();
    const { bridge } = connect(core);
    const answer = await bridge.upload(0, '', 'fax' as never, new Uint8Array(1));
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(core.calls).toEqual([]);
  });
});
