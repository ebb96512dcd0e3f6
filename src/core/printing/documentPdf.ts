/**
 * A document handed to the applicant (receipt/қолхат, refusal notice, issuance record) laid out
 * for print: on A4 for the office printer, or on an 80 mm thermal roll. The words are the ones the
 * core composed and stored with the case (documents/compose.ts); this only places them.
 */
import type { PrintedDocument } from '../../shared/cases';
import { A4, newPdf, pdfBytes, thermalPdf, type Pdf, type PrintFonts } from './pdfDocument';

export type Paper = 'a4' | 'thermal80';

export interface DocumentPdfOptions {
  paper: Paper;
  fonts: PrintFonts;
  training: boolean;
}

interface Scale {
  title: number;
  body: number;
  small: number;
  gap: number;
}

const A4_SCALE: Scale = { title: 16, body: 11, small: 9, gap: 10 };
const THERMAL_SCALE: Scale = { title: 11, body: 8, small: 7, gap: 6 };

export function documentPdf(document: PrintedDocument, o: DocumentPdfOptions): Promise<Buffer> {
  const common = { fonts: o.fonts, createdAt: new Date(document.createdAt), title: document.title, lang: document.locale, training: o.training };
  if (o.paper === 'thermal80') return thermalPdf({ ...common, margin: 10 }, (doc) => layout(doc, document, THERMAL_SCALE, true));
  const doc = newPdf({ ...common, size: A4, margin: 56 });
  layout(doc, document, A4_SCALE, false);
  return pdfBytes(doc);
}

function layout(doc: Pdf, d: PrintedDocument, s: Scale, narrow: boolean): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('bold').fontSize(s.title).text(d.title, left, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(s.body).fillColor('#333333').text(d.subtitle, { width, align: 'center' });
  doc.fillColor('#000000').moveDown(0.8);
  rule(doc, left, width);

  // Label and value side by side on A4; on a roll of 72 mm usable the value goes under its label.
  for (const f of d.fields) {
    const y = doc.y;
    if (narrow) {
      doc.font('regular').fontSize(s.small).fillColor('#444444').text(f.label, left, y, { width });
      doc.font('bold').fontSize(s.body).fillColor('#000000').text(f.value || '—', left, doc.y, { width });
      doc.moveDown(0.3);
    } else {
      const labelWidth = width * 0.38;
      doc.font('regular').fontSize(s.body).fillColor('#444444').text(f.label, left, y, { width: labelWidth - 8 });
      const afterLabel = doc.y;
      doc.font('bold').fillColor('#000000').text(f.value || '—', left + labelWidth, y, { width: width - labelWidth });
      doc.y = Math.max(afterLabel, doc.y) + 3;
    }
  }
  doc.fillColor('#000000').moveDown(0.5);

  for (const p of d.paragraphs) {
    doc.font('regular').fontSize(s.body).text(p, left, doc.y, { width, align: narrow ? 'left' : 'justify' });
    doc.moveDown(0.5);
  }

  if (d.list) {
    doc.moveDown(0.3).font('bold').fontSize(s.body).text(d.list.heading, left, doc.y, { width });
    doc.font('regular');
    d.list.items.forEach((item, i) => {
      doc.text(`${i + 1}. ${item}`, left + (narrow ? 4 : 12), doc.y, { width: width - (narrow ? 4 : 12) });
    });
    doc.moveDown(0.5);
  }

  doc.moveDown(narrow ? 0.5 : 1.5);
  for (const signature of d.signatures) {
    doc.font('regular').fontSize(s.small).text(signature, left, doc.y, { width });
    doc.moveDown(narrow ? 1.2 : 1.8);
    rule(doc, left, narrow ? width : width * 0.5);
  }
  doc.fontSize(s.small).fillColor('#555555').text(localTime(d.createdAt), left, doc.y + s.gap / 2, { width, align: 'right' });
  doc.fillColor('#000000');
}

function rule(doc: Pdf, left: number, width: number): void {
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor('#777777').stroke();
  doc.moveDown(0.5);
}

/** The document's time on the branch's clock (Kazakhstan, UTC+5), as printed on the paper. */
export function localTime(isoTime: string): string {
  const t = new Date(Date.parse(isoTime) + 5 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}
