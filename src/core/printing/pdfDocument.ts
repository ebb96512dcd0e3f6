/**
 * The one way the core makes a PDF: pdfkit with the bundled Noto Sans (it has every Kazakh
 * letter — ә ғ қ ң ө ұ ү һ і — which the PDF standard fonts do not), a creation date fixed to
 * the document's own time so the same input gives the same bytes (a reprint is the same file),
 * and, in training, the training mark on every page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export interface PrintFonts {
  regular: Buffer;
  bold: Buffer;
}

/** A4 in points. */
export const A4: readonly [number, number] = [595.28, 841.89];
/** An 80 mm thermal roll is 80 mm wide (226.77 pt); its page is as long as its content. */
export const THERMAL_WIDTH = 226.77;

export const TRAINING_MARK = 'ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ / TRAINING';

const fontCache = new Map<string, PrintFonts>();

/** The fonts shipped in `resources/fonts`, read once per folder. */
export function loadPrintFonts(resourcesDir: string): PrintFonts {
  let fonts = fontCache.get(resourcesDir);
  if (!fonts) {
    fonts = {
      regular: readFileSync(join(resourcesDir, 'fonts', 'NotoSans-Regular.ttf')),
      bold: readFileSync(join(resourcesDir, 'fonts', 'NotoSans-Bold.ttf')),
    };
    fontCache.set(resourcesDir, fonts);
  }
  return fonts;
}

export interface PdfOptions {
  size: readonly [number, number];
  margin: number;
  fonts: PrintFonts;
  /** Fixed into the file (and its ID), so the same document renders to the same bytes. */
  createdAt: Date;
  title: string;
  lang: string;
  training: boolean;
}

export type Pdf = PDFKit.PDFDocument;

/** A new document whose fonts are 'regular' and 'bold', set in 'regular'. */
export function newPdf(o: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: [o.size[0], o.size[1]],
    margin: o.margin,
    // No default font: pdfkit's is Helvetica (no Kazakh letters, and data files the bundles need
    // not carry). Nor the TTF here: a default font is cached only by its PostScript name, and then
    // every later switch to the registered 'regular' would parse the whole font again.
    font: null as unknown as string,
    lang: o.lang,
    info: { Title: o.title, Producer: 'АЖО', Creator: 'АЖО', CreationDate: o.createdAt },
    autoFirstPage: false,
  });
  doc.registerFont('regular', o.fonts.regular);
  doc.registerFont('bold', o.fonts.bold);
  doc.font('regular');
  if (o.training) doc.on('pageAdded', () => drawTrainingMark(doc));
  doc.addPage();
  return doc;
}

/** The band across the top and a faint diagonal word: no page of training can pass for a real one. */
function drawTrainingMark(doc: Pdf): void {
  const { x, y } = doc;
  const width = doc.page.width;
  const height = doc.page.height;
  const narrow = width < 300;
  const band = narrow ? 26 : 22;
  doc.save();
  doc.rect(0, 0, width, band).fill('#b00020');
  doc
    .fillColor('#ffffff')
    .font('bold')
    .fontSize(narrow ? 7.5 : 10)
    .text(TRAINING_MARK, 4, narrow ? 4 : 6, { width: width - 8, align: 'center', lineBreak: true });
  if (!narrow) {
    doc.fillColor('#b00020').fillOpacity(0.08).font('bold').fontSize(54);
    doc.rotate(-35, { origin: [width / 2, height / 2] });
    doc.text('ОҚУ РЕЖИМІ · TRAINING', 0, height / 2 - 30, { width, align: 'center', lineBreak: false });
  }
  doc.restore();
  doc.fillColor('#000000').fillOpacity(1).font('regular');
  // The content starts below the band, where the margins put it otherwise.
  doc.x = x;
  doc.y = Math.max(y, band + 8);
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * A thermal receipt is as long as what it says. pdfkit fixes the page size up front, so the
 * content is laid out once on a long scratch page to measure it, then again on a page cut to fit.
 */
export async function thermalPdf(o: Omit<PdfOptions, 'size'>, draw: (doc: Pdf) => void): Promise<Buffer> {
  const scratch = newPdf({ ...o, size: [THERMAL_WIDTH, 14_400] });
  draw(scratch);
  const height = Math.ceil(scratch.y + o.margin);
  const doc = newPdf({ ...o, size: [THERMAL_WIDTH, height] });
  draw(doc);
  return pdfBytes(doc);
}
