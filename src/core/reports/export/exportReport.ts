/** A supervisor's report as a file to save or print: CSV (Excel-ready), XLSX or a printable PDF. */
import type { ExportFormat, ExportedFile, Report } from '../../../shared/reports/report';
import type { PrintFonts } from '../../printing/pdfDocument';
import { reportCsv } from './csv';
import type { ExportLocale } from './labels';
import { reportPdf } from './pdf';
import { layoutReport, type ActNames } from './tables';
import { reportXlsx } from './xlsx';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** `report-2026-12-01_2026-12-07.csv`: the period in the name, so a folder of exports sorts by it. */
export function exportFilename(report: Report, format: ExportFormat): string {
  return `report-${report.query.from}_${report.query.to}.${format}`;
}

export async function exportReport(
  report: Report,
  format: ExportFormat,
  locale: ExportLocale,
  names: ActNames,
  fonts: PrintFonts,
): Promise<ExportedFile> {
  const layout = layoutReport(report, locale, names);
  const generatedAt = new Date(report.generatedAt);
  const bytes =
    format === 'csv'
      ? reportCsv(layout, locale)
      : format === 'xlsx'
        ? await reportXlsx(layout, generatedAt)
        : await reportPdf(layout, locale, { fonts, generatedAt });
  return { filename: exportFilename(report, format), mime: MIME[format], base64: bytes.toString('base64') };
}
