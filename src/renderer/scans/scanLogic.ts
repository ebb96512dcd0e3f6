/**
 * The scans' and the signature's rules as the screen applies them, kept apart from React so they
 * can be tested: pages grouped by the act's documents, what is still missing, a page moved
 * within its document, whether a signature still covers the scans, sizes in words.
 */
import { MAX_SCAN_BYTES, type CaseScans, type ChecklistItem, type ScanView, type SignatureView } from '../../shared/scans';
import type { Locale } from '../../shared/schemas';
import type { Translate } from '../i18n/localeStore';
import { formatDecimal } from '../ui/format';

/** A document's pages in their order. */
export function pagesOf(scans: readonly ScanView[], documentId: string): ScanView[] {
  return scans.filter((s) => s.documentId === documentId).sort((a, b) => a.page - b.page);
}

/** Every page in the checklist's order of documents, then by page: the viewer's sequence. */
export function inViewerOrder(data: Pick<CaseScans, 'scans' | 'checklist'>): ScanView[] {
  const known = new Set(data.checklist.map((item) => item.documentId));
  return [
    ...data.checklist.flatMap((item) => pagesOf(data.scans, item.documentId)),
    // A page of a document the act no longer lists is still shown, last.
    ...data.scans.filter((s) => !known.has(s.documentId)).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.page - b.page),
  ];
}

/** Required documents with no page yet: the ones to highlight. */
export function missingItems(checklist: readonly ChecklistItem[]): ChecklistItem[] {
  return checklist.filter((item) => !item.optional && item.scans === 0);
}

/** The document's new order of pages after one moved by `delta` places; null when it cannot move. */
export function movedOrder(pages: readonly ScanView[], scanId: number, delta: -1 | 1): number[] | null {
  const ids = pages.map((p) => p.id);
  const from = ids.indexOf(scanId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to] as number, ids[from] as number];
  return ids;
}

/** A page rotated a quarter turn to the right (1) or left (-1). */
export function turned(rotation: ScanView['rotation'], direction: 1 | -1): ScanView['rotation'] {
  return (((rotation + direction * 90) % 360) + 360) % 360 as ScanView['rotation'];
}

/** The list with one page replaced by its newer picture (after a rotation). */
export function withScan(data: CaseScans, scan: ScanView): CaseScans {
  return { ...data, scans: data.scans.map((s) => (s.id === scan.id ? scan : s)) };
}

/**
 * Where the case's signature stands: none yet; valid (verified, covering exactly the scans there
 * are now); stale (the scans changed after signing); or not verified.
 */
export type SignatureState = 'none' | 'valid' | 'stale' | 'unverified';

export function signatureState(signature: SignatureView | null | undefined, scans: readonly ScanView[] | null | undefined): SignatureState {
  if (!signature) return 'none';
  // The core reads a signature that no longer covers the scans as not verified: the scans say why.
  if (scans) {
    const signed = new Set(signature.scans.map((s) => `${s.scanId}:${s.sha256}`));
    const now = new Set(scans.map((s) => `${s.id}:${s.sha256}`));
    if (signed.size !== now.size || [...now].some((key) => !signed.has(key))) return 'stale';
  }
  return signature.verified ? 'valid' : 'unverified';
}

/** The first and last characters of a hash, enough to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.length <= 16 ? sha256 : `${sha256.slice(0, 8)}…${sha256.slice(-6)}`;
}

/** "512 Б", "48 КБ", "2,1 МБ". */
export function formatSize(t: Translate, locale: Locale, bytes: number): string {
  if (bytes < 1024) return t('scans.size.b', { n: bytes });
  if (bytes < 1024 * 1024) return t('scans.size.kb', { n: formatDecimal(locale, bytes < 10 * 1024 ? bytes / 1024 : Math.round(bytes / 1024)) });
  return t('scans.size.mb', { n: formatDecimal(locale, bytes / (1024 * 1024)) });
}

/**
 * What the screen can refuse before sending a file at all, with the core's own reasons: an empty
 * file, or one over the size limit. Everything else about the bytes is the core's to judge.
 */
export function precheckFile(size: number): 'scan.empty' | 'scan.tooLarge' | null {
  if (size === 0) return 'scan.empty';
  if (size > MAX_SCAN_BYTES) return 'scan.tooLarge';
  return null;
}

/** The file types the picker offers; the core still checks the bytes themselves. */
export const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

/** Bytes as base64, in chunks (a spread of a large array overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** A key container is small: its base64 must fit the contract's 64 KiB. */
export const MAX_KEY_FILE_BYTES = Math.floor((64 * 1024 * 3) / 4);

/** A calendar date of an ISO moment on this computer's calendar (yyyy-mm-dd), for formatIsoDate. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The width to ask the core for: the shown width times the screen's pixel density and the zoom. */
export function viewWidth(shownWidth: number, pixelRatio: number, zoom: number): number {
  return Math.max(64, Math.min(2400, Math.round(shownWidth * Math.max(1, pixelRatio) * zoom)));
}

export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;

export function nextZoom(zoom: number, direction: 1 | -1): number {
  const at = ZOOMS.findIndex((z) => z >= zoom);
  const index = Math.max(0, Math.min(ZOOMS.length - 1, (at < 0 ? ZOOMS.length - 1 : at) + direction));
  return ZOOMS[index] as number;
}

export type CameraProblem = 'camera.denied' | 'camera.none' | 'camera.busy' | 'camera.failed';

/** getUserMedia's refusals in the operator's terms: not allowed, no camera, in use elsewhere. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'camera.denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'camera.none';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'camera.busy';
  return 'camera.failed';
}
