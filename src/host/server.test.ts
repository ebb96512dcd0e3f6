import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../test/support/startTestCore';
import { tempDir } from '../../test/support/tempDir';
import { ADMIN } from '../../test/support/workstation';
import { makeIin } from '../../test/support/iins';
import { MAX_SCAN_BYTES } from '../shared/scans';
import type { CoreHandle } from '../core/runtime/types';
import { startHost, type Host } from './server';

let dir: ReturnType<typeof tempDir>;
let core: CoreHandle;
let host: Host;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, host.origin);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function signIn(): Promise<string> {
  const res = await send(new URL(host.loginUrl()).pathname + new URL(host.loginUrl()).search);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

const callWith = (cookie: string, name: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/call/${name}`, {
    method: 'POST',
    headers: { cookie, origin: host.origin, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeEach(async () => {
  dir = tempDir();
  const renderer = join(dir.path, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>АЖО</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'secret.txt'), 'do not serve');
  core = await startTestCore(join(dir.path, 'data'));
  host = await startHost({ core, rendererDir: renderer });
});
afterEach(async () => {
  await host.close();
  await core.close();
  dir.remove();
});

describe('web host: who may come in', () => {
  it('listens on loopback only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('trades a one-time token for an HttpOnly SameSite=Strict cookie, once', async () => {
    const url = new URL(host.loginUrl());
    const first = await send(url.pathname + url.search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(/^azho_sid=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const second = await send(url.pathname + url.search);
    expect(second.status).toBe(403);
    expect(second.headers['set-cookie']).toBeUndefined();
  });

  it('lets a link open the board or the kiosk page', async () => {
    const board = new URL(host.loginUrl('/board'));
    const res = await send(board.pathname + board.search);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/board');
  });

  it('keeps the rest of the link: a board set to some windows stays set', async () => {
    const board = new URL(host.loginUrl('/board'));
    const res = await send(`${board.pathname}${board.search}&windows=1,2`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/board?windows=1%2C2');
  });

  it('serves nothing, not even the page, without the cookie', async () => {
    expect((await send('/')).status).toBe(401);
    const res = await send('/api/call/app.status', { method: 'POST', headers: { origin: host.origin, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'BROWSER_SESSION_EXPIRED' } });
  });

  it('refuses another Host header (DNS rebinding) and another Origin (a page elsewhere)', async () => {
    const cookie = await signIn();
    expect((await send('/', { headers: { cookie, host: 'evil.example:80' } })).status).toBe(421);
    const res = await callWith(cookie, 'app.status', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN_ORIGIN');
  });

  it('sends the strict content security policy with the page and never serves files outside the renderer', async () => {
    const cookie = await signIn();
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('АЖО');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await send('/assets/app.js', { headers: { cookie } })).headers['content-type']).toContain('javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00.js']) {
      const res = await send(path, { headers: { cookie } });
      expect(res.body).not.toContain('do not serve');
    }
  });
});

describe('web host: the contract over HTTP', () => {
  it('runs a call and returns its envelope', async () => {
    const cookie = await signIn();
    const res = await callWith(cookie, 'app.status', {});
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { ready: true, firstRun: true } });
  });

  it('answers bad input with typed errors and never reaches the core', async () => {
    const cookie = await signIn();
    expect(JSON.parse((await callWith(cookie, 'no.such', {})).body)).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect((await callWith(cookie, 'auth.login', '{not json')).status).toBe(400);
    const wrongType = await callWith(cookie, 'app.status', {}, { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const huge = await callWith(cookie, 'auth.login', { login: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    const invalid = JSON.parse((await callWith(cookie, 'setup.createAdmin', { ...ADMIN, iin: '000000000000' })).body);
    expect(invalid.error).toEqual({ code: 'VALIDATION', issues: [{ path: 'iin', reason: 'iin.century' }] });
    expect(JSON.parse((await callWith(cookie, 'app.status', {})).body).value.firstRun).toBe(true);
  });

  it('keeps each browser session apart: an operator logged in here is not logged in there', async () => {
    const a = await signIn();
    const b = await signIn();
    expect(JSON.parse((await callWith(a, 'setup.createAdmin', ADMIN)).body).ok).toBe(true);
    expect(JSON.parse((await callWith(a, 'auth.session', {})).body).value.operator.login).toBe('admin');
    expect(JSON.parse((await callWith(b, 'auth.session', {})).body).value).toBeNull();
  });

  it('pushes events to the browser session they belong to over Server-Sent Events', async () => {
    const cookie = await signIn();
    await callWith(cookie, 'setup.createAdmin', ADMIN);
    const received = new Promise<string>((resolve, reject) => {
      const req = request(new URL('/api/events', host.origin), { headers: { cookie } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('session.locked')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', (err) => (err.message.includes('aborted') || err.message.includes('socket hang up') ? undefined : reject(err)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    await callWith(cookie, 'auth.lock', {});
    const text = await received;
    expect(text).toContain('data: {"name":"session.locked","payload":{"reason":"manual"}}');
  });
});

describe('web host: a scan uploaded as bytes', () => {
  const OPERATOR = { login: 'operator1', fullName: 'Нұрлан Әбілұлы Сейітов', iin: makeIin('880512', '3', 77), password: 'Операторға-уақытша-1' };
  const json = (r: Reply) => JSON.parse(r.body) as { ok: boolean; value?: any; error?: any };

  /** An operator logged in at a browser of their own, with a case open at the hand-over. */
  async function counter(): Promise<{ cookie: string; caseId: number }> {
    const admin = await signIn();
    await callWith(admin, 'setup.createAdmin', ADMIN);
    await callWith(admin, 'operators.create', { ...OPERATOR, role: 'operator' });
    const cookie = await signIn();
    await callWith(cookie, 'auth.login', { login: OPERATOR.login, password: OPERATOR.password });
    await callWith(cookie, 'auth.changePassword', { current: OPERATOR.password, next: 'Оператор-құпиясөзі-2026' });
    const started = json(await callWith(cookie, 'cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }));
    const v = json(await callWith(cookie, 'cases.handOver', { caseId: started.value.id, version: started.value.version, documents: ['application', 'applicantIdentity'] }));
    return { cookie, caseId: v.value.id };
  }

  const page = () => sharp({ create: { width: 300, height: 420, channels: 3, background: '#f0f0f0' } }).jpeg().toBuffer();

  const upload = (query: string, body: Buffer, headers: Record<string, string>) =>
    send(`/api/upload/scans.add?${query}`, { method: 'POST', headers: { origin: host.origin, 'content-type': 'application/octet-stream', ...headers }, body: body as unknown as string });

  /** Announces `declared` bytes (or none: chunked) and pushes a megabyte at a time until the host answers. */
  function push(cookie: string, query: string, declared: number | undefined, total: number): Promise<{ status: number; body: string; written: number }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { cookie, origin: host.origin, 'content-type': 'application/octet-stream' };
      if (declared !== undefined) headers['content-length'] = String(declared);
      let written = 0;
      let answered = false;
      const req = request(new URL(`/api/upload/scans.add?${query}`, host.origin), { method: 'POST', headers }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), written });
          req.destroy();
        });
      });
      // Past the limit the host answers and then closes: a client still pushing may see the close
      // (EPIPE, reset) before it reads the answer. That is the cut-off too, reported as status 0.
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (answered) return;
        if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: 0, body: '', written });
        else reject(err);
      });
      const chunk = Buffer.alloc(1024 * 1024, 0x5a);
      const pump = () => {
        while (!answered && written < total) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it('takes the bytes as the body, and the core keeps the scan', async () => {
    const { cookie, caseId } = await counter();
    const bytes = await page();
    const res = await upload(`caseId=${caseId}&documentId=applicantIdentity&source=file`, bytes, { cookie });
    expect(res.status).toBe(200);
    expect(json(res).value).toMatchObject({ caseId, documentId: 'applicantIdentity', type: 'jpeg', size: bytes.length, source: 'file' });
    const list = json(await callWith(cookie, 'scans.list', { caseId }));
    expect(list.value.scans).toHaveLength(1);
    // Refused by its content, in the same envelope as any call.
    const archive = await upload(`caseId=${caseId}&documentId=application&source=file`, Buffer.from('PK\x03\x04 a zip called scan.pdf', 'latin1'), { cookie });
    expect(json(archive).error).toEqual({ code: 'VALIDATION', issues: [{ path: 'content', reason: 'scan.archive' }] });
  });

  it('lets in only this browser session, from this origin, with bytes, for a well-formed target', async () => {
    const { cookie, caseId } = await counter();
    const bytes = await page();
    const query = `caseId=${caseId}&documentId=applicantIdentity&source=file`;
    const noCookie = await upload(query, bytes, {});
    expect([noCookie.status, json(noCookie).error.code]).toEqual([401, 'BROWSER_SESSION_EXPIRED']);
    const elsewhere = await upload(query, bytes, { cookie, origin: 'http://evil.example' });
    expect([elsewhere.status, json(elsewhere).error.code]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    expect((await upload(query, bytes, { cookie, 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload(query, bytes, { cookie, host: 'evil.example:80' })).status).toBe(421);
    const badTarget = await upload(`caseId=x&documentId=applicantIdentity&source=fax`, bytes, { cookie });
    expect(badTarget.status).toBe(400);
    expect(json(badTarget).error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['caseId', 'source']);
    // Only POST, only this call.
    expect((await send(`/api/upload/scans.add?${query}`, { headers: { cookie } })).status).toBe(404);
    expect((await upload(query, bytes, { cookie }).then(() => send(`/api/upload/auth.login?${query}`, { method: 'POST', headers: { cookie, origin: host.origin, 'content-type': 'application/octet-stream' }, body: 'x' }))).status).toBe(404);
    expect(json(await callWith(cookie, 'scans.list', { caseId })).value.scans).toHaveLength(1);
  });

  it('refuses a gigabyte announced, before reading it, and cuts off a body that grows past 50 MB', async () => {
    const { cookie, caseId } = await counter();
    const query = `caseId=${caseId}&documentId=applicantIdentity&source=file`;
    const gigabyte = await push(cookie, query, 1024 ** 3, 1024 ** 3);
    expect(gigabyte.status).toBe(413);
    expect(JSON.parse(gigabyte.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    // The answer came while the client had sent a small part of it.
    expect(gigabyte.written).toBeLessThan(32 * 1024 * 1024);
    const chunked = await push(cookie, query, undefined, MAX_SCAN_BYTES + 8 * 1024 * 1024);
    expect([413, 0]).toContain(chunked.status);
    expect(chunked.written).toBeLessThan(MAX_SCAN_BYTES + 8 * 1024 * 1024 + 1);
    expect(json(await callWith(cookie, 'scans.list', { caseId })).value.scans).toEqual([]);
  });
});
