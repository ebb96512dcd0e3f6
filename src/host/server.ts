/**
 * The web host: the built renderer and the contract over HTTP, on loopback only. Trainers use it
 * as browser mode; here it is also how the real UI is driven in Chromium. It checks the Host
 * header (DNS rebinding), the Origin of every call (CSRF), the session cookie, the body size,
 * and validates the call against the contract before the core sees it. A scan's bytes come on
 * their own path, as the request's body (never inside JSON), capped before they are read.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreHandle } from '../core/runtime/types';
import type { AppErrorData, CallResult } from '../shared/errors';
import { AppError } from '../shared/errors';
import { MAX_SCAN_BYTES } from '../shared/scans';
import { parseCall } from '../shared/validate';
import { BrowserSessions, COOKIE, cookieValue } from './browserSessions';
import { SECURITY_HEADERS } from './securityHeaders';
import { serveStatic } from './staticFiles';

const MAX_BODY_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 25_000;

export interface HostOptions {
  core: CoreHandle;
  rendererDir: string;
  port?: number;
}

export interface Host {
  origin: string;
  /** A fresh one-time URL that lets one browser in, at a page of the renderer ('/', '/board', '/kiosk'). */
  loginUrl(path?: '/' | '/board' | '/kiosk'): string;
  close(): Promise<void>;
}

