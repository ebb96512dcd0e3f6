/** The operator's window: sandboxed, isolated, showing only the built renderer. */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './appProtocol';

export interface MainWindowOptions {
  /** electron-vite's dev server while developing; null loads app://azho/index.html. */
  devUrl: string | null;
}

export function createMainWindow({ devUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'АЖО',
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    // Shown at ready-to-show so the operator never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // An installed counter has no use for DevTools; they would show personal data to anyone.
      devTools: devUrl !== null,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(devUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[window] the renderer did not load: ${error instanceof Error ? error.message : String(error)}`);
    window.show();
  });
  return window;
}
