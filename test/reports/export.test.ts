/** The report's exports read back as the supervisor's programs would read them. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadPrintFonts } from '../../src/core/printing/pdfDocument';
import { exportReport } from '../../src/core/reports/export/exportReport';
import type { Report } from '../../src/shared/reports/report';
import { pdfInfo, pdfText, pdfToPng } from '../printing/poppler';
import { TITLES, WEEK, titleOf } from './exportFixture';

const fonts = loadPrintFonts(new URL('../../resources/', import.meta.url).pathname);
const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

/** RFC 4180, as Excel reads it: quoted cells may hold the separator, quotes (doubled) and line breaks. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

const csvOf = async (report: Report, locale: 'kk' | 'ru' | 'en') => {
  const file = await exportReport(report, 'csv', locale, { title: titleOf }, fonts);
  const raw = bytes(file);
  return { file, raw, text: raw.subarray(3).toString('utf8') };
};

describe('CSV', () => {
  it('kk: a BOM, `;`, CRLF, decimal commas; every figure reads back; quoting holds', async () => {
    const { file, raw, text } = await csvOf(WEEK, 'kk');
    expect(file).toMatchObject({ filename: 'report-2026-12-01_2026-12-07.csv', mime: 'text/csv; charset=utf-8' });
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text, ';');
    expect(rows[0]).toEqual(['Басшының есебі']);
    expect(rows).toContainEqual(['Кезең: 2026-12-01 — 2026-12-07']);
    expect(rows).toContainEqual([TITLES['s1-aktobe-285'], 'p2', '15 минут', '40', '512,5', '880', '3']);
    expect(rows).toContainEqual([TITLES['s2-birth-registration'], 'p5', '30–60 секунд', '12', '41', '75,25', '2']);
    expect(rows).toContainEqual([TITLES['s2-birth-registration'], 'p6', '—', '0', '', '', '0']);
    expect(rows).toContainEqual(['А-20261203-0002', TITLES['s2-birth-registration'], 'p5', '', '2026-12-03 10:00', 'әлі аяқталған жоқ', '2026-12-03 10:01', '95,5']);
    expect(rows).toContainEqual(['Ең ұзақ 2 көрсетілді, барлығы 5']);
    expect(rows).toContainEqual(['Бас тартылды', '9']);
    expect(rows).toContainEqual(['Барлығы', '57']);
    // The separator and quotes inside a reason survive the round trip.
    expect(rows).toContainEqual(['Өтініш беруші; "ЖТ МДҚ" деректері жоқ', '1']);
    expect(rows).toContainEqual(['Үдеріс пен нәтиженің сапасы', 'қанағаттандырды', '15', '0,75']);
    expect(rows).toContainEqual(['Барлығы', '500', '430', '50', '20', '420', '1260,5', '600', '1500']);
    expect(rows).toContainEqual(['2026-12-02', '400', '340', '42']);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const { text } = await csvOf(WEEK, 'ru');
    const rows = parseCsv(text, ';');
    expect(rows).toContainEqual([`'=HYPERLINK("http://example.invalid";"Открыть")`, '2']);
    expect(rows.find((r) => r[0]?.includes('SUM(A1:A9)'))?.[0]).toBe("'@SUM(A1:A9)");
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('en: `,` and decimal points, English words; the reasons in Russian (the acts have no English)', async () => {
    const { text } = await csvOf({ ...WEEK, training: true }, 'en');
    const rows = parseCsv(text, ',');
    expect(rows[0]).toEqual(["Supervisor's report"]);
    expect(rows).toContainEqual(['TRAINING MODE — not real data']);
    expect(rows).toContainEqual([TITLES['s1-aktobe-285'], 'p2', '15 minutes', '40', '512.5', '880', '3']);
    expect(rows).toContainEqual(['Не представлен полный пакет документов', '6']);
  });
});

describe('XLSX', () => {
  it('one sheet per section, bold headers, widths set, and the same figures read back', async () => {
    const file = await exportReport(WEEK, 'xlsx', 'kk', { title: titleOf }, fonts);
    expect(file.filename).toBe('report-2026-12-01_2026-12-07.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Нормалар', 'Нормадан асу', 'Өтініштер', 'Бас тартулар', 'Сауалнама', 'Кезек']);

    const rowsOf = (name: string) => {
      const out: { values: unknown[]; bold: boolean; formats: (string | undefined)[] }[] = [];
      book.getWorksheet(name)!.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        out.push({ values, bold: row.getCell(1).font?.bold === true, formats: values.map((_, i) => row.getCell(i + 1).numFmt) });
      });
      return out;
    };

    const norms = rowsOf('Нормалар');
    expect(norms[0]).toMatchObject({ values: ['Басшының есебі'], bold: true });
    const header = norms.find((r) => r.values[0] === 'Қызмет')!;
    expect(header.bold).toBe(true);
    const figures = norms.filter((r) => typeof r.values[3] === 'number').map((r) => r.values);
    expect(figures).toEqual(WEEK.norms.map((n) => [titleOf(n.regulationId), n.step, expect.any(String), n.count, n.medianSeconds ?? undefined, n.p90Seconds ?? undefined, n.breaches]));
    expect(book.getWorksheet('Нормалар')!.getColumn(1).width).toBe(40);

    const queue = rowsOf('Кезек');
    const total = queue.find((r) => r.values[0] === 'Барлығы')!.values;
    const t = WEEK.queue.total;
    expect(total).toEqual(['Барлығы', t.issued, t.served, t.noShow, t.unserved, t.waitMedianSeconds, t.waitP90Seconds, t.serviceMedianSeconds, t.serviceP90Seconds]);

    const survey = rowsOf('Сауалнама').filter((r) => typeof r.values[2] === 'number');
    expect(survey.map((r) => [r.values[2], r.values[3]])).toEqual(WEEK.survey.questions.flatMap((q) => q.answers.map((a) => [a.count, a.share])));
    expect(survey[0]!.formats[3]).toBe('0.0%');

    // A formula-looking reason is a text cell, not a formula.
    const sheet = book.getWorksheet('Бас тартулар')!;
    let hyperlink: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).includes('HYPERLINK')) hyperlink = row.getCell(1);
    });
    expect(hyperlink?.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('PDF', () => {
  it('a printable A4 report: title, period, filters, sections and figures in Kazakh', async () => {
    const file = await exportReport({ ...WEEK, query: { ...WEEK.query, group: 'A' } }, 'pdf', 'kk', { title: titleOf }, fonts);
    expect(file).toMatchObject({ filename: 'report-2026-12-01_2026-12-07.pdf', mime: 'application/pdf' });
    const pdf = bytes(file);
    const info = pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    const text = pdfText(pdf);
    for (const s of ['Басшының есебі', 'Кезең: 2026-12-01 — 2026-12-07', 'Кезек тобы: A', 'Нормадан асу', 'Сауалнама', 'Құжаттардың толық топтамасы ұсынылмады', '512,5', '75,0 %', 'әлі аяқталған жоқ']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('ОҚУ РЕЖИМІ');
    pdfToPng(pdf, 'report-week-kk');
  });

  it('a long training report: every page carries the training mark, the table header repeats', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...WEEK.breaches[0]!, caseNumber: `А-20261202-${String(i + 1).padStart(4, '0')}`, overSeconds: 1000 - i }));
    const pdf = bytes(await exportReport({ ...WEEK, training: true, breaches: many, breachesTotal: 640 }, 'pdf', 'ru', { title: titleOf }, fonts));
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThan(5);
    const text = pdfText(pdf);
    expect(text.split('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ / TRAINING').length - 1).toBe(pages);
    // pdftotext ends each page with a form feed: every page with breach rows starts them under the header.
    const breachPages = text.split('\f').filter((page) => page.includes('А-20261202-'));
    expect(breachPages.length).toBeGreaterThan(5);
    for (const page of breachPages) expect(page).toContain('Срок по норме');
    expect(text).toContain('А-20261202-0500');
    expect(text).toContain('Показаны 500 самых долгих из 640');
    pdfToPng(pdf, 'report-training-ru');
  });
});
