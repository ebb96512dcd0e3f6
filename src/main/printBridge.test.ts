import { describe, expect, it } from 'vitest';
import { createBridge } from '../preload/bridge';
import { PRINT_CHANNEL } from '../shared/ipcChannels';
import type { CallResult } from '../shared/errors';
import { trustedSenderCheck, type InvokeEvent } from './ipcBridge';
import { printPdf, registerPrintBridge, type PrintWindow } from './printBridge';
import { APP_ORIGIN } from './security';
import { FakeContents, FakeCore, FakeIpcMain, invokeEvent, mainFrame, subFrame, type RecordedCall } from './testFakes';

const PAGE = `${APP_ORIGIN}/index.html`;
const PDF_BASE64 = Buffer.from('%PDF-1.3 a receipt').toString('base64');

class FakePrintWindow implements PrintWindow {
  loaded: string[] = [];
  printed: { silent: boolean; printBackground: boolean }[] = [];
  destroyed = false;
  constructor(private readonly outcome: [boolean, string]) {}
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  readonly webContents = {
    print: (options: { silent: boolean; printBackground: boolean }, callback: (success: boolean, reason: string) => void) => {
      this.printed.push(options);
      setTimeout(() => callback(...this.outcome), 0);
    },
  };
  destroy() {
    this.destroyed = true;
  }
}

function setUp(answer?: (call: RecordedCall) => Promise<CallResult<unknown>>, outcome: [boolean, string] = [true, '']) {
  const ipcMain = new FakeIpcMain();
  const core = new FakeCore(answer ?? (async () => ({ ok: true, value: { filename: 'A-1-receipt-a4.pdf', mime: 'application/pdf', base64: PDF_BASE64 } })));
  const windows: FakePrintWindow[] = [];
  const logged: string[] = [];
  const dispose = registerPrintBridge({
    ipcMain,
    core,
    isTrustedSender: trustedSenderCheck([APP_ORIGIN]),
    openWindow: () => {
      const w = new FakePrintWindow(outcome);
      windows.push(w);
      return w;
    },
    log: (line) => logged.push(line),
  });
  const print = (event: InvokeEvent, name: unknown, input: unknown) => ipcMain.invoke(PRINT_CHANNEL, event, name, input);
  return { ipcMain, core, windows, logged, dispose, print };
}

const fromPage = (id = 4) => invokeEvent(new FakeContents(id), mainFrame(PAGE));

describe('printing from the page', () => {
  it('makes the PDF through the core as this window, loads it in a hidden window and opens the system dialog', async () => {
    const { core, windows, print } = setUp();
    const result = await print(fromPage(4), 'cases.documentPdf', { caseId: 12, kind: 'receipt', paper: 'a4' });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(core.calls).toEqual([{ name: 'cases.documentPdf', input: { caseId: 12, kind: 'receipt', paper: 'a4' }, caller: { clientId: 'win-4' } }]);
    expect(windows).toHaveLength(1);
    expect(windows[0]!.loaded).toEqual([`data:application/pdf;base64,${PDF_BASE64}`]);
    // Not silent: the operator chooses the printer in the system's dialog.
    expect(windows[0]!.printed).toEqual([{ silent: false, printBackground: true }]);
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('a cancelled dialog is not an error: printed false, the window closed', async () => {
    const { windows, print } = setUp(undefined, [false, 'Print job canceled']);
    expect(await print(fromPage(), 'queue.ticketPdf', { ticketId: 3 })).toEqual({ ok: true, value: { printed: false } });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('a failed print job is INTERNAL, logged without the document', async () => {
    const { windows, print, logged } = setUp(undefined, [false, 'Print job failed']);
    expect(await print(fromPage(), 'queue.ticketPdf', { ticketId: 3 })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(windows[0]!.destroyed).toBe(true);
    expect(logged.join('\n')).toContain('Print job failed');
    expect(logged.join('\n')).not.toContain(PDF_BASE64);
  });

  it("the core's refusal comes back as it is, and nothing is opened", async () => {
    const { windows, print } = setUp(async () => ({ ok: false, error: { code: 'NOT_FOUND' } }));
    expect(await print(fromPage(), 'cases.documentPdf', { caseId: 99, kind: 'receipt', paper: 'thermal80' })).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(windows).toEqual([]);
  });
});

describe('what is refused before the core sees it', () => {
  it('a sender other than our page’s main frame', async () => {
    for (const frame of [subFrame(PAGE), mainFrame('https://evil.example/'), null]) {
      const { core, windows, print } = setUp();
      expect(await print(invokeEvent(new FakeContents(2), frame), 'queue.ticketPdf', { ticketId: 1 })).toEqual({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
      expect(core.calls).toEqual([]);
      expect(windows).toEqual([]);
    }
  });

  it('a call that makes no PDF, a report in another format, an input the contract refuses', async () => {
    const { core, windows, print } = setUp();
    expect(await print(fromPage(), 'cases.get', { caseId: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const week = { period: 'week', from: '2026-12-01', to: '2026-12-07' };
    expect(await print(fromPage(), 'reports.export', { query: week, format: 'csv', locale: 'kk' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await print(fromPage(), 'cases.documentPdf', { caseId: 1, kind: 'receipt', paper: 'a5' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(core.calls).toEqual([]);
    expect(windows).toEqual([]);
  });

  it('a file from the core that is not a PDF is never loaded', async () => {
    const { windows, print } = setUp(async () => ({ ok: true, value: { filename: 'x.html', mime: 'text/html', base64: 'PGgxPg==' } }));
    expect(await print(fromPage(), 'queue.ticketPdf', { ticketId: 1 })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(windows).toEqual([]);
  });

  it('a report as PDF is printable; unregistering removes the channel', async () => {
    const { core, print, ipcMain, dispose } = setUp();
    const week = { period: 'week', from: '2026-12-01', to: '2026-12-07' };
    expect(await print(fromPage(), 'reports.export', { query: week, format: 'pdf', locale: 'ru' })).toEqual({ ok: true, value: { printed: true } });
    expect(core.calls.map((c) => c.name)).toEqual(['reports.export']);
    dispose();
    expect(ipcMain.handlers.has(PRINT_CHANNEL)).toBe(false);
  });
});

describe('printPdf', () => {
  it('closes the window even when loading fails', async () => {
    const w = new FakePrintWindow([true, '']);
    w.loadURL = async () => {
      throw new Error('ERR_ABORTED');
    };
    await expect(printPdf(() => w, PDF_BASE64)).rejects.toThrow('ERR_ABORTED');
    expect(w.destroyed).toBe(true);
  });
});

describe("the preload's print", () => {
  it('reaches the print bridge over IPC and resolves to its envelope', async () => {
    const { ipcMain, core, windows } = setUp();
    const contents = new FakeContents(6);
    const bridge = createBridge({
      invoke: async (channel, ...args) => structuredClone(await ipcMain.invoke(channel, invokeEvent(contents, mainFrame(PAGE)), ...structuredClone(args))),
      on() {},
      removeListener() {},
    });
    expect(await bridge.print!('queue.ticketPdf', { ticketId: 5 })).toEqual({ ok: true, value: { printed: true } });
    expect(core.calls.map((c) => [c.name, c.caller.clientId])).toEqual([['queue.ticketPdf', 'win-6']]);
    expect(windows).toHaveLength(1);
  });
});
