import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES, recogniseScan } from './recognise';

/** A real 1×1 PNG, built here: signature, IHDR, IDAT, IEND with their CRCs. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const tiff = (() => {
  const b = Buffer.alloc(8 + 2 + 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8);
  return b;
})();

describe('recognising a scan by its bytes', () => {
  it('knows a whole PDF, JPEG, PNG and TIFF', () => {
    expect(recogniseScan(pdf)).toEqual({ ok: true, type: 'pdf' });
    expect(recogniseScan(jpeg)).toEqual({ ok: true, type: 'jpeg' });
    expect(recogniseScan(png())).toEqual({ ok: true, type: 'png' });
    expect(recogniseScan(tiff)).toEqual({ ok: true, type: 'tiff' });
  });

  it('refuses a truncated file, as a scanner still writing into the hot folder leaves it', () => {
    expect(recogniseScan(pdf.subarray(0, pdf.length - 8))).toEqual({ ok: false, refusal: 'truncated' });
    expect(recogniseScan(jpeg.subarray(0, 100))).toEqual({ ok: false, refusal: 'truncated' });
    expect(recogniseScan(png().subarray(0, 40))).toEqual({ ok: false, refusal: 'truncated' });
    expect(recogniseScan(tiff.subarray(0, 12))).toEqual({ ok: false, refusal: 'truncated' });
  });

  it('refuses an archive renamed .pdf, an unknown format, an empty file and one over the limit', () => {
    expect(recogniseScan(Buffer.from('PK\x03\x04 rest of a zip', 'latin1'))).toEqual({ ok: false, refusal: 'archive' });
    expect(recogniseScan(Buffer.from('<html>not a scan</html>'))).toEqual({ ok: false, refusal: 'unknownType' });
    expect(recogniseScan(Buffer.alloc(0))).toEqual({ ok: false, refusal: 'empty' });
    expect(recogniseScan({ length: MAX_SCAN_BYTES + 1 } as Uint8Array)).toEqual({ ok: false, refusal: 'tooLarge' });
  });
});
