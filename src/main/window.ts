/** The operator's window: sandboxed, isolated, showing only the built renderer. */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './appProtocol';

export interface MainWindowOptions {
  /** electron-vite's dev server while developing; null loads app://azho/index.html. */
  devUrl: string | null;
}

export interface BoardWindowOptions extends MainWindowOptions {
  /** Where the hall's display is: the bounds of the second monitor. */
  bounds: { x: number; y: number; width: number; height: number };
}

/** The operator's window. */
export function createMainWindow({ devUrl }: MainWindowOptions): BrowserWindow {
  return openWindow(devUrl, '/index.html', {
    title: 'АЖО',
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
  });
}

/**
 * The queue's display board on the hall's monitor: full screen, no frame, the same sandboxed
 * renderer at /board (it shows numbers and windows only, never personal data).
 */
export function createBoardWindow({ devUrl, bounds }: BoardWindowOptions): BrowserWindow {
  // Nobody touches the hall's TV: its chime and voice must play without a first tap.
  return openWindow(devUrl, '/board', { title: 'АЖО — кезек', ...bounds, frame: false, fullscreen: true, autoHideMenuBar: true }, {
    autoplayPolicy: 'no-user-gesture-required',
  });
}

function openWindow(
  devUrl: string | null,
  path: string,
  shape: Electron.BrowserWindowConstructorOptions,
  extra: Electron.WebPreferences = {},
): BrowserWindow {
  const window = new BrowserWindow({
    ...shape,
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
      ...extra,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(new URL(path, devUrl ?? APP_ENTRY_URL).toString()).catch((error: unknown) => {
    console.error(`[window] the renderer did not load: ${error instanceof Error ? error.message : String(error)}`);
    window.show();
  });
  return window;
}
