/**
 * NCALayer — НУЦ РК's signing program on the operator's computer — over its WebSocket at
 * wss://127.0.0.1:13579. NCALayer asks the operator for the key container and its password in
 * its own window; the workstation never sees either, only the signed document.
 *
 * The protocol, as NCALayer and its public clients speak it:
 * - on connecting NCALayer greets with `{"result":{"version":"…"}}` (ignored here, as is a
 *   `--heartbeat--` text);
 * - `kz.gov.pki.knca.commonUtils` takes positional args, e.g. signXml
 *   `["PKCS12","SIGNATURE",xml,"",""]`, and answers `{"code":"200","responseObject":…}` or
 *   `{"code":"500","message":"action.canceled"}` when the operator closes the dialog;
 * - `kz.gov.pki.knca.basics` `sign` takes named args and answers `{"status":true,"body":
 *   {"result":[…]}}`; a cancel is `status:true` with no `result` in the body (some builds send
 *   `status:false` with a cancel code instead — both are taken as a cancel);
 * - a module nobody registered answers `{"success":false,"errorCode":"MODULE_NOT_FOUND"}`.
 *
 * NCALayer's certificate for 127.0.0.1 is its own: the client trusts only the CA PEM it is
 * configured with (certificate checks always on). One connection per request.
 */
import { WebSocket } from 'ws';
import { SigningError, type Signer } from './signer';

export const NCALAYER_URL = 'wss://127.0.0.1:13579';
const COMMON_UTILS = 'kz.gov.pki.knca.commonUtils';
const BASICS = 'kz.gov.pki.knca.basics';

export interface NcaLayerOptions {
  /** Default wss://127.0.0.1:13579. */
  url?: string;
  /** PEM of the CA (or the self-signed certificate) NCALayer's TLS certificate chains to. */
  caPem?: string;
  /** Which of NCALayer's APIs to call. Default commonUtils. */
  api?: 'commonUtils' | 'basics';
  /** Key storages offered to the operator. Default PKCS12 (a file on this computer). */
  storage?: string;
  /** Language of NCALayer's dialog for the basics API. */
  locale?: 'kk' | 'ru' | 'en';
  /** How long to wait for NCALayer to accept the connection. Default 3 s. */
  connectTimeoutMs?: number;
  /** How long the operator may take in NCALayer's window. Default 5 min. */
  answerTimeoutMs?: number;
}

interface NcaRequest {
  module: string;
  method: string;
  args: unknown;
}

const NOT_RUNNING = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EADDRNOTAVAIL', 'EPIPE']);

function failed(detail: string): SigningError {
  return new SigningError('NCALAYER_FAILED', detail);
}

function isCancel(text: unknown): boolean {
  return typeof text === 'string' && /cancel/i.test(text);
}

/** The answer of a commonUtils call: its responseObject, or the refusal. */
function commonUtilsResult(answer: Record<string, unknown>): unknown {
  if (answer.code === '200') return answer.responseObject;
  if (isCancel(answer.message)) throw new SigningError('NCALAYER_CANCELLED', String(answer.message));
  throw failed(`${String(answer.code ?? '?')}: ${String(answer.message ?? '')}`);
}

/** The answer of a basics call: body.result (the first of a list), or the refusal. */
function basicsResult(answer: Record<string, unknown>): unknown {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  if (answer.status === true) {
    if (!('result' in body)) throw new SigningError('NCALAYER_CANCELLED', 'empty body');
    return Array.isArray(body.result) ? body.result[0] : body.result;
  }
  if (isCancel(answer.code) || isCancel(answer.message)) throw new SigningError('NCALAYER_CANCELLED', String(answer.code ?? answer.message));
  throw failed(`${String(answer.code ?? '?')}: ${String(answer.message ?? '')}${answer.details ? ` (${String(answer.details)})` : ''}`);
}

export class NcaLayerClient implements Signer {
  readonly #o: Required<Omit<NcaLayerOptions, 'caPem'>> & { caPem: string | undefined };

