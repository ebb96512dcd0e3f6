/**
 * A file the core made (a report's export, a document's or a ticket's PDF) handed to the operator.
 * Saved through an <a download> on a blob: URL — nothing leaves the computer, and a download is not
 * something the CSP governs. Printed, in the desktop app, by the shell's print bridge (the system
 * print dialog; the app denies new windows); in the browser, by opening the PDF in a tab, whose
 * viewer prints it, or by saving it.
 */
import type { CallInput } from '../../shared/contract';
import { isAppErrorData } from '../../shared/errors';
import type { ExportedFile } from '../../shared/reports/report';
import { bridge } from '../client/bridge';
import { invoke } from '../client/client';
import { CallFailed } from '../client/problem';

export function fileBytes(file: Pick<ExportedFile, 'base64'>): Uint8Array<ArrayBuffer> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function follow(file: ExportedFile, set: (link: HTMLAnchorElement) => void): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  set(link);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the bytes once the click is handled; the URL is let go a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveFile(file: ExportedFile): void {
  follow(file, (link) => (link.download = file.filename));
}

export type PrintableCall = 'cases.documentPdf' | 'queue.ticketPdf' | 'reports.export';
export type Printed = 'printed' | 'cancelled' | 'opened' | 'saved';

/**
 * Prints what a call makes as PDF. The desktop shell makes it through the core itself and opens
 * the print dialog; the browser gets the file and, as `inBrowser` says, opens it in a tab (the
 * report's Print) or saves it (a document's or a ticket's PDF, kept as a file to print or send).
 */
export async function printCall<N extends PrintableCall>(name: N, input: CallInput<N>, inBrowser: 'open' | 'save'): Promise<Printed> {
  const host = bridge();
  if (host.print) {
    const envelope = (await host.print(name, input)) as { ok?: boolean; value?: { printed?: boolean }; error?: unknown };
    if (envelope?.ok === true) return envelope.value?.printed ? 'printed' : 'cancelled';
    throw new CallFailed(isAppErrorData(envelope?.error) ? envelope.error : { code: 'INTERNAL' });
  }
  const file = await invoke(name, input);
  if (inBrowser === 'save') {
    saveFile(file);
    return 'saved';
  }
  // Not noopener: Chromium does not let a noopener tab resolve the opener's blob: URL.
  follow(file, (link) => (link.target = '_blank'));
  return 'opened';
}
