/**
 * Steps of the electronic queue shared by the journeys: the hall's screens (the kiosk, the board),
 * each a browser of its own, and the operator's window — as a hall and an operator use them.
 */
import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures';
import { msg, saveScreen, type Locale } from './steps';

export const S1_AKTOBE = 's1-aktobe-285';

export interface Spoken {
  text: string;
  lang: string;
}

/** The slice of the hall pages' globals the stubs below use: the Node tsconfig has no DOM. */
interface HallGlobals {
  __spoken: Spoken[];
  __printed: number;
  speechSynthesis: { speak(u: { text: string; lang: string }): void };
  print(): void;
}

/** A page opened at `url`; its console errors and page errors go to `problems` (a bug even when the screen looks right). */
export async function openPage(page: Page, url: string, problems: string[]): Promise<Page> {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return page;
}

/** A browser of its own (its own cookie), opened by a one-time link: an operator's, at a counter. */
export async function ownBrowser(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  return openPage(await context.newPage(), url, problems);
}

/** A hall screen: a browser of its own, its speech and printing recorded (on every page it opens). */
export async function hallScreen(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  // Headless Chromium has no voices and no printer: record what would be said and printed instead.
  await context.addInitScript(() => {
    const w = globalThis as unknown as HallGlobals;
    w.__spoken = [];
    w.__printed = 0;
    w.speechSynthesis.speak = (u) => void w.__spoken.push({ text: u.text, lang: u.lang });
    w.print = () => void (w.__printed += 1);
  });
  return openPage(await context.newPage(), url, problems);
}

/** A fresh call blinks on the board for a few seconds: screenshots wait for it to settle. */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }).document;
    await Promise.all(doc.getAnimations().map((a) => a.finished));
  });
}

export const spoken = (board: Page) => board.evaluate(() => (globalThis as unknown as HallGlobals).__spoken);
export const printed = (kiosk: Page) => kiosk.evaluate(() => (globalThis as unknown as HallGlobals).__printed);

/** What the board says for a call: Kazakh, then Russian. */
export const announced = (number: string, window: string): Spoken[] => [
  { text: `${number} талон, ${window}-терезе`, lang: 'kk-KZ' },
  { text: `Талон ${number}, окно ${window}`, lang: 'ru-RU' },
];

export async function kioskLocale(kiosk: Page, locale: Locale): Promise<void> {
  await kiosk.getByTestId('kiosk-language').getByRole('button', { name: msg(locale, `locale.${locale}`), exact: true }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', locale);
}

/** At the kiosk: the service, then the barrier-free category or none; returns the slip. */
export async function takeTicket(kiosk: Page, priority: string | null, screens?: Locale, regulationId = S1_AKTOBE) {
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'service');
  if (screens) await saveScreen(kiosk, 'queue-kiosk', screens);
  await kiosk.locator(`.kiosk-service[data-regulation="${regulationId}"]`).click();
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'priority');
  if (screens) await saveScreen(kiosk, 'queue-kiosk-priority', screens);
  await kiosk.locator(`.kiosk-choice[data-priority="${priority ?? 'none'}"]`).click();
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'ticket');
  return kiosk.getByTestId('ticket-slip');
}

export async function kioskDone(kiosk: Page, locale: Locale): Promise<void> {
  await kiosk.getByRole('button', { name: msg(locale, 'queue.kiosk.done'), exact: true }).click();
  await expect(kiosk.getByTestId('kiosk')).toHaveAttribute('data-step', 'service');
}

/** The workstation's sections (the case screen has a navigation of its own: the act's steps). */
export async function goToSection(page: Page, key: string): Promise<void> {
  await page.getByRole('navigation', { name: msg('kk', 'nav.label') }).getByRole('button', { name: msg('kk', key) }).click();
}

/** On the queue section's first visit: the window's number and the groups it serves. */
export async function setWindow(page: Page, window: string, groups: string[]): Promise<void> {
  const setup = page.getByTestId('window-setup');
  await expect(setup).toBeVisible();
  await setup.getByLabel(msg('kk', 'queue.setup.window'), { exact: true }).fill(window);
  for (const group of groups) await setup.locator(`input[name="groups"][value="${group}"]`).check();
  await setup.getByRole('button', { name: msg('kk', 'queue.setup.save') }).click();
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('data-window', window);
}

export function currentTicket(page: Page) {
  return page.getByTestId('queue-current');
}
