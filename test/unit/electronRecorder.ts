/**
 * A stand-in for the `electron` module that records what the built main bundle asks of it:
 * the windows it opens and their webPreferences, the session's handlers, the protocol it
 * registers, the app events it listens to, the IPC handlers. Nothing here decides anything; the
 * checklist test replays the recorded handlers to see what the shell's real code answers.
 */
type Handler = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RecordedWindow {
  options: Electron.BrowserWindowConstructorOptions;
  loadedUrls: string[];
}

export class ElectronRecorder {
  readonly windows: RecordedWindow[] = [];
  readonly appEvents = new Map<string, Handler[]>();
  readonly privilegedSchemes: Electron.CustomScheme[] = [];
  readonly protocolHandlers = new Map<string, Handler>();
  readonly ipcHandlers = new Map<string, Handler>();
  readonly errorBoxes: string[] = [];
  readonly openedExternally: string[] = [];
  permissionRequest: Handler | null = null;
  permissionCheck: Handler | null = null;
  beforeRequest: Handler | null = null;
  sandboxEnabled = false;
  quitCalls = 0;

  /** The module the bundle imports as `electron`. */
  module(): Record<string, unknown> {
    const rec = this;
    class BrowserWindow {
      private readonly record: RecordedWindow;
      constructor(options: Electron.BrowserWindowConstructorOptions) {
        this.record = { options, loadedUrls: [] };
        rec.windows.push(this.record);
      }
      once(): this {
        return this;
      }
      on(): this {
        return this;
      }
      show(): void {}
      async loadURL(url: string): Promise<void> {
        this.record.loadedUrls.push(url);
      }
    }
    const defaultSession = {
      setPermissionRequestHandler: (handler: Handler) => (rec.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Handler) => (rec.permissionCheck = handler),
      webRequest: { onBeforeRequest: (handler: Handler) => (rec.beforeRequest = handler) },
    };
    const app = {
      // An installed workstation: electron-vite's dev server URL must be ignored.
      isPackaged: true,
      whenReady: async () => undefined,
      getPath: () => process.env.AZHO_TEST_USER_DATA ?? '/nonexistent',
      enableSandbox: () => (rec.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on(event: string, handler: Handler) {
        rec.appEvents.set(event, [...(rec.appEvents.get(event) ?? []), handler]);
        return app;
      },
      quit: () => void rec.quitCalls++,
      exit: () => void rec.quitCalls++,
    };
    return {
      app,
      BrowserWindow,
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
      dialog: { showErrorBox: (title: string, body: string) => rec.errorBoxes.push(`${title}: ${body}`) },
      ipcMain: {
        handle: (channel: string, handler: Handler) => rec.ipcHandlers.set(channel, handler),
        removeHandler: (channel: string) => rec.ipcHandlers.delete(channel),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => rec.privilegedSchemes.push(...schemes),
        handle: (scheme: string, handler: Handler) => rec.protocolHandlers.set(scheme, handler),
      },
      // A real OS key store as far as the shell can tell; the "wrapping" is reversible on purpose.
      safeStorage: {
        isAsyncEncryptionAvailable: async () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptStringAsync: async (plain: string) => Buffer.from(plain, 'utf8').reverse(),
        decryptStringAsync: async (wrapped: Buffer) => ({
          result: Buffer.from(wrapped).reverse().toString('utf8'),
          shouldReEncrypt: false,
        }),
      },
      // A second monitor, so the hall's board window opens too and is checked like the operator's.
      screen: {
        getPrimaryDisplay: () => ({ id: 1 }),
        getAllDisplays: () => [
          { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
          { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
        ],
      },
      session: { defaultSession, fromPartition: () => defaultSession },
      shell: { openExternal: async (url: string) => void rec.openedExternally.push(url) },
      utilityProcess: {
        fork: () => {
          throw new Error('the checklist starts the live mode; no utility process expected');
        },
      },
    };
  }
}
