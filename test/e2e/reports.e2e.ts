/**
 * The supervisor's week: the report read on the screen (figures, charts, the survey's words),
 * a figure drilled into and a case opened from it, the report exported as CSV, XLSX and PDF, in
 * Kazakh, Russian and English — with no CSP violation from the charts. The week's data is made
 * through the contract from the page (reportData.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fitsWidth, operatorLoggedIn } from './cases';
import { hallScreen, takeTicket } from './hall';
import { operator } from './people';
import { makeWeek, supervisor } from './reportData';
import { logIn, msg, saveScreen, switchLocale, type Locale, type PageGlobals } from './steps';

const SCREENS_DIR = fileURLToPath(new URL('../../test-results/screens', import.meta.url));

/** Every CSP violation the page reports, gathered from the first script on each load. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[]; document: { addEventListener(name: string, f: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number; columnNumber: number }) => void): void } };
    w.__csp = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return () => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);
}

async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('a supervisor reads the week, drills into a figure, opens a case and exports the report', async ({ app: page }) => {
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  const week = await makeWeek(page);
  await page.reload();
  await logIn(page, supervisor.login, supervisor.newPassword);
  await expect(page.getByTestId('home-view')).toBeVisible();

  const nav = page.getByRole('navigation', { name: msg('kk', 'nav.label') });
  await nav.getByRole('button', { name: msg('kk', 'nav.reports') }).click();
  const view = page.getByTestId('reports-view');
  const report = view.getByTestId('report');
  await expect(report).toBeVisible();

  // This week, Monday to Sunday, with today in it.
  const span = view.getByTestId('report-span');
  const [from, to, today] = await Promise.all([
    span.getAttribute('data-from'),
    span.getAttribute('data-to'),
    page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }),
  ]);
  expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1);
  expect((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000).toBe(6);
  expect(from! <= today && today <= to!).toBe(true);
  await expect(view.locator('[data-period="week"]')).toHaveAttribute('aria-pressed', 'true');

  // The figures: what the week made.
  const summary = view.getByTestId('report-summary');
  const figure = (name: string) => summary.locator(`[data-figure="${name}"] dd`);
  await expect(figure('cases')).toHaveText(String(week.cases));
  await expect(figure('refusals')).toHaveText(String(week.refused.length));
  await expect(figure('surveys')).toHaveText(String(week.surveys.length));
  await expect(figure('tickets')).toHaveText(String(week.tickets.issued));
  const status = view.getByTestId('status-table');
  await expect(status.locator('[data-status="refused"] td')).toHaveText(String(week.refused.length));
  await expect(status.locator('[data-status="inProgress"] td')).toHaveText(String(week.inProgress));
  const queue = view.getByTestId('queue-totals');
  await expect(queue.locator('[data-figure="issued"] dd')).toHaveText('3');
  await expect(queue.locator('[data-figure="served"] dd')).toHaveText('1');
  await expect(queue.locator('[data-figure="noShow"] dd')).toHaveText('1');
  // The steps walked, named by the act: three hand-overs ended (the fourth case is still at it).
  const norms = view.getByTestId('norms-table');
  await expect(norms.locator('tr[data-step="start"] [data-figure="count"]')).toHaveText('3');
  await expect(norms.locator('tr[data-step="start"] th')).toContainText(msg('kk', 'step.start'));
  // The survey: the appendix's own question, each answer's share.
  const survey = view.getByTestId('survey-processQuality');
  await expect(survey.locator('caption')).toHaveText(msg('kk', 'survey.q.processQuality'));
  await expect(survey.locator('[data-answer="3"] td').first()).toHaveText('1');
  await expect(survey.locator('[data-answer="3"] [data-figure="share"]')).toHaveText('50 %');
  await expect(survey.locator('[data-answer="2"] [data-figure="share"]')).toHaveText('0 %');
  // The refusal's reason as the act gives it, in Kazakh.
  await expect(view.getByTestId('refusal-reasons').locator('tbody tr')).toHaveCount(1);
  await expect(view.getByTestId('refusal-reasons').locator('tbody td')).toHaveText('2');

  // The charts are drawn (SVG) with translated legends.
  for (const chart of ['chart-tickets', 'chart-refusals', 'chart-survey']) {
    await expect(view.getByTestId(chart).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  }
  await expect(view.getByTestId('chart-tickets').locator('.recharts-legend-item-text')).toHaveText([
    msg('kk', 'reports.queue.issued'),
    msg('kk', 'reports.queue.served'),
    msg('kk', 'reports.queue.noShow'),
  ]);
  await expect(view.getByTestId('chart-tickets').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await fitsWidth(page);
  for (const locale of ['kk', 'ru', 'en'] as Locale[]) {
    if (locale !== 'kk') await switchLocale(page, locale);
    await expect(view.getByTestId('chart-survey').locator('.recharts-legend-item-text').first()).toHaveText(msg(locale, 'survey.answer.1'));
    await expect(view.getByTestId('report-queue').locator('h2')).toHaveText(msg(locale, 'reports.queue.title'));
    await saveScreen(page, 'reports', locale);
  }
  await switchLocale(page, 'kk');

  // A figure drilled into: the refused cases, and one of them opened on the cases screen.
  await status.locator('[data-status="refused"] button').click();
  const drill = page.getByTestId('drill-dialog');
  await expect(drill).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText(msg('kk', 'reports.drill.status', { status: msg('kk', 'status.refused') }));
  const rows = drill.getByTestId('drill-cases').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  expect((await rows.locator('th').allTextContents()).sort()).toEqual(week.refused.slice().sort());
  // The dialog is on the window, not the page: a picture of the window shows it as the supervisor does.
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
  await page.screenshot({ path: `${SCREENS_DIR}/reports-drill-kk.png` });
  const number = week.refused[0]!;
  await drill.locator(`tr[data-case="${number}"]`).getByRole('button', { name: msg('kk', 'reports.drill.open') }).click();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'refused');
  await expect(page.getByTestId('case-screen')).toContainText(number);

  // The refusal notice of that case as PDF, A4 and 80 mm, rendered by the core with the bundled font.
  await page.getByTestId('open-refusal').click();
  const documentView = page.getByTestId('document-view');
  await expect(documentView.getByTestId('document-page')).toBeVisible();
  await saveScreen(page, 'reports-refusal-document', 'kk');
  mkdirSync(SCREENS_DIR, { recursive: true });
  for (const paper of ['a4', 'thermal80']) {
    const file = await saved(Promise.all([page.waitForEvent('download'), documentView.getByTestId(`pdf-${paper}`).click()]).then(([d]) => d));
    expect(file.name).toMatch(/\.pdf$/);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const path = `${SCREENS_DIR}/reports-refusal-${paper}.pdf`;
    writeFileSync(path, file.bytes);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path, path.replace(/\.pdf$/, '')]);
    expect(execFileSync('pdftotext', [path, '-']).toString('utf8')).toContain(number);
  }

  // Back to the report; another week has nothing.
  await nav.getByRole('button', { name: msg('kk', 'nav.reports') }).click();
  await view.locator('[data-action="previous"]').click();
  await expect(view.getByTestId('report-empty')).toHaveText(msg('kk', 'reports.empty'));
  await view.locator('[data-action="next"]').click();
  await expect(figure('cases')).toHaveText(String(week.cases));
  // Today alone holds the whole week's data; a range typed by hand the same; a reversed one is refused.
  await view.locator('[data-period="day"]').click();
  await expect(span).toHaveAttribute('data-from', today);
  await expect(span).toHaveAttribute('data-to', today);
  await expect(figure('cases')).toHaveText(String(week.cases));
  await view.locator('[data-period="range"]').click();
  const range = view.getByTestId('report-range');
  const dotted = (day: string) => day.split('-').reverse().join('.');
  await range.locator('input[name="from"]').fill(dotted(from!));
  await range.locator('input[name="to"]').fill(dotted(today));
  await range.getByRole('button', { name: msg('kk', 'reports.period.show') }).click();
  await expect(span).toHaveAttribute('data-from', from!);
  await expect(figure('tickets')).toHaveText(String(week.tickets.issued));
  await range.locator('input[name="to"]').fill('01.01.2000');
  await range.getByRole('button', { name: msg('kk', 'reports.period.show') }).click();
  await expect(range.getByRole('alert')).toHaveText(msg('kk', 'reports.period.reversed'));
  await view.locator('[data-period="week"]').click();
  await expect(span).toHaveAttribute('data-from', from!);
  // Narrowed to the operator who served: the same cases; the filter is part of the query.
  await view.getByTestId('report-filters').locator('select[name="operator"]').selectOption(operator.login);
  await expect(figure('cases')).toHaveText(String(week.cases));
  await view.getByTestId('report-filters').locator('select[name="operator"]').selectOption('');

  // The exports, in the language on the screen.
  const exports = view.getByTestId('report-export');
  const csv = await saved(Promise.all([page.waitForEvent('download'), exports.locator('[data-export="csv"]').click()]).then(([d]) => d));
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8').slice(1);
  // The table rows use ';' between cells in Kazakh and Russian, as Excel there expects.
  const columns = (text: string, separator: string) => Math.max(...text.split('\r\n').map((line) => line.split(separator).length));
  expect(columns(csvText, ';')).toBeGreaterThanOrEqual(3);
  expect(csvText).toMatch(/[әғқңөұүһі]/i);

  await switchLocale(page, 'en');
  const csvEn = await saved(Promise.all([page.waitForEvent('download'), exports.locator('[data-export="csv"]').click()]).then(([d]) => d));
  expect(columns(csvEn.bytes.toString('utf8').slice(1), ',')).toBeGreaterThanOrEqual(3);
  await switchLocale(page, 'kk');

  const xlsx = await saved(Promise.all([page.waitForEvent('download'), exports.locator('[data-export="xlsx"]').click()]).then(([d]) => d));
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.length).toBeGreaterThan(0);
  const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join(' ');
  expect(cells).toMatch(/[әғқңөұүһі]/i);

  const pdf = await saved(Promise.all([page.waitForEvent('download'), exports.locator('[data-export="pdf"]').click()]).then(([d]) => d));
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  mkdirSync(SCREENS_DIR, { recursive: true });
  const pdfPath = `${SCREENS_DIR}/reports-export-kk.pdf`;
  writeFileSync(pdfPath, pdf.bytes);
  // The first page as a picture, to be looked at: Kazakh letters drawn by the bundled font.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, `${SCREENS_DIR}/reports-export-kk`]);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
  expect(text).toMatch(/[әғқңөұүһі]/i);
  await expect(view.getByTestId('export-saved')).toContainText(pdf.name);

  // Print in the web host: the PDF opens in a tab of its own, whose viewer prints it.
  const [tab] = await Promise.all([page.waitForEvent('popup'), exports.locator('[data-export="print"]').click()]);
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();

  // None at all: a chart's <style>, a style attribute or an eval (zod is told not to probe one,
  // src/renderer/zodConfig.ts) would each be refused by the CSP and reported here.
  expect(await violations(), 'CSP violations').toEqual([]);
});

test('the kiosk hands the ticket over as an 80 mm PDF, the number and the Kazakh words in it', async ({ app: page, browser, host }) => {
  const problems: string[] = [];
  // The kiosk issues once the workstation is set up.
  await operatorLoggedIn(page);
  const kiosk = await hallScreen(browser, host.kioskUrl, problems);
  const slip = await takeTicket(kiosk, null);
  await saveScreen(kiosk, 'reports-kiosk-ticket', 'kk');
  const number = await slip.getAttribute('data-number');
  const ticket = await saved(Promise.all([kiosk.waitForEvent('download'), kiosk.getByTestId('ticket-pdf').click()]).then(([d]) => d));
  expect(ticket.name).toMatch(/\.pdf$/);
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = `${SCREENS_DIR}/reports-ticket.pdf`;
  writeFileSync(path, ticket.bytes);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path, path.replace(/\.pdf$/, '')]);
  const text = execFileSync('pdftotext', [path, '-']).toString('utf8');
  expect(text).toContain(number!);
  expect(text).toMatch(/[әғқңөұүһі]/i);
  expect(problems).toEqual([]);
});
