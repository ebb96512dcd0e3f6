/**
 * An NCALayer stand-in for training and tests: a WebSocket server over TLS on loopback that
 * speaks NCALayer's messages (the greeting, commonUtils signXml / createCAdESFromBase64 /
 * getActiveTokens, basics sign) and signs with the signer it is given (the workstation's own
 * PKCS#12 signer over a training key) — where the real NCALayer would ask the operator for the key.
 *
 * Its TLS certificate comes from a CA made at start (src/simulator/tls.ts); the client trusts it
 * through `caPem`, exactly as it trusts the real NCALayer's certificate. Modes make it answer as
 * NCALayer does when things go wrong: the operator cancels, types a wrong password, or it
 * answers garbage, closes the connection, or never answers.
 *
 * From the command line: scripts/ncalayer-stand-in.ts.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { makeSimulatorTls } from './tls';

export const STAND_IN_MODES = ['sign', 'cancel', 'wrongPassword', 'garbage', 'close', 'silent'] as const;
export type StandInMode = (typeof STAND_IN_MODES)[number];

/** The signing the stand-in does on NCALayer's behalf (a PKCS#12 signer fits). */
export interface StandInSigner {
  sign(xml: string): Promise<string>;
  signCms(data: Uint8Array, options?: { attached?: boolean }): Promise<Uint8Array>;
}

export interface NcaLayerStandInOptions {
  /** What signs: NCALayer's part of asking for the key and signing with it. */
  signer: StandInSigner;
  mode?: StandInMode;
  /** Default 13579, NCALayer's port; 0 for any free one. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
}

export interface NcaLayerStandIn {
  url: string;
  /** The CA the stand-in's TLS certificate chains to: give it to the client as NCALayer's CA. */
  caPem: string;
  mode: StandInMode;
  /** The requests received, oldest first (for tests and the trainer). */
  readonly requests: { module: string; method: string; args: unknown }[];
  close(): Promise<void>;
}

const COMMON_UTILS = 'kz.gov.pki.knca.commonUtils';
const BASICS = 'kz.gov.pki.knca.basics';
/** What the stand-in says when the key's password is wrong (the real NCALayer asks again in its window). */
export const WRONG_PASSWORD_MESSAGE = 'password.incorrect';

type Answer = Record<string, unknown>;

const common = (responseObject: unknown): Answer => ({ code: '200', message: '', responseObject });
const commonError = (message: string): Answer => ({ code: '500', message });
const basics = (result: unknown): Answer => ({ status: true, body: { result } });
const basicsError = (code: string, message: string): Answer => ({ status: false, code, message, details: '' });

function asList(data: unknown): string[] | null {
  if (typeof data === 'string') return [data];
  if (Array.isArray(data) && data.every((d) => typeof d === 'string')) return data as string[];
  return null;
}

export async function startNcaLayerStandIn(options: NcaLayerStandInOptions): Promise<NcaLayerStandIn> {
  const tls = await makeSimulatorTls();
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem });
  const wss = new WebSocketServer({ server, maxPayload: 16 * 1024 * 1024 });
  const { signer } = options;
  const requests: NcaLayerStandIn['requests'] = [];

  const state: NcaLayerStandIn = {
    url: '',
    caPem: tls.caPem,
    mode: options.mode ?? 'sign',
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  };

  /** Signs as asked, or answers as NCALayer does when the operator cancels or the password is wrong. */
  async function answer(module: string, method: string, args: unknown): Promise<Answer> {
    const mode = state.mode;
    const isBasics = module === BASICS;
    if (mode === 'cancel') return isBasics ? { status: true, body: {} } : commonError('action.canceled');
    if (mode === 'wrongPassword') return isBasics ? basicsError('SIGNING_FAILURE', WRONG_PASSWORD_MESSAGE) : commonError(WRONG_PASSWORD_MESSAGE);

    try {
      if (module === COMMON_UTILS && Array.isArray(args)) {
        if (method === 'getActiveTokens') return common([]);
        if (method === 'signXml' && typeof args[2] === 'string') return common(await signer.sign(args[2]));
        if (method === 'createCAdESFromBase64' && typeof args[2] === 'string') {
          const cms = await signer.signCms(Buffer.from(args[2], 'base64'), { attached: args[3] === true });
          return common(Buffer.from(cms).toString('base64'));
        }
        return commonError(`method ${method} is not supported by the stand-in`);
      }
      if (isBasics && method === 'sign' && typeof args === 'object' && args !== null) {
        const a = args as { format?: unknown; data?: unknown; signingParams?: { decode?: unknown; encapsulate?: unknown } };
        const items = asList(a.data);
        if (!items) return basicsError('INVALID_SIGNING_PARAMS', 'data');
        if (a.format === 'xml') return basics(await Promise.all(items.map((x) => signer.sign(x))));
        if (a.format === 'cms') {
          const decode = a.signingParams?.decode === true || a.signingParams?.decode === 'true';
          const attached = a.signingParams?.encapsulate === true || a.signingParams?.encapsulate === 'true';
          const signed = await Promise.all(
            items.map(async (d) => Buffer.from(await signer.signCms(decode ? Buffer.from(d, 'base64') : Buffer.from(d, 'utf8'), { attached })).toString('base64')),
          );
          return basics(signed);
        }
        return basicsError('INVALID_SIGNING_PARAMS', 'format');
      }
    } catch (e) {
      const code = (e as { data?: { code?: string } }).data?.code;
      const message = code === 'KEY_PASSWORD_WRONG' ? WRONG_PASSWORD_MESSAGE : String(code ?? e);
      return isBasics ? basicsError('SIGNING_FAILURE', message) : commonError(message);
    }
    if (isBasics) return basicsError('INVOCATION_ERROR', `method ${method}`);
    return { success: false, errorCode: 'MODULE_NOT_FOUND' };
  }

  wss.on('connection', (ws: WebSocket) => {
    ws.send(JSON.stringify({ result: { version: '1.4 (AZhO stand-in)' } }));
    ws.on('message', async (raw) => {
      let request: { module?: unknown; method?: unknown; args?: unknown };
      try {
        request = JSON.parse(raw.toString());
      } catch {
        return;
      }
      const module = typeof request.module === 'string' ? request.module : 'kz.gov.pki.knca.applet.Applet';
      const method = typeof request.method === 'string' ? request.method : '';
      requests.push({ module, method, args: request.args });
      switch (state.mode) {
        case 'close':
          return ws.close(1011, 'stand-in closes');
        case 'garbage':
          return ws.send('<html>this is not NCALayer</html>');
        case 'silent':
          return;
        default:
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(await answer(module, method, request.args)));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 13579, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.url = `wss://127.0.0.1:${port}`;
  return state;
}
