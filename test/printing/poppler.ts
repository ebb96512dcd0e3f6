/**
 * Reading PDFs back the way a person's viewer would: poppler's pdftotext, pdfinfo and pdftoppm
 * (poppler-utils). Text extraction proves the font maps each Kazakh letter to the right character;
 * the PNGs under out/pngs/printing are for a person to open and look at (not under test-results,
 * which Playwright empties when it starts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, work: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'azho-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, pdf);
    return work(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
  creationDate: string | null;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  const out = withFile(pdf, (path) => execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' }));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    creationDate: /CreationDate:\s+(\S+)/.exec(out)?.[1] ?? null,
  };
}

/** The first page as PNG at 80 dpi in out/pngs/printing/<name>.png; returns its path. */
export function pdfToPng(pdf: Buffer, name: string): string {
  const out = join(new URL('../../', import.meta.url).pathname, 'out', 'pngs', 'printing');
  mkdirSync(out, { recursive: true });
  withFile(pdf, (path) => execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(out, name)]));
  const file = join(out, `${name}.png`);
  if (!readdirSync(out).includes(`${name}.png`) || statSync(file).size === 0) throw new Error(`pdftoppm made no ${file}`);
  return file;
}
