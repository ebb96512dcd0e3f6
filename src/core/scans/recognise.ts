/**
 * What a scan really is, by its bytes — never by its name: a PDF, JPEG, PNG or TIFF, whole (its
 * end marker is there), and within the size limit. An archive renamed .pdf, a half-copied file
 * from the scanner's folder or a gigabyte upload is refused with a reason the operator can act on.
 */
export type ScanType = 'pdf' | 'jpeg' | 'png' | 'tiff';

export type Refusal = 'empty' | 'tooLarge' | 'unknownType' | 'archive' | 'truncated';

export const MAX_SCAN_BYTES = 50 * 1024 * 1024;

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
