/**
 * What a scan really is, by its bytes — never by its name: a PDF, JPEG, PNG or TIFF, whole (its
 * end marker is there), and within the size limit. An archive renamed .pdf, a half-copied file
 * from the scanner's folder or a gigabyte upload is refused with a reason the operator can act on.
 */
import { inflate } from 'node:zlib';
import { promisify } from 'node:util';
import { MAX_SCAN_BYTES, MAX_SCAN_PAGES, type ScanType } from '../../shared/scans';

export { MAX_SCAN_BYTES, MAX_SCAN_PAGES, type ScanType };

export type Refusal = 'empty' | 'tooLarge' | 'unknownType' | 'archive' | 'truncated' | 'tooManyPages';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function typeOf(bytes: Uint8Array): ScanType | 'archive' | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // ZIP (and everything built on it: docx, odt …), RAR, 7z, gzip.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) ||
      startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) return 'archive';
  return null;
}

/** Whether the file ends as its format says a whole file ends. */
function isWhole(type: ScanType, bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  switch (type) {
    case 'pdf':
      return /%%EOF\s*$/.test(tail);
    case 'jpeg':
      return bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    case 'png':
      // The last chunk is IEND: length 0, type "IEND", then its CRC.
      return tail.endsWith('IEND\xaeB`\x82');
    case 'tiff':
      // A TIFF has no end marker; its first directory must lie inside the file.
      return tiffDirectoryInside(bytes);
  }
}

function tiffDirectoryInside(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const offset = view.getUint32(4, little);
  if (offset < 8 || offset + 2 > bytes.length) return false;
  const entries = view.getUint16(offset, little);
  return offset + 2 + entries * 12 + 4 <= bytes.length;
}

export function recogniseScan(bytes: Uint8Array): { ok: true; type: ScanType } | { ok: false; refusal: Refusal } {
  if (bytes.length === 0) return { ok: false, refusal: 'empty' };
  if (bytes.length > MAX_SCAN_BYTES) return { ok: false, refusal: 'tooLarge' };
  const type = typeOf(bytes);
  if (type === 'archive') return { ok: false, refusal: 'archive' };
  if (!type) return { ok: false, refusal: 'unknownType' };
  if (!isWhole(type, bytes)) return { ok: false, refusal: 'truncated' };
  return { ok: true, type };
}

const inflateAsync = promisify(inflate);
const PDF_SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const isNameChar = (b: number | undefined) => b !== undefined && /[A-Za-z0-9]/.test(String.fromCharCode(b));
/** Bytes searched between two turns of the event loop: a 50 MB PDF never holds the thread long. */
const SLICE = 4 * 1024 * 1024;
const turn = () => new Promise<void>((r) => setImmediate(r));

/** Offsets of every occurrence of `needle`, found a slice at a time. */
async function offsetsOf(bytes: Buffer, needle: Buffer, limit = 100_000): Promise<number[]> {
  const found: number[] = [];
  for (let start = 0; start < bytes.length && found.length < limit; start += SLICE) {
    const end = Math.min(bytes.length, start + SLICE + needle.length - 1);
    const slice = bytes.subarray(start, end);
    for (let at = slice.indexOf(needle); at >= 0 && found.length < limit; at = slice.indexOf(needle, at + 1)) {
      if (start + at < Math.min(bytes.length, start + SLICE)) found.push(start + at);
    }
    if (end < bytes.length) await turn();
  }
  return found;
}

/** `/Type /Page` objects (not `/Pages`) in plain bytes. */
function pageObjects(bytes: Buffer, typeAt: number[]): number {
  let pages = 0;
  for (const at of typeAt) {
    let i = at + 5;
    while (PDF_SPACE.has(bytes[i]!)) i++;
    if (bytes.subarray(i, i + 5).toString('latin1') === '/Page' && !isNameChar(bytes[i + 5])) pages++;
  }
  return pages;
}

/**
 * A PDF's pages, by a light parse: its `/Type /Page` objects, including those packed in
 * compressed object streams (PDF 1.5+); at least 1. Not a PDF reader: a file that hides its
 * pages some other way counts as one page.
 */
export async function countPdfPages(content: Uint8Array): Promise<number> {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const TYPE = Buffer.from('/Type');
  let pages = pageObjects(bytes, await offsetsOf(bytes, TYPE));
  // Object streams: inflate each (bounded) and count the page objects inside.
  let budget = 64 * 1024 * 1024;
  for (const at of await offsetsOf(bytes, Buffer.from('/ObjStm'), 10_000)) {
    const stream = bytes.indexOf('stream', at, 'latin1');
    if (stream < 0 || budget <= 0) break;
    let from = stream + 6;
    if (bytes[from] === 0x0d) from++;
    if (bytes[from] === 0x0a) from++;
    const end = bytes.indexOf('endstream', from, 'latin1');
    if (end < 0) break;
    try {
      const inflated = (await inflateAsync(bytes.subarray(from, end), { maxOutputLength: budget })) as Buffer;
      budget -= inflated.length;
      pages += pageObjects(inflated, await offsetsOf(inflated, TYPE));
    } catch {
      // Not Flate, or damaged: its pages go uncounted.
    }
    if (pages > MAX_SCAN_PAGES) break;
  }
  return Math.max(1, pages);
}
