import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppFile } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './security';

describe('resolveAppFile', () => {
  const root = join(tmpdir(), 'renderer');

  it('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://azho/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://azho/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://azho/assets/%D2%9B%D0%B0%D1%80%D1%96%D0%BF.woff2')).toBe(
      join(root, 'assets', 'қаріп.woff2'),
    );
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://azho/..%2f..%2fetc%2fpasswd',
      'app://azho/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://azho/assets/..%2f..%2f..%2fsecret.txt',
      'app://azho/..%5c..%5csecret.txt',
      'app://azho/index.html%00.png',
      'app://azho/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('refuses other hosts and other schemes', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///index.html')).toBeNull();
    expect(resolveAppFile(root, 'nonsense')).toBeNull();
  });

  it('serves the one page for a path without a file extension: the board, the kiosk, the root', () => {
    for (const url of ['app://azho/', 'app://azho/board', 'app://azho/kiosk?x=1']) {
      expect(resolveAppFile(root, url), url).toBe(join(root, 'index.html'));
    }
  });
});

describe('serveAppFile', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'azho-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>АЖО</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'master key');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves a file with its type and the CSP', async () => {
    const response = await serveAppFile(root, { url: 'app://azho/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('АЖО');

    const script = await serveAppFile(root, { url: 'app://azho/assets/app.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['app://azho/..%2fsecret.txt', 'app://azho/../secret.txt', 'app://azho/%2e%2e/secret.txt']) {
      const response = await serveAppFile(root, { url, method: 'GET' });
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('master key');
    }
  });

  it('answers 404 for missing files and folders, 405 for anything but reading', async () => {
    expect((await serveAppFile(root, { url: 'app://azho/missing.js', method: 'GET' })).status).toBe(404);
    expect((await serveAppFile(root, { url: 'app://azho/assets', method: 'GET' })).status).toBe(404);
    expect((await serveAppFile(root, { url: 'app://azho/index.html', method: 'POST' })).status).toBe(405);
  });
});
