/**
 * Pictures of scans, drawn with sharp (libvips) on libuv's thread pool: the small thumbnail kept
 * with a scan, and a page for the viewer at the width asked, turned as the operator set it.
 * libvips' operation cache is off: decoded documents do not linger in memory after a call.
 */
import sharp from 'sharp';
import type { ScanType } from '../../shared/scans';

sharp.cache(false);

export const THUMBNAIL_PX = 240;
/** Far above a 600-dpi A3 page (70 Mpx): a decompression bomb is refused, not decoded. */
const MAX_PIXELS = 100_000_000;

const input = (bytes: Uint8Array) =>
  sharp(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { limitInputPixels: MAX_PIXELS, autoOrient: true });

/** Whether this type can be drawn here: sharp's build has no PDF renderer. */
export const drawable = (type: ScanType) => type !== 'pdf';

/** A ~240 px JPEG as a data: URL, or null when the scan cannot be drawn here (a PDF, damaged image data). */
export async function thumbnail(bytes: Uint8Array, type: ScanType): Promise<string | null> {
  if (!drawable(type)) return null;
  try {
    const jpeg = await input(bytes)
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70 })
      .toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    return null;
  }
}

export class CannotDraw extends Error {}

/** The page as a JPEG `width` pixels wide (never enlarged), turned by `rotation` degrees clockwise. */
export async function drawPage(bytes: Uint8Array, type: ScanType, width: number, rotation: 0 | 90 | 180 | 270) {
  if (!drawable(type)) throw new CannotDraw();
  try {
    const { data, info } = await input(bytes)
      .rotate(rotation)
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { mime: 'image/jpeg' as const, base64: data.toString('base64'), width: info.width, height: info.height };
  } catch {
    throw new CannotDraw();
  }
}
