/**
 * A report as CSV that Excel opens right: UTF-8 with a BOM (without it Excel reads Cyrillic and
 * Kazakh letters as the ANSI code page), `;` between cells and a decimal comma for the kk/ru
 * locales (what Excel expects where the system's list separator is `;`), `,` and a decimal point
 * for en, CRLF line ends, RFC 4180 quoting.
 */
import type { ExportLocale } from './labels';
import type { Cell, Column, ReportLayout } from './tables';

export function reportCsv(layout: ReportLayout, locale: ExportLocale): Buffer {
  const separator = locale === 'en' ? ',' : ';';
  const decimal = locale === 'en' ? '.' : ',';
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(cells.map((c) => quoted(c, separator)).join(separator));
  const textRow = (s: string) => row([neutralised(s)]);

  textRow(layout.title);
  layout.heading.forEach(textRow);
  if (layout.training) textRow(layout.training);
  for (const section of layout.sections) {
    lines.push('');
    textRow(section.title);
    for (const table of section.tables) {
      if (table.title) textRow(table.title);
      row(table.columns.map((c) => neutralised(c.header)));
      for (const r of table.rows) row(r.map((cell, i) => written(cell, table.columns[i]!, decimal)));
      if (table.note) textRow(table.note);
    }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function written(cell: Cell, column: Column, decimal: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return column.kind === 'int' ? String(cell) : String(cell).replace('.', decimal);
  return neutralised(cell);
}

/**
 * A text cell that starts like a formula (= + - @, or a tab or CR that some programs strip before
 * reading one) is opened by Excel as that formula: a name or a reason typed by someone becomes
 * code on the supervisor's machine. A leading apostrophe makes Excel show it as text.
 */
export function neutralised(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quoted(s: string, separator: string): string {
  return s.includes(separator) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}
