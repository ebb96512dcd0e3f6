import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  devServerUrl,
  isAllowedPermission,
  isAllowedRequest,
  originOf,
  trustedOrigins,
  type PermissionAsk,
} from './security';

const PACKAGED = trustedOrigins(null);
const DEV = trustedOrigins('http://localhost:5173/');

describe('originOf', () => {
  it('keeps scheme, host and port, including for our non-special scheme', () => {
    expect(originOf('app://azho/assets/index.js?x=1#y')).toBe('app://azho');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('HTTPS://Example.COM:443/')).toBe('https://example.com');
  });
  it('has none for URLs without a host or that do not parse', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('devServerUrl and trustedOrigins', () => {
  it('a packaged build ignores ELECTRON_RENDERER_URL', () => {
    expect(devServerUrl(true, 'http://localhost:5173')).toBeNull();
    expect(PACKAGED).toEqual([APP_ORIGIN]);
  });
  it('in development the dev server is trusted beside the app origin', () => {
    expect(devServerUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(DEV).toEqual([APP_ORIGIN, 'http://localhost:5173']);
  });
  it('only an http(s) dev server counts', () => {
    expect(devServerUrl(false, 'file:///tmp/index.html')).toBeNull();
    expect(devServerUrl(false, 'javascript:alert(1)')).toBeNull();
    expect(devServerUrl(false, '')).toBeNull();
    expect(devServerUrl(false, undefined)).toBeNull();
  });
});

describe('isAllowedRequest', () => {
  it('lets through our origin, inline data, blobs and the DevTools', () => {
    for (const url of [
      'app://azho/index.html',
      'app://azho/assets/noto-sans-cyrillic.woff2',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://azho/0b6a4c1e-3c7f-4a86-9f0e-1f0e2b8c9d10',
      'devtools://devtools/bundled/devtools_app.html',
    ]) {
      expect(isAllowedRequest(url, PACKAGED), url).toBe(true);
    }
  });
  it('blocks every other place, however it is spelled', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:13579/',
      'wss://127.0.0.1:13579/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://azho.evil/index.html',
      'ftp://example.com/x',
      'chrome-extension://abc/x.js',
      'http://localhost:5173/src/main.tsx',
      'ws://localhost:5173/',
      'not a url',
    ]) {
      expect(isAllowedRequest(url, PACKAGED), url).toBe(false);
    }
  });
  it('in development lets through the dev server and its HMR socket, nothing else local', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('http://localhost:8080/', DEV)).toBe(false);
  });
});

describe('isAllowedPermission', () => {
  const camera: PermissionAsk = {
    permission: 'media',
    requestingUrl: 'app://azho/index.html',
    isMainFrame: true,
    mediaTypes: ['video'],
  };

  it('grants the camera to our main frame', () => {
    expect(isAllowedPermission(camera, PACKAGED)).toBe(true);
    expect(isAllowedPermission({ ...camera, requestingUrl: 'app://azho' }, PACKAGED)).toBe(true);
  });
  it('refuses the microphone, alone or with the camera', () => {
    expect(isAllowedPermission({ ...camera, mediaTypes: ['audio'] }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, mediaTypes: ['video', 'audio'] }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, mediaTypes: [] }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, mediaTypes: ['unknown'] }, PACKAGED)).toBe(false);
  });
  it('refuses subframes, other origins and unknown requesters', () => {
    expect(isAllowedPermission({ ...camera, isMainFrame: false }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, requestingUrl: 'https://evil.example/' }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, requestingUrl: undefined }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, requestingUrl: 'http://localhost:5173/' }, PACKAGED)).toBe(false);
    expect(isAllowedPermission({ ...camera, requestingUrl: 'http://localhost:5173/' }, DEV)).toBe(true);
  });
  it('refuses every other permission', () => {
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'openExternal', 'fullscreen', 'usb']) {
      expect(isAllowedPermission({ ...camera, permission }, PACKAGED), permission).toBe(false);
    }
  });
});

it('the CSP is the one the renderer is built for', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
      "connect-src 'self'; media-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
});