// Page-level policies (CSP, framing) mean nothing on a JSON answer; these are the ones that do.
const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function sendJson(res: ServerResponse, status: number, body: CallResult<unknown>): void {
  res.writeHead(status, API_HEADERS);
  res.end(JSON.stringify(body));
}
const refuse = (res: ServerResponse, status: number, error: AppErrorData) => sendJson(res, status, { ok: false, error });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new AppError('PAYLOAD_TOO_LARGE'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('PAYLOAD_TOO_LARGE'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The body as bytes the core can take without a copy: into one buffer of the declared size, or
 * grown as chunks come when none was declared; refused as soon as it passes `max`.
 */
function readBytes(req: IncomingMessage, declared: number | undefined, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let buffer = new Uint8Array(declared ?? 256 * 1024);
    let size = 0;
    let done = false;
    const fail = (err: unknown) => {
      if (done) return;
      done = true;
      req.removeAllListeners('data');
      reject(err);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > max) return fail(new AppError('PAYLOAD_TOO_LARGE'));
      if (size + chunk.length > buffer.length) {
        const grown = new Uint8Array(Math.min(max, Math.max(buffer.length * 2, size + chunk.length)));
        grown.set(buffer.subarray(0, size));
        buffer = grown;
      }
      buffer.set(chunk, size);
      size += chunk.length;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      // A buffer of its own, exactly the body: it can move to the core's thread as it is.
      resolve(size === buffer.length ? buffer : buffer.slice(0, size));
    });
    req.on('aborted', () => fail(new Error('aborted')));
    req.on('error', fail);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  const sessions = new BrowserSessions();
  const streams = new Map<string, Set<ServerResponse>>();
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const unsubscribe = options.core.onEvent(({ clientId, event }) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    const targets = clientId === '*' ? [...streams.values()].flatMap((s) => [...s]) : [...(streams.get(clientId) ?? [])];
    for (const res of targets) res.write(data);
  });

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, clientId: string) {
    // Browsers always send Origin on a POST; a different one is a page elsewhere trying its luck.
    if (!allowedOrigins.has(String(req.headers.origin))) return refuse(res, 403, { code: 'FORBIDDEN_ORIGIN' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, { code: 'VALIDATION', issues: [{ path: '', reason: 'contentType' }] });
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body === '' ? {} : JSON.parse(body);
    } catch (err) {
      if (err instanceof AppError) return refuse(res, 413, err.data);
      return refuse(res, 400, { code: 'VALIDATION', issues: [{ path: '', reason: 'json' }] });
    }
    try {
      parseCall(name, input);
    } catch (err) {
      return refuse(res, (err as AppError).data.code === 'UNKNOWN_CALL' ? 404 : 400, (err as AppError).data);
    }
    sendJson(res, 200, await options.core.call(name, input, { clientId }));
  }

  /**
   * A refusal sent before the body is read: the connection closes after it, so a client never
   * gets to push the rest of a gigabyte it announced, and nothing of it is kept.
   */
  function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, error: AppErrorData) {
    res.setHeader('Connection', 'close');
    refuse(res, status, error);
    // Read (and drop) what is already on its way for a moment, so the answer is not lost to a
    // reset; then close.
    req.on('data', () => {});
    setTimeout(() => req.socket.destroy(), 250).unref();
  }

  /** `POST /api/upload/scans.add?caseId=&documentId=&source=`, the scan's bytes as the body. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, clientId: string) {
    if (!allowedOrigins.has(String(req.headers.origin))) return refuseUnread(req, res, 403, { code: 'FORBIDDEN_ORIGIN' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      return refuseUnread(req, res, 415, { code: 'VALIDATION', issues: [{ path: '', reason: 'contentType' }] });
    }
    const q = url.searchParams;
    const meta = { caseId: Number(q.get('caseId') ?? ''), documentId: q.get('documentId') ?? '', source: q.get('source') ?? '' };
    try {
      // Everything but the bytes is checked before a byte is read.
      parseCall('scans.add', { ...meta, content: new Uint8Array(0) });
    } catch (err) {
      return refuseUnread(req, res, 400, (err as AppError).data);
    }
    const length = req.headers['content-length'];
    const declared = length === undefined ? undefined : Number(length);
    if (declared !== undefined && !(Number.isSafeInteger(declared) && declared >= 0)) {
      return refuseUnread(req, res, 400, { code: 'VALIDATION', issues: [{ path: '', reason: 'contentLength' }] });
    }
    if (declared !== undefined && declared > MAX_SCAN_BYTES) return refuseUnread(req, res, 413, { code: 'PAYLOAD_TOO_LARGE' });
    let content: Uint8Array;
    try {
      content = await readBytes(req, declared, MAX_SCAN_BYTES);
    } catch (err) {
      if (err instanceof AppError) return refuseUnread(req, res, 413, err.data);
      // The browser went away mid-upload: nobody to answer.
      res.destroy();
      return;
    }
    const input = { ...meta, content };
    sendJson(res, 200, await options.core.call('scans.add', input, { clientId }, [content.buffer as ArrayBuffer]));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, clientId: string) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const set = streams.get(clientId) ?? new Set<ServerResponse>();
    set.add(res);
    streams.set(clientId, set);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      set.delete(res);
      if (set.size === 0) streams.delete(clientId);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts.has(String(req.headers.host))) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const token = url.searchParams.get('token');
    if (req.method === 'GET' && token !== null) {
      const sid = sessions.redeem(token);
      if (!sid) {
        res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Сілтеме ескірген немесе бұрын пайдаланылған. Ссылка устарела или уже использована. Ask for a new link.');
        return;
      }
      // The token goes; the rest of the query stays (a board's /board?windows=1,2).
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    const clientId = sessions.clientOf(cookieValue(req.headers.cookie, COOKIE));
    const isApi = url.pathname.startsWith('/api/');
    if (!clientId) {
      if (url.pathname.startsWith('/api/upload/')) return refuseUnread(req, res, 401, { code: 'BROWSER_SESSION_EXPIRED' });
      if (isApi) return refuse(res, 401, { code: 'BROWSER_SESSION_EXPIRED' });
      res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Кіру үшін іске қосу кезінде берілген сілтемені ашыңыз. Откройте ссылку, выданную при запуске. Open the link printed at start-up.');
      return;
    }
    if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
      return handleCall(req, res, decodeURIComponent(url.pathname.slice('/api/call/'.length)), clientId);
    }
    if (url.pathname === '/api/upload/scans.add' && req.method === 'POST') return handleUpload(req, res, url, clientId);
    if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res, clientId);
    if (isApi) return refuse(res, 404, { code: 'UNKNOWN_CALL' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    await serveStatic(options.rendererDir, url.pathname, res, SECURITY_HEADERS);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`host: ${(err as Error)?.stack ?? String(err)}\n`);
      if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the web host is never reachable from the branch network.
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const sweeper = setInterval(() => sessions.expire().forEach((id) => options.core.clientGone(id)), 60_000);
  sweeper.unref();

  return {
    origin,
    loginUrl: (path = '/') => `${origin}${path}?token=${sessions.issueToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        unsubscribe();
        for (const set of streams.values()) for (const res of set) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
