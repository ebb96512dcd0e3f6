/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security, its
 * 20 recommendations) checked against the BUILT shell, not a copy of its settings: out/main/index.js
 * is imported whole with a recording `electron` module in its place, and it starts for real (a
 * real core worker on a real SQLite file in a temporary folder). Every recorded handler is then
 * replayed with hostile input. The fuses are checked on electron-builder.yml through
 * electron-builder's own translation into @electron/fuses' wire config.
 * Needs `npm run build` first (as `npm test` does).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/contentSecurityPolicy';
import { ElectronRecorder } from './electronRecorder';

const rec = vi.hoisted(() => ({ current: null as ElectronRecorder | null }));
vi.mock('electron', async () => {
  const { ElectronRecorder: Recorder } = await import('./electronRecorder');
  rec.current = new Recorder();
  return rec.current.module();
});

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');
const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');
const require = createRequire(import.meta.url);

const line = (item: string, detail: string) => console.log(`checklist ${item}: ${detail}`);
let electron: ElectronRecorder;
let userData: string;

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (electron.errorBoxes.length > 0) throw new Error(`the shell refused to start: ${electron.errorBoxes.join(' | ')}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  if (!existsSync(MAIN_BUNDLE) || !existsSync(PRELOAD_BUNDLE)) throw new Error('run `npm run build` first: out/main and out/preload are missing');
  userData = mkdtempSync(join(tmpdir(), 'azho-checklist-'));
  process.env.AZHO_TEST_USER_DATA = userData;
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.AZHO_DATA_DIR;
  delete process.env.AZHO_TRAINING;
  await import(/* @vite-ignore */ pathToFileURL(MAIN_BUNDLE).href);
  electron = rec.current!;
  // The main window, then the board on the second monitor: the shell has started completely.
  await until(() => electron.windows.length === 2, 'both windows');
}, 30_000);

afterAll(async () => {
  // The shell's own quit path: before-quit waits for the core to close, then quits again.
  const event = { preventDefault: () => undefined };
  for (const handler of electron?.appEvents.get('before-quit') ?? []) handler(event);
  if (electron) await until(() => electron.quitCalls > 0, 'the core to close');
  rmSync(userData, { recursive: true, force: true });
});

function prefsOfEveryWindow(): Electron.WebPreferences[] {
  return electron.windows.map((w) => w.options.webPreferences ?? {});
}

/** What a web contents gets from the shell at 'web-contents-created'. */
function hardenedContents() {
  const on = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: (event: string, handler: (event: { preventDefault(): void }) => void) => on.set(event, handler),
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
  };
  for (const handler of electron.appEvents.get('web-contents-created') ?? []) handler({}, contents);
  const prevented = (event: string, url: string) => {
    let stopped = false;
    on.get(event)?.({ preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { prevented, open: (url: string) => openHandler?.({ url }) };
}

function sender(url: string | null, parent: unknown = null) {
  return {
    sender: { id: 7, isDestroyed: () => false, send: () => undefined, once: () => undefined },
    senderFrame: url === null ? null : { url, parent },
  };
}

describe('Electron security checklist, read from the built bundle', () => {
  it('1 + 18: loads only its own files, over app://azho, never file:// or http(s)', () => {
    const urls = electron.windows.flatMap((w) => w.loadedUrls);
    expect(urls).toEqual(['app://azho/index.html', 'app://azho/board']);
    const scheme = electron.privilegedSchemes.find((s) => s.scheme === 'app');
    expect(scheme?.privileges?.secure).toBe(true);
    expect(scheme?.privileges?.standard).toBe(true);
    expect(scheme?.privileges?.bypassCSP).not.toBe(true);
    line('1 secure content', `windows load ${urls.join(', ')}`);
    line('18 custom protocol', 'app:// registered secure + standard, bypassCSP not granted');
  });

  it('2-4, 6, 8-10: every window is isolated, sandboxed, without Node, with web security', () => {
    expect(electron.sandboxEnabled).toBe(true);
    for (const prefs of prefsOfEveryWindow()) {
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
      expect(prefs.nodeIntegrationInWorker).not.toBe(true);
      expect(prefs.webSecurity).not.toBe(false);
      expect(prefs.allowRunningInsecureContent).not.toBe(true);
      expect(prefs.experimentalFeatures).not.toBe(true);
      expect(prefs.enableBlinkFeatures).toBeUndefined();
      expect(prefs.webviewTag).not.toBe(true);
      // An installed counter has no DevTools (they would show personal data to anyone).
      expect(prefs.devTools).toBe(false);
      expect(existsSync(String(prefs.preload))).toBe(true);
    }
    const n = electron.windows.length;
    line('2 no Node for content', `nodeIntegration false, not in subframes, not in workers (${n} windows)`);
    line('3 context isolation', `contextIsolation true (${n} windows)`);
    line('4 sandbox', `sandbox true in every window and app.enableSandbox() called`);
    line('6 webSecurity', 'not disabled');
    line('8 insecure content', 'allowRunningInsecureContent not set');
    line('9 experimental features', 'experimentalFeatures not set');
    line('10 enableBlinkFeatures', 'not set');
  });

  it('5: the session denies every permission but the camera for our own main frame', () => {
    const ask = (permission: string, requestingUrl: string, isMainFrame: boolean, mediaTypes: string[] = []) => {
      let granted: boolean | undefined;
      electron.permissionRequest!({}, permission, (answer: boolean) => (granted = answer), { requestingUrl, isMainFrame, mediaTypes });
      const checked = electron.permissionCheck!({}, permission, requestingUrl, { securityOrigin: requestingUrl, isMainFrame, mediaType: mediaTypes[0] });
      return { granted, checked };
    };
    const denied = ['geolocation', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'midi', 'usb', 'fullscreen'];
    for (const permission of denied) expect(ask(permission, 'app://azho/index.html', true)).toEqual({ granted: false, checked: false });
    expect(ask('media', 'app://azho/index.html', true, ['audio'])).toEqual({ granted: false, checked: false });
    expect(ask('media', 'https://evil.example/', true, ['video'])).toEqual({ granted: false, checked: false });
    expect(ask('media', 'app://azho/index.html', false, ['video'])).toEqual({ granted: false, checked: false });
    expect(ask('media', 'app://azho/index.html', true, ['video'])).toEqual({ granted: true, checked: true });
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } = {};
      electron.beforeRequest!({ url, resourceType: 'xhr' }, (a: { cancel?: boolean }) => (answer = a));
      return answer.cancel;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(cancelled('https://evil.example/x')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    warn.mockRestore();
    expect(cancelled('app://azho/assets/x.js')).toBe(false);
    line('5 permissions', `request + check handlers deny ${denied.length} permissions, microphone, foreign and subframe camera; allow camera for app://azho only`);
    line('5 requests', 'https, http and file: requests cancelled; app://azho allowed');
  });

  it('7: the protocol sends exactly the shared CSP, and index.html mirrors it', async () => {
    const serve = electron.protocolHandlers.get('app')!;
    const response: Response = await serve({ url: 'app://azho/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    // A <meta> policy cannot carry frame-ancestors (browsers ignore it there); the header does.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    line('7 CSP', `app:// sends src/shared/contentSecurityPolicy.ts verbatim (${CONTENT_SECURITY_POLICY.split('; ').length} directives); index.html meta the same less frame-ancestors`);
  });

  it('18: app:// serves only the built renderer: no way out of out/renderer', async () => {
    const serve = electron.protocolHandlers.get('app')!;
    const escapes = [
      'app://azho/../main/index.js',
      'app://azho/%2e%2e/main/index.js',
      'app://azho/..%2fmain%2findex.js',
      'app://azho/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://azho/..%5cmain%5cindex.js',
      'app://azho/index.html%00.png',
      'app://azho//etc/passwd',
      `app://azho/${encodeURIComponent(MAIN_BUNDLE)}`,
      'app://other/index.html',
    ];
    for (const url of escapes) {
      const response: Response = await serve({ url, method: 'GET' });
      expect(response.status, url).toBe(404);
    }
    const post: Response = await serve({ url: 'app://azho/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    line('18 path traversal', `${escapes.length} escapes (../, %2e%2e, %2f, %5c, NUL, absolute, other host) → 404; POST → 405`);
  });

  it('11-14: navigation, redirects, webviews and new windows are refused', () => {
    const contents = hardenedContents();
    expect(contents.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-navigate', 'app://azho/index.html')).toBe(true);
    expect(contents.prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('app://azho/index.html')).toEqual({ action: 'deny' });
    line('11 webview allowpopups', 'no webview can attach (webviewTag off, will-attach-webview prevented)');
    line('12 webview options', 'will-attach-webview prevented for every web contents');
    line('13 navigation', 'will-navigate and will-redirect prevented, even to app://azho');
    line('14 new windows', "setWindowOpenHandler answers { action: 'deny' }");
  });

  it('15: shell.openExternal is never used', () => {
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8');
    const fromElectron = /import \{([^}]*)\} from "electron"/.exec(bundle)?.[1] ?? '';
    expect(fromElectron).not.toMatch(/\bshell\b/);
    expect(bundle).not.toContain('openExternal');
    expect(electron.openedExternally).toEqual([]);
    line('15 openExternal', 'the bundle imports no `shell` and never calls openExternal');
  });

  it('16: a current Electron', () => {
    const declared = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies.electron as string;
    const installed = require('electron/package.json').version as string;
    expect(installed.split('.')[0]).toBe(/\d+/.exec(declared)?.[0]);
    line('16 Electron version', `${installed} installed for ${declared} (whether it is still supported needs the release list: checked by hand)`);
  });

  it('17: every IPC channel refuses other origins, subframes and missing frames', async () => {
    const foreign = [sender('https://evil.example/'), sender('app://azho/index.html', {}), sender('file:///index.html'), sender(null)];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const [channel, handler] of electron.ipcHandlers) {
      for (const event of foreign) {
        expect(await handler(event, 'app.status', {}), channel).toEqual({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
      }
    }
    warn.mockRestore();
    const ours = await electron.ipcHandlers.get('azho:invoke')!(sender('app://azho/index.html'), 'app.status', {});
    expect(ours).toMatchObject({ ok: true, value: { ready: true, firstRun: true } });
    line('17 IPC senders', `${[...electron.ipcHandlers.keys()].join(', ')} refuse ${foreign.length} foreign senders; our main frame reaches the real core`);
  });

  it('19: the fuses electron-builder flips for the package', async () => {
    const yaml = require('js-yaml') as { load(text: string): unknown };
    const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown> };
    const scheme = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    // A misspelt key would be dropped by the translation below and the fuse left at its default.
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known, key).toContain(key);
    // electron-builder's own translation of the yml into the config @electron/fuses flips.
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<number, boolean>> } };
    };
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const expected: Record<string, boolean> = {
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    };
    for (const [fuse, value] of Object.entries(expected)) {
      expect(wire[FuseV1Options[fuse]!], fuse).toBe(value);
      line('19 fuse', `${fuse} ${value ? 'on' : 'off'}`);
    }
  });

  it('20: the preload exposes window.azho with four functions, never ipcRenderer', () => {
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const ipcRenderer = {
      invoke: async (channel: string) => void invoked.push(channel),
      on: () => undefined,
      removeListener: () => undefined,
    };
    const requested: string[] = [];
    const fakeRequire = (id: string) => {
      requested.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
    };
    const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
    new Function('require', 'module', 'exports', source)(fakeRequire, { exports: {} }, {});
    expect(Object.keys(exposed)).toEqual(['azho']);
    const api = exposed.azho as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'print', 'upload']);
    expect(Object.values(api).every((v) => typeof v === 'function' && v !== ipcRenderer.invoke)).toBe(true);
    (api.invoke as (n: string, i: unknown) => unknown)('auth.login', {});
    (api.invoke as (n: string, i: unknown) => unknown)('azho:print', {});
    expect(new Set(invoked)).toEqual(new Set(['azho:invoke']));
    expect(new Set(requested)).toEqual(new Set(['electron']));
    line('20 exposed API', "window.azho = { invoke, on, print, upload } only; the page cannot choose the IPC channel");
  });
});
