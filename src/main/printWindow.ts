/**
 * The hidden window printing uses: Chromium's PDF viewer (it needs `plugins`), in a session of its
 * own that lives in memory only and may load nothing but the PDF given to it (a data: URL) and the
 * viewer's own local resources. It has no preload and no access to the core.
 */
import { BrowserWindow, session, type Session } from 'electron';
import type { PrintWindow } from './printBridge';

const PARTITION = 'azho-print';
/** Chromium's built-in PDF viewer is an extension with this id. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

let hardened: Session | null = null;

function printSession(): Session {
  if (hardened) return hardened;
  const s = session.fromPartition(PARTITION);
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    // The viewer's own scripts come from chrome://resources and its extension; all of it is local.
    const local = url.startsWith('data:application/pdf;') || url.startsWith(`${PDF_VIEWER}/`) || url.startsWith('chrome://') || url.startsWith('blob:');
    callback({ cancel: !local });
  });
  hardened = s;
  return s;
}

export function openPrintWindow(): PrintWindow {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      session: printSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      plugins: true,
      devTools: false,
      spellcheck: false,
    },
  });
}
