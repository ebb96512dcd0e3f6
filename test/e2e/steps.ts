/** Steps several journeys share, written as an operator would do them. */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { admin, operator } from './people';

export type Locale = 'kk' | 'ru' | 'en';

/** The slice of the page's globals the tests read in page.evaluate: the Node tsconfig has no DOM. */
export interface PageGlobals {
  document: {
    fonts: {
      ready: Promise<unknown>;
      load(font: string, text: string): Promise<{ family: string; status: string; unicodeRange: string }[]>;
      check(font: string, text: string): boolean;
    };
  };
}

const catalogs = new Map<Locale, Record<string, string>>();

/** The UI's own sentence for a key, so the tests follow the catalogues instead of copying them. */
export function msg(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    // Every screen family keeps its sentences in a file of its own (src/renderer/i18n/catalog.ts):
    // kk.json and queue.kk.json, backup.kk.json, … are read together, as the renderer merges them.
    const dir = fileURLToPath(new URL('../../src/renderer/i18n/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f === `${locale}.json` || f.endsWith(`.${locale}.json`)).sort((a, b) => (a === `${locale}.json` ? -1 : b === `${locale}.json` ? 1 : 0));
    catalog = Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>)) as Record<string, string>;
    catalogs.set(locale, catalog);
  }
  const text = catalog[key];
  if (text === undefined) throw new Error(`no message ${key} in ${locale}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Everything before the first placeholder: for matching sentences with numbers in them. */
export function msgStart(locale: Locale, key: string): string {
  return msg(locale, key).split('{')[0]!;
}

const SCREENS_DIR = fileURLToPath(new URL('../../test-results/screens', import.meta.url));

export async function saveScreen(page: Page, name: string, locale: Locale): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // Fonts arrive after the first paint; a screenshot before them would show the fallback face.
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready);
  // From the top, so sticky bars (the training banner) stay where the operator sees them.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: resolve(SCREENS_DIR, `${name}-${locale}.png`), fullPage: true });
}

export async function switchLocale(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('language-switch').getByRole('button', { name: msg(locale, `locale.${locale}.short`), exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

export async function fillSetup(page: Page, person = admin, repeat = person.password): Promise<void> {
  const form = page.getByTestId('setup-screen');
  await form.getByLabel(msg('kk', 'field.login'), { exact: true }).fill(person.login);
  await form.getByLabel(msg('kk', 'field.iin'), { exact: true }).fill(person.iin);
  await form.getByLabel(msg('kk', 'field.fullName'), { exact: true }).fill(person.fullName);
  await form.getByLabel(msg('kk', 'field.password'), { exact: true }).fill(person.password);
  await form.getByLabel(msg('kk', 'field.passwordRepeat'), { exact: true }).fill(repeat);
}

/** First run: the administrator is created and lands on the home page. */
export async function createAdmin(page: Page): Promise<void> {
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await fillSetup(page);
  await page.getByLabel(msg('kk', 'field.passwordRepeat'), { exact: true }).press('Enter');
  await expect(page.getByTestId('home-view')).toBeVisible();
}

/** Types the login and password and presses Enter; returns once the core has answered. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  const screen = page.getByTestId('login-screen');
  await screen.getByLabel(msg('kk', 'field.login'), { exact: true }).fill(login);
  await screen.getByLabel(msg('kk', 'field.password'), { exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/call/auth.login'));
  await screen.getByLabel(msg('kk', 'field.password'), { exact: true }).press('Enter');
  await answered;
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: msg('kk', 'action.logout') }).click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
}

/** On the Operators section: adds an operator with the generated temporary password, returns it. */
export async function addOperator(page: Page, person: { fullName: string; iin: string; login: string } = operator): Promise<string> {
  const view = page.getByTestId('operators-view');
  await view.getByRole('button', { name: msg('kk', 'action.addOperator') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(msg('kk', 'field.fullName'), { exact: true }).fill(person.fullName);
  await dialog.getByLabel(msg('kk', 'field.iin'), { exact: true }).fill(person.iin);
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).fill(person.login);
  const temporaryPassword = await dialog.getByLabel(msg('kk', 'field.temporaryPassword'), { exact: true }).inputValue();
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(view.locator(`tr[data-login="${person.login}"]`)).toBeVisible();
  return temporaryPassword;
}
