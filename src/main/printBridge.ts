/**
 * "Print this" in the desktop app: the page names a call that makes a PDF (a case's document, a
 * ticket, a report as PDF), the shell makes it through the core as that window's client — so the
 * core's access rules and audit apply as for any call — loads it in a hidden window and opens the
 * system's print dialog. The page never hands the shell bytes to load; the shell prints only what
 * the core made.
 *
 * Like ipcBridge.ts it does not import Electron: the window comes from a factory (printWindow.ts
 * in the app, a fake in the tests).
 */
import type { CoreHandle } from '../core/runtime/types';
import type { ExportedFile } from '../shared/reports/report';
import { AppError, type AppErrorData, type CallResult } from '../shared/errors';
import { PRINT_CHANNEL } from '../shared/ipcChannels';
import { parseCall } from '../shared/validate';
import { clientIdOf, type InvokeEvent, type IpcMainLike } from './ipcBridge';

export const PRINTABLE_CALLS = ['cases.documentPdf', 'queue.ticketPdf', 'reports.export'] as const;

/** What printing reads of a BrowserWindow. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: { silent: boolean; printBackground: boolean }, callback: (success: boolean, failureReason: string) => void): void;
  };
  destroy(): void;
}

export interface PrintBridgeOptions {
  ipcMain: IpcMainLike;
  core: CoreHandle;
  isTrustedSender(event: InvokeEvent): boolean;
  /** A hidden window able to show a PDF (printWindow.ts). */
  openWindow(): PrintWindow;
  log?: (line: string) => void;
}

const failure = (error: AppErrorData): CallResult<never> => ({ ok: false, error });

export function registerPrintBridge(options: PrintBridgeOptions): () => void {
  const { ipcMain, core, isTrustedSender, openWindow, log = console.warn } = options;

  async function onPrint(event: InvokeEvent, name: unknown, input: unknown): Promise<CallResult<{ printed: boolean }>> {
    if (!isTrustedSender(event)) {
      log(`[print] refused a print from webContents ${event.sender.id}`);
      return failure({ code: 'FORBIDDEN_ORIGIN' });
    }
    if (!(PRINTABLE_CALLS as readonly unknown[]).includes(name)) return failure({ code: 'VALIDATION', issues: [{ path: 'name', reason: 'print.notPrintable' }] });
    try {
      const call = parseCall(name, input);
      if (call.name === 'reports.export' && (call.input as { format: string }).format !== 'pdf') {
        return failure({ code: 'VALIDATION', issues: [{ path: 'format', reason: 'print.notPdf' }] });
      }
    } catch (error) {
      return failure(error instanceof AppError ? error.data : { code: 'INTERNAL' });
    }

    let made: CallResult<unknown>;
    try {
      made = await core.call(name as string, input, { clientId: clientIdOf(event.sender) });
    } catch {
      return failure({ code: 'INTERNAL' });
    }
    if (!made.ok) return made;
    const file = made.value as ExportedFile;
    if (file.mime !== 'application/pdf') return failure({ code: 'INTERNAL' });
    try {
      return { ok: true, value: { printed: await printPdf(openWindow, file.base64) } };
    } catch (error) {
      log(`[print] printing ${file.filename} failed: ${error instanceof Error ? error.message : String(error)}`);
      return failure({ code: 'INTERNAL' });
    }
  }

  ipcMain.handle(PRINT_CHANNEL, (event, name, input) => onPrint(event, name, input));
  return () => ipcMain.removeHandler(PRINT_CHANNEL);
}

/**
 * Loads the PDF in a hidden window (Chromium's PDF viewer) and opens the print dialog. Resolves
 * true when the job went to a printer, false when the operator cancelled; the window is closed
 * either way. The PDF goes in as a data: URL, so the applicant's document never touches the disk.
 */
export async function printPdf(openWindow: () => PrintWindow, base64: string): Promise<boolean> {
  const window = openWindow();
  try {
    await window.loadURL(`data:application/pdf;base64,${base64}`);
    return await new Promise<boolean>((resolve, reject) => {
      window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        // Electron reports a cancelled dialog as a failure ("Print job canceled"): not an error.
        if (success || /cancel/i.test(failureReason)) resolve(success);
        else reject(new Error(failureReason));
      });
    });
  } finally {
    window.destroy();
  }
}
