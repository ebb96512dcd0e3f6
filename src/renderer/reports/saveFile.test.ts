import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UploadBridge } from '../../shared/contract';
import { CallFailed } from '../client/problem';
import { fileBytes, printCall } from './saveFile';

// The desktop preload's surface as the page sees it (Electron's IPC cannot run here; the preload's
// own bridge is tested against the shell's print bridge in src/preload and src/main).
const print = vi.fn<NonNullable<UploadBridge['print']>>();
const invoke = vi.fn<UploadBridge['invoke']>();
beforeAll(() => {
  (globalThis as unknown as { window: { azho: UploadBridge } }).window = {
    azho: { invoke, on: () => () => {}, upload: async () => ({}), print },
  };
});

describe('printing a PDF the core makes', () => {
  it('in the desktop app asks the shell to print the call, never the bytes, and says whether the dialog printed', async () => {
    const input = { caseId: 7, kind: 'receipt' as const, paper: 'thermal80' as const };
    print.mockResolvedValueOnce({ ok: true, value: { printed: true } });
    await expect(printCall('cases.documentPdf', input, 'save')).resolves.toBe('printed');
    expect(print).toHaveBeenLastCalledWith('cases.documentPdf', input);
    print.mockResolvedValueOnce({ ok: true, value: { printed: false } });
    await expect(printCall('queue.ticketPdf', { ticketId: 3 }, 'save')).resolves.toBe('cancelled');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns a refusal from the shell into the call’s error code', async () => {
    print.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN' } });
    const failed = await printCall('queue.ticketPdf', { ticketId: 3 }, 'open').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CallFailed);
    expect((failed as CallFailed).problem.code).toBe('FORBIDDEN');
    print.mockResolvedValueOnce(undefined);
    expect(((await printCall('queue.ticketPdf', { ticketId: 3 }, 'open').catch((e: unknown) => e)) as CallFailed).problem.code).toBe('INTERNAL');
  });

  it('reads the file’s base64 back to its bytes', () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 қолхат');
    const base64 = btoa(String.fromCharCode(...bytes));
    expect([...fileBytes({ base64 })]).toEqual([...bytes]);
  });
});
