/**
 * What the renderer may load, open and ask for. The decisions are small pure functions (tested
 * without Electron); the two `harden…` functions only wire them to Electron objects, which is
 * why electron is imported here as types only.
 */
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'azho';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';

/**
 * `scheme://host[:port]`, or null when the URL does not parse or has no host. Built by hand
 * because Node's URL reports the origin of non-special schemes such as `app:` as "null".
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * electron-vite's dev server while developing, else null. A packaged build ignores
 * ELECTRON_RENDERER_URL, so nobody can point an installed workstation at another page through
 * the environment.
 */
export function devServerUrl(isPackaged: boolean, rendererUrl: string | undefined): string | null {
  if (isPackaged || !rendererUrl) return null;
  const origin = originOf(rendererUrl);
  return origin && /^https?:\/\//.test(origin) ? rendererUrl : null;
}

/** The origins whose pages may call the core and use the camera. */
export function trustedOrigins(devUrl: string | null): string[] {
  const dev = devUrl === null ? null : originOf(devUrl);
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/**
 * Every request the renderer makes must stay on this machine: our own origin, inline data and
 * blobs (camera frames), the DevTools, and in development the dev server with its HMR socket.
 */
export function isAllowedRequest(url: string, trusted: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol) || parsed.protocol === 'devtools:') return true;
  const origin = originOf(url);
  if (origin === null) return false;
  if (trusted.includes(origin)) return true;
  // Vite's hot reload talks over a WebSocket to the same host and port as the dev server page.
  const asHttp = origin.replace(/^ws(s?):/, 'http$1:');
  return asHttp !== origin && trusted.includes(asHttp);
}

export interface PermissionAsk {
  permission: string;
  /** The URL or origin of the frame asking; only its origin is compared. */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  /** For 'media': what is wanted; camera is 'video', microphone 'audio'. */
  mediaTypes: readonly string[];
}

/** Only the camera (document capture), only for our own main frame; never the microphone. */
export function isAllowedPermission(ask: PermissionAsk, trusted: readonly string[]): boolean {
  if (ask.permission !== 'media' || !ask.isMainFrame) return false;
  if (ask.mediaTypes.length === 0 || ask.mediaTypes.some((type) => type !== 'video')) return false;
  const origin = ask.requestingUrl === undefined ? null : originOf(ask.requestingUrl);
  return origin !== null && trusted.includes(origin);
}

/** Applied to every web contents as it is created, windows and anything else alike. */
export function hardenWebContents(contents: WebContents): void {
  // The renderer is one page; links and redirects never replace it.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session, trusted: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      isAllowedPermission(
        {
          permission,
          requestingUrl: details.requestingUrl,
          isMainFrame: details.isMainFrame,
          mediaTypes: 'mediaTypes' in details ? (details.mediaTypes ?? []) : [],
        },
        trusted,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(
      {
        permission,
        requestingUrl: details.securityOrigin ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType ? [details.mediaType] : [],
      },
      trusted,
    ),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, trusted);
    if (!allowed) {
      console.warn(`[security] blocked a ${details.resourceType} request to ${originOf(details.url) ?? 'a URL without a host'}`);
    }
    callback({ cancel: !allowed });
  });
}
