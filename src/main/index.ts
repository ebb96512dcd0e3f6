/**
 * The desktop shell's lifecycle: one instance, the data folder and its key, the core in its
 * worker, the IPC bridge, one window; on quit the core closes before the process exits.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, ipcMain, protocol, screen, session, type BrowserWindow } from 'electron';
import { startCore } from '../core/runtime/startCore';
import type { CoreHandle } from '../core/runtime/types';
import { startTrainingSimulator } from '../simulator/launch';
import { forkUtilityProcess } from './utilityChild';
import { AppError } from '../shared/errors';
import { APP_SCHEME_DEFINITION, serveAppFile } from './appProtocol';
import { resolveLaunchOptions } from './dataDir';
import { registerIpcBridge, trustedSenderCheck } from './ipcBridge';
import { loadOrCreateMasterKey } from './keys';
import { installApplicationMenu } from './menu';
import { osKeyWrapper } from './osKeyStore';
import { registerPrintBridge } from './printBridge';
import { openPrintWindow } from './printWindow';
import { APP_SCHEME, devServerUrl, hardenSession, hardenWebContents, trustedOrigins } from './security';
import { createBoardWindow, createMainWindow } from './window';

const RENDERER_DIR = join(import.meta.dirname, '../renderer');
/** A core that cannot close in this time is stuck; SQLite's WAL recovers what it had committed. */
const CORE_CLOSE_LIMIT_MS = 10_000;

let core: CoreHandle | null = null;
let simulator: Awaited<ReturnType<typeof startTrainingSimulator>> | null = null;
let disposeBridge: (() => void) | null = null;
let disposePrinting: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;

// Both only take effect before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
app.enableSandbox();

function reasonOf(error: unknown): string {
  if (error instanceof AppError) {
    const { code, storage } = error.data;
    return storage ? `${code}: ${storage.problem} (${storage.path})` : code;
  }
  return error instanceof Error ? error.message : String(error);
}

async function closeCore(): Promise<void> {
  const closing = core;
  core = null;
  disposeBridge?.();
  disposeBridge = null;
  disposePrinting?.();
  disposePrinting = null;
  if (!closing) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error('[app] the core did not close in time');
      resolve();
    }, CORE_CLOSE_LIMIT_MS);
  });
  const closed = closing.close().catch((error: unknown) => {
    console.error(`[app] closing the core failed: ${reasonOf(error)}`);
  });
  await Promise.race([closed, limit]);
  clearTimeout(timer);
  await simulator?.launched.stop();
  simulator = null;
}

/** Explains in both languages and exits with an error; nothing relaunches, so no crash loop. */
async function refuseToStart(kk: string, ru: string, reason?: string): Promise<void> {
  const details = reason ? `\n\nСебебі / Причина: ${reason}` : '';
  console.error(`[app] start refused: ${reason ?? ru}`);
  dialog.showErrorBox('АЖО іске қосылмады / АЖО не запущена', `${kk}\n\n${ru}${details}`);
  await closeCore();
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();

  const launch = resolveLaunchOptions(process.argv, process.env, join(app.getPath('userData'), 'data'));
  const devUrl = devServerUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  const trusted = trustedOrigins(devUrl);
  hardenSession(session.defaultSession, trusted);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(RENDERER_DIR, request));

  const wrapper = await osKeyWrapper();
  if (!wrapper) {
    return refuseToStart(
      'Операциялық жүйенің кілттер қоймасы қолжетімсіз, сондықтан жеке деректерді шифрлау кілтін қорғау мүмкін емес. Кілт ашық түрде сақталмайды. Әкімшіге хабарласыңыз.',
      'Хранилище ключей операционной системы недоступно, поэтому ключ шифрования персональных данных нельзя защитить. Хранить ключ в открытом виде программа не будет. Обратитесь к администратору.',
    );
  }
  let masterKey: Uint8Array;
  try {
    masterKey = await loadOrCreateMasterKey(launch.dataDir, wrapper);
  } catch (error) {
    return refuseToStart(
      `Жеке деректер кілтін оқу мүмкін болмады (${launch.dataDir}). Деректер жоғалмауы үшін жаңа кілт жасалмайды. Әкімшіге хабарласыңыз.`,
      `Не удалось прочитать ключ персональных данных (${launch.dataDir}). Чтобы не потерять данные, новый ключ не создаётся. Обратитесь к администратору.`,
      reasonOf(error),
    );
  }

  try {
    // Training talks to the simulated state systems, started here in a utility process (the
    // RunAsNode fuse is off, so Electron's binary cannot be run as plain Node).
    simulator = launch.training
      ? await startTrainingSimulator(join(__dirname, 'simulator.js'), 20, forkUtilityProcess)
      : null;
    core = await startCore({
      dataDir: launch.dataDir,
      masterKey,
      training: launch.training,
      gatewayConnection: simulator?.connection,
      hotFolder: launch.hotFolder,
      trustDir: launch.trustDir,
      ncaLayer: launch.ncaLayer && { url: launch.ncaLayer.url, caPem: launch.ncaLayer.caFile ? await readFile(launch.ncaLayer.caFile, 'utf8') : null },
      branchEnrollment: launch.branch && {
        enrollUrl: launch.branch.enrollUrl,
        apiUrl: launch.branch.apiUrl,
        code: launch.branch.code,
        caPem: await readFile(launch.branch.caFile, 'utf8'),
      },
    });
  } catch (error) {
    return refuseToStart(
      `Жұмыс орнының ядросы іске қосылмады. Деректер қалтасы: ${launch.dataDir}`,
      `Не удалось запустить ядро рабочего места. Папка данных: ${launch.dataDir}`,
      reasonOf(error),
    );
  }

  disposeBridge = registerIpcBridge({ ipcMain, core, isTrustedSender: trustedSenderCheck(trusted) });
  disposePrinting = registerPrintBridge({ ipcMain, core, isTrustedSender: trustedSenderCheck(trusted), openWindow: openPrintWindow });
  installApplicationMenu(devUrl !== null);
  mainWindow = createMainWindow({ devUrl });
  // With a second monitor (the hall's display), the queue board opens on it.
  const hall = screen.getAllDisplays().find((d) => d.id !== screen.getPrimaryDisplay().id);
  if (hall) createBoardWindow({ devUrl, bounds: hall.bounds });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch (a double click on the icon) focuses the open window instead of starting a
  // second core over the same database.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the core to finish its writes and close the database; app.quit() is
  // called again once it has. (Windows does not emit before-quit at log-off: there the WAL and
  // synchronous=FULL are what keep committed work.)
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void closeCore().finally(() => app.quit());
  });

  start().catch((error: unknown) =>
    refuseToStart('Бағдарламаны іске қосу мүмкін болмады.', 'Не удалось запустить программу.', reasonOf(error)),
  );
}
