/**
 * The two ways a call reaches the core, as a page would use them: the web host over real HTTP
 * with a browser session's cookie, and the Electron IPC bridge with a window's invoke event.
 * Each answers with what came back — the HTTP status and body, or the bridge's value — and
 * `thrown` when the path itself failed (a reset socket, a rejected invoke).
 */
import { Agent, request } from 'node:http';
import type { CoreHandle } from '../../src/core/runtime/types';
import type { Host } from '../../src/host/server';
import { INVOKE_CHANNEL } from '../../src/shared/ipcChannels';
import { registerIpcBridge, trustedSenderCheck } from '../../src/main/ipcBridge';
import { APP_ORIGIN } from '../../src/main/security';
import { FakeContents, FakeIpcMain, invokeEvent, mainFrame } from '../../src/main/testFakes';

export interface Answer {
  status?: number;
  body?: unknown;
  thrown?: string;
}

export type CallPath = (name: string, text: string, input: unknown) => Promise<Answer>;

/** A browser session of the web host: redeems a one-time link for its cookie. */
export async function browser(host: Host): Promise<CallPath> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const send = (path: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request(new URL(path, host.origin), { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const link = new URL(host.loginUrl());
  const cookie = String((await send(link.pathname + link.search, 'GET', {})).headers['set-cookie']).split(';')[0]!;
  return async (name, text) => {
    try {
      const res = await send(`/api/call/${encodeURIComponent(name)}`, 'POST', { cookie, origin: host.origin, 'content-type': 'application/json' }, text);
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        body = res.body.slice(0, 200);
      }
      return { status: res.status, body };
    } catch (err) {
      return { thrown: (err as Error).message };
    }
  };
}

/** The desktop shell's bridge over the same core; each `window(id)` is one trusted window. */
export function ipcBridge(core: CoreHandle): { window(id: number): CallPath; dispose(): void } {
  const ipcMain = new FakeIpcMain();
  const dispose = registerIpcBridge({ ipcMain, core, isTrustedSender: trustedSenderCheck([APP_ORIGIN]), log: () => {} });
  return {
    window(id) {
      const event = invokeEvent(new FakeContents(id), mainFrame(`${APP_ORIGIN}/index.html`));
      return async (name, _text, input) => {
        try {
          return { body: await ipcMain.invoke(INVOKE_CHANNEL, event, name, input) };
        } catch (err) {
          return { thrown: (err as Error).message };
        }
      };
    },
    dispose,
  };
}
