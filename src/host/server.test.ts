import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../test/support/startTestCore';
import { tempDir } from '../../test/support/tempDir';
import { ADMIN } from '../../test/support/workstation';
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
