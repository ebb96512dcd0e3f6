/**
 * A scan's bytes go to the core through the bridge's own upload, never inside a JSON call: the
 * web host takes them on its upload path, the desktop bridge as an ArrayBuffer. The answer is
 * the same envelope as a call's.
 */
import type { Bridge } from '../../shared/contract';
import { isAppErrorData } from '../../shared/errors';
import { ScanView, type ScanSource } from '../../shared/scans';
import { bridge } from '../client/bridge';
import { CallFailed } from '../client/problem';

type Upload = (caseId: number, documentId: string, source: ScanSource, bytes: Uint8Array) => Promise<unknown>;

export async function uploadScan(caseId: number, documentId: string, source: ScanSource, bytes: Uint8Array): Promise<ScanView> {
  const upload = (bridge() as Bridge & { upload?: Upload }).upload;
  if (typeof upload !== 'function') throw new CallFailed({ code: 'INTERNAL' });
  let envelope: unknown;
  try {
    envelope = await upload.call(bridge(), caseId, documentId, source, bytes);
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
