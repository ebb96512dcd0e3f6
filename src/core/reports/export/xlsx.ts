/**
 * A report as an Excel workbook (exceljs): one sheet per section — norms, breaches, cases,
 * refusals, survey, queue — each opening with the report's title, period and filters, then its
 * tables with bold header rows. Figures are stored as numbers (a format only changes how they
 * show), text as text: a cell's string is never read as a formula.
 */
import ExcelJS from 'exceljs';
import type { ColumnKind, ReportLayout } from './tables';

const FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, int: '0', decimal: '0.0', share: '0.0%' };

export async function reportXlsx(layout: ReportLayout, generatedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'АЖО';
  book.created = generatedAt;
  book.modified = generatedAt;
  for (const section of layout.sections) {
    const sheet = book.addWorksheet(section.title.slice(0, 31));
    sheet.addRow([layout.title]).font = { bold: true, size: 14 };
    for (const line of layout.heading) sheet.addRow([line]);
    if (layout.training) sheet.addRow([layout.training]).font = { bold: true, color: { argb: 'FFB00020' } };

    const widths: number[] = [];
    for (const table of section.tables) {
      sheet.addRow([]);
      if (table.title) sheet.addRow([table.title]).font = { bold: true, size: 12 };
      const header = sheet.addRow(table.columns.map((c) => c.header));
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      for (const values of table.rows) {
        const row = sheet.addRow(values);
        table.columns.forEach((c, i) => {
          const format = FORMATS[c.kind];
          if (format) row.getCell(i + 1).numFmt = format;
        });
      }
      if (table.note) sheet.addRow([table.note]).font = { italic: true };
      table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
    }
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