  constructor(options: NcaLayerOptions = {}) {
    this.#o = {
      url: options.url ?? NCALAYER_URL,
      caPem: options.caPem,
      api: options.api ?? 'commonUtils',
      storage: options.storage ?? 'PKCS12',
      locale: options.locale ?? 'kk',
      connectTimeoutMs: options.connectTimeoutMs ?? 3_000,
      answerTimeoutMs: options.answerTimeoutMs ?? 5 * 60_000,
    };
  }

  async sign(xml: string): Promise<string> {
    const o = this.#o;
    const request: NcaRequest =
      o.api === 'basics'
        ? {
            module: BASICS,
            method: 'sign',
            args: { allowedStorages: [o.storage], format: 'xml', data: xml, signingParams: {}, signerParams: { extKeyUsageOids: [] }, locale: o.locale },
          }
        : { module: COMMON_UTILS, method: 'signXml', args: [o.storage, 'SIGNATURE', xml, '', ''] };
    const result = await this.call(request);
    if (typeof result !== 'string' || !result.includes('Signature')) throw failed('the answer is not a signed XML document');
    return result;
  }

  async signCms(data: Uint8Array, options: { attached?: boolean } = {}): Promise<Uint8Array> {
    const o = this.#o;
    const attached = options.attached ?? false;
    const base64 = Buffer.from(data).toString('base64');
    const request: NcaRequest =
      o.api === 'basics'
        ? {
            module: BASICS,
            method: 'sign',
            args: {
              allowedStorages: [o.storage],
              format: 'cms',
              data: base64,
              signingParams: { decode: true, encapsulate: attached, digested: false },
              signerParams: { extKeyUsageOids: [] },
              locale: o.locale,
            },
          }
        : { module: COMMON_UTILS, method: 'createCAdESFromBase64', args: [o.storage, 'SIGNATURE', base64, attached] };
    const result = await this.call(request);
    if (typeof result !== 'string' || !/^[A-Za-z0-9+/=\s]+$/.test(result)) throw failed('the answer is not a CMS in base64');
    return new Uint8Array(Buffer.from(result, 'base64'));
  }

  /** One request on its own connection: the result, or NCALAYER_NOT_RUNNING/CANCELLED/FAILED. */
  private call(request: NcaRequest): Promise<unknown> {
    const o = this.#o;
    return new Promise((resolve, reject) => {
      let settled = false;
      let opened = false;
      let answerTimer: NodeJS.Timeout | undefined;
      const ws = new WebSocket(o.url, {
        handshakeTimeout: o.connectTimeoutMs,
        ...(o.caPem ? { ca: o.caPem } : {}),
        maxPayload: 16 * 1024 * 1024,
      });
      const finish = (error: SigningError | null, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(answerTimer);
        ws.removeAllListeners('message');
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
        if (error) reject(error);
        else resolve(value);
      };

      ws.on('error', (e: NodeJS.ErrnoException) => {
        if (opened) return finish(failed(`connection: ${e.message}`));
        if ((e.code && NOT_RUNNING.has(e.code)) || /handshake has timed out/i.test(e.message)) {
          return finish(new SigningError('NCALAYER_NOT_RUNNING', e.code ?? e.message));
        }
        // Something answers but is not the NCALayer this workstation trusts (TLS), or not a WebSocket.
        finish(failed(`${e.code ?? 'connect'}: ${e.message}`));
      });
      ws.on('unexpected-response', (_req, res) => finish(failed(`HTTP ${res.statusCode}`)));
      ws.on('open', () => {
        opened = true;
        answerTimer = setTimeout(() => finish(failed('no answer in time')), o.answerTimeoutMs);
        ws.send(JSON.stringify(request));
      });
      ws.on('close', () => finish(failed(opened ? 'NCALayer closed the connection' : 'closed before connecting')));
      ws.on('message', (raw, isBinary) => {
        if (isBinary) return finish(failed('binary answer'));
        const text = raw.toString();
        if (text === '--heartbeat--') return;
        let answer: unknown;
        try {
          answer = JSON.parse(text);
        } catch {
          return finish(failed('the answer is not JSON'));
        }
        if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return finish(failed('the answer is not an object'));
        const a = answer as Record<string, unknown>;
        // The greeting on connecting: {"result":{"version":"…"}}.
        if (!('code' in a) && !('status' in a) && typeof a.result === 'object' && a.result !== null && 'version' in a.result) return;
        if (a.success === false) return finish(failed(String(a.errorCode ?? 'error')));
        try {
          finish(null, request.module === BASICS ? basicsResult(a) : commonUtilsResult(a));
        } catch (e) {
          finish(e instanceof SigningError ? e : failed(String(e)));
        }
      });
    });
  }
}
