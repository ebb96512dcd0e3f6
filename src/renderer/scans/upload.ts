/**
 * A scan's bytes go to the core through the bridge's own upload, never inside a JSON call: the
 * web host takes them on its upload path, the desktop bridge over IPC. The answer is
 * the same envelope as a call's.
 */
import { isAppErrorData } from '../../shared/errors';
import { ScanView, type ScanSource } from '../../shared/scans';
import { bridge } from '../client/bridge';
import { CallFailed } from '../client/problem';

export async function uploadScan(caseId: number, documentId: string, source: ScanSource, bytes: Uint8Array): Promise<ScanView> {
  let envelope: unknown;
  try {
    envelope = await bridge().upload(caseId, documentId, source, bytes);
  } catch {
    throw new CallFailed({ code: 'UNREACHABLE' });
  }
  if (typeof envelope === 'object' && envelope !== null) {
    const { ok, value, error } = envelope as { ok?: unknown; value?: unknown; error?: unknown };
    if (ok === false && isAppErrorData(error)) throw new CallFailed(error);
    if (ok === true) {
      const parsed = ScanView.safeParse(value);
      if (parsed.success) return parsed.data;
    }
  }
  throw new CallFailed({ code: 'INTERNAL' });
}
