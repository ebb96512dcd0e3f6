/**
 * A report as a printable PDF: A4 landscape (the queue's tables are nine columns wide), the title,
 * period and filters, then every section's tables; a table that runs onto the next page repeats
 * its header row there. In training every page carries the training mark (pdfDocument.ts).
 */
import { A4, newPdf, pdfBytes, type Pdf, type PrintFonts } from '../../printing/pdfDocument';
import type { ExportLocale } from './labels';
import type { Cell, Column, ReportLayout, Table } from './tables';

const MARGIN = 36;
const CELL_PAD = 3;
const SIZE = 8;
/** Rows laid out between yields to the core's event loop: a long report does not hold up the operators' calls. */
const ROWS_PER_SLICE = 60;

export async function reportPdf(layout: ReportLayout, locale: ExportLocale, o: { fonts: PrintFonts; generatedAt: Date }): Promise<Buffer> {
  const doc = newPdf({
    size: [A4[1], A4[0]],
    margin: MARGIN,
    fonts: o.fonts,
    createdAt: o.generatedAt,
    title: `${layout.title} ${layout.heading[0] ?? ''}`,
    lang: locale,
    training: layout.training !== null,
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(16).text(layout.title, MARGIN, doc.y, { width });
  doc.font('regular').fontSize(9);
  for (const line of layout.heading) doc.text(line, { width });
  if (layout.training) doc.font('bold').fillColor('#b00020').text(layout.training, { width }).fillColor('#000000');

  for (const section of layout.sections) {
    ensureRoom(doc, 60);
    doc.moveDown(0.8).font('bold').fontSize(12).text(section.title, MARGIN, doc.y, { width });
    for (const table of section.tables) await drawTable(doc, table, width, locale);
  }
  return pdfBytes(doc);
}

async function drawTable(doc: Pdf, table: Table, width: number, locale: ExportLocale): Promise<void> {
  ensureRoom(doc, 40);
  if (table.title) doc.moveDown(0.4).font('bold').fontSize(9.5).text(table.title, MARGIN, doc.y, { width });
  doc.moveDown(0.2);
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  // About 6 pt per character of the column's width: a two-column table is not stretched across the page.
  const tableWidth = Math.min(width, total * 6);
  const widths = table.columns.map((c) => (c.width / total) * tableWidth);
  const header = table.columns.map((c) => c.header);
  const headerRow = () => row(doc, header, table.columns, widths, true, rowHeight(doc, header, table.columns, widths, true));

  if (table.rows.length === 0) {
    headerRow();
    doc.font('regular').fontSize(SIZE).fillColor('#666666').text('—', MARGIN + CELL_PAD, doc.y + 2).fillColor('#000000');
    return;
  }
  headerRow();
  for (const [n, cells] of table.rows.entries()) {
    if (n > 0 && n % ROWS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const texts = cells.map((c, i) => shown(c, table.columns[i]!, locale));
    const height = rowHeight(doc, texts, table.columns, widths, false);
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      headerRow();
    }
    row(doc, texts, table.columns, widths, false, height);
  }
  if (table.note) doc.font('regular').fontSize(SIZE).fillColor('#555555').text(table.note, MARGIN, doc.y + 3, { width }).fillColor('#000000');
}

function rowHeight(doc: Pdf, texts: string[], columns: Column[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(SIZE);
  const line = doc.currentLineHeight(true);
  // A figure fits its column on one line; only text is measured (laying text out is pdfkit's slow part).
  const heights = texts.map((t, i) => (!bold && columns[i]!.kind !== 'text' ? line : doc.heightOfString(t || ' ', { width: widths[i]! - 2 * CELL_PAD })));
  return Math.max(line, ...heights) + 2 * CELL_PAD;
}

function row(doc: Pdf, texts: string[], columns: Column[], widths: number[], bold: boolean, height: number): void {
  const y = doc.y;
  if (bold) doc.rect(MARGIN, y, widths.reduce((a, b) => a + b, 0), height).fill('#e8eef4').fillColor('#000000');
  let x = MARGIN;
  texts.forEach((t, i) => {
    const w = widths[i]!;
    const align = columns[i]!.kind !== 'text' ? 'right' : 'left';
    doc.font(bold ? 'bold' : 'regular').fontSize(SIZE).text(t, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD, align });
    x += w;
  });
  doc.moveTo(MARGIN, y + height).lineTo(x, y + height).lineWidth(0.3).strokeColor('#aaaaaa').stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

function ensureRoom(doc: Pdf, points: number): void {
  if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
}

/** Figures as a reader expects them on paper: seconds to a tenth, shares as per cent, the locale's decimal mark. */
function shown(cell: Cell, column: Column, locale: ExportLocale): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  const decimal = locale === 'en' ? '.' : ',';
  if (column.kind === 'share') return `${(cell * 100).toFixed(1).replace('.', decimal)} %`;
  if (column.kind === 'decimal') return cell.toFixed(1).replace('.', decimal);
  return String(cell);
}
