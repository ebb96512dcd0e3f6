/**
 * The link to the state systems in training: the simulator answers over TLS; the trainer takes it
 * down from the training panel, the operator accepts applicants without the ЖТ МДҚ answer, the
 * backlog shows what waits and why, and once the link is back every case finishes by itself —
 * the registration number on the receipt, the result in "to issue", the refusal kept for the
 * applicant to collect.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { backToCase, expectStep, fitsWidth, handOver, newCase, operatorLoggedIn, requestForm, SARSENOV, signWithTrainingKey, ZHUMABAEVA } from './cases';
import { test, expect } from './fixtures';
import { validIin } from './people';
import { msg, saveScreen, switchLocale, type Locale } from './steps';

const S1_AKTOBE = 's1-aktobe-285';
/** Born 3 February 1801: valid, and in no register the simulator holds. */
const ABSENT = validIin('010203', 1);
/** The target system decides a few seconds after it registers; the core asks every five. */
const DECIDED_MS = 30_000;

const gatewayCatalogs = new Map<Locale, Record<string, string>>();

/** The UI's sentence for a key, the gateway's own catalogue included (src/renderer/i18n/catalog.ts). */
function say(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let catalog = gatewayCatalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(fileURLToPath(new URL(`../../src/renderer/i18n/gateway.${locale}.json`, import.meta.url)), 'utf8')) as Record<string, string>;
    gatewayCatalogs.set(locale, catalog);
  }
  const text = catalog[key];
  if (text === undefined) return msg(locale, key, params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

const indicator = (page: Page) => page.getByTestId('link-indicator');
const nav = (page: Page, key: string) => page.getByRole('navigation').getByRole('button', { name: say('kk', key), exact: true });

/** `a` ends left of where `b` begins: nothing drawn over anything else. */
async function leftOf(a: Locator, b: Locator, what: string): Promise<void> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  expect(boxA && boxB, what).toBeTruthy();
  expect(boxA!.x + boxA!.width, what).toBeLessThanOrEqual(boxB!.x);
}

/** `a` ends inside `box` on the right: not cut off, not scrolled out of sight. */
async function endsInside(a: Locator, box: Locator, what: string): Promise<void> {
  const [inner, outer] = [await a.boundingBox(), await box.boundingBox()];
  expect(inner && outer, what).toBeTruthy();
  expect(inner!.x + inner!.width, what).toBeLessThanOrEqual(outer!.x + outer!.width);
}

/** The header's link words, however long, stay clear of the operator's name. */
async function headerClear(page: Page): Promise<void> {
  await leftOf(indicator(page).getByRole('button'), page.getByTestId('operator-badge'), 'link indicator beside the operator badge');
}

/** Saves the screen in Kazakh and in Russian, checking the Russian one, and comes back to Kazakh. */
async function screens(page: Page, name: string, check?: (locale: Locale) => Promise<void>): Promise<void> {
  await fitsWidth(page);
  await headerClear(page);
  await saveScreen(page, `gateway-${name}`, 'kk');
  await switchLocale(page, 'ru');
  if (check) await check('ru');
  await fitsWidth(page);
  await headerClear(page);
  await saveScreen(page, `gateway-${name}`, 'ru');
  await switchLocale(page, 'kk');
}

/** The trainer, on the case screen's training panel, puts the simulated state systems into a mode. */
async function simulatorMode(page: Page, mode: 'none' | 'down', screen?: string): Promise<void> {
  const training = page.getByTestId('training-data');
  if ((await training.getAttribute('open')) === null) await training.locator('summary').click();
  const control = training.getByTestId('gateway-fault');
  await control.getByLabel(say('kk', 'training.fault.mode'), { exact: true }).selectOption(mode);
  await control.getByRole('button', { name: say('kk', 'training.fault.apply') }).click();
  await expect(control.getByTestId('gateway-fault-on')).toHaveText(say('kk', 'training.fault.on', { mode: say('kk', `training.fault.${mode}`) }));
  if (screen) {
    await control.scrollIntoViewIfNeeded();
    await saveScreen(page, `gateway-${screen}`, 'kk');
  }
}

/** A new S1 case up to the request form, the documents handed over; returns its number. */
async function caseAtRequestForm(page: Page): Promise<string> {
  await newCase(page, 'мүгедек', S1_AKTOBE);
  const number = (await page.getByTestId('case-number').innerText()).trim();
  await handOver(page);
  return number;
}

/** The link is down: the case waits at process 3; the operator signs and forwards without the answer. */
async function acceptWithoutAnswer(page: Page, { screen, linkWasDown }: { screen?: string; linkWasDown: boolean }): Promise<void> {
  await expectStep(page, 'p3');
  const panel = page.getByTestId('current-panel');
  await expect(panel).toHaveAttribute('data-panel', 'acceptWithoutAnswer');
  const waiting = panel.getByTestId('waiting-panel');
  await expect(waiting.getByTestId('gateway-waiting')).toHaveText(say('kk', 'waiting.linkDown'));
  await expect(waiting.getByTestId('waiting-for')).toHaveText(say('kk', 'waiting.for.person'));
  const accept = panel.getByTestId('accept-without-answer');
  await expect(accept).toContainText(say('kk', 'accept.title'));
  const forward = accept.getByTestId('forward');
  // Already without a link when the panel opened, accepting is the next thing to do: the cursor is on
  // it. (Opened just after the first failed attempt, the link may not be judged down yet.)
  if (linkWasDown) await expect(page.getByTestId('signing-panel')).toBeVisible();
  // The case's request, its attempts and why the last one failed, on the case screen too.
  const outbox = page.getByTestId('case-outbox').locator('tr[data-kind="person"]');
  await expect(outbox).toHaveAttribute('data-state', 'pending');
  await expect(outbox).toContainText(say('kk', 'gateway.failure.unreachable'));
  // "Send now" fits the case screen's column: no sideways scrolling to reach it.
  await endsInside(outbox.getByTestId('retry-message'), page.getByTestId('case-outbox').locator('.table-wrap'), '"send now" inside the case\'s requests');
  if (screen) {
    await screens(page, screen, async (locale) => {
      await expect(waiting.getByTestId('gateway-waiting')).toHaveText(say(locale, 'waiting.linkDown'));
      await expect(accept).toContainText(say(locale, 'accept.title'));
      await endsInside(outbox.getByTestId('retry-message'), page.getByTestId('case-outbox').locator('.table-wrap'), '"send now" inside the case\'s requests');
    });
  }
  await signWithTrainingKey(page);
  await forward.click();
  const documentView = page.getByTestId('document-view');
  await expect(documentView).toHaveAttribute('data-kind', 'receipt');
  const receipt = documentView.getByTestId('document-page');
  // No registration number yet: the receipt says so, in the applicant's language.
  await expect(receipt.locator('.doc-pending')).toHaveText(msg('kk', 'document.pending'));
  await expect(receipt).toContainText('тіркеу нөмірі байланыс қалпына келгенде беріледі');
  await expect(receipt).not.toContainText(/ЕС-\d{6}/);
  if (screen) await saveScreen(page, `gateway-${screen}-receipt`, 'kk');
  await backToCase(page);
  // The counter part is over: nothing left for the applicant to wait for.
  await expect(page.getByTestId('current-panel')).toHaveAttribute('data-panel', 'waiting');
  await expect(page.getByTestId('counter-done')).toContainText(say('kk', 'waiting.counterDone'));
  await expectStep(page, 'p3');
}

test.describe('training: the simulated state systems', () => {
  test.use({ hostOptions: { training: true, decisionDelaySeconds: 3 } });

  test('online, down and back: cases accepted without the link finish by themselves, refusals wait to be collected', async ({ app: page }) => {
    test.setTimeout(240_000);
    await operatorLoggedIn(page);
    await expect(indicator(page)).toHaveAttribute('data-link', 'online');
    await expect(indicator(page)).toHaveText(say('kk', 'gateway.link.online'));

    // 1. Online: process 3 and condition 1 run by themselves, the request is registered at once.
    const first = await caseAtRequestForm(page);
    await requestForm(page, SARSENOV.iin);
    await expectStep(page, 'p5');
    const steps = page.getByTestId('step-list');
    await expect(steps.locator('[data-step="p3"]')).toHaveAttribute('data-state', 'done');
    await expect(steps.locator('[data-step="c1"]')).toContainText(msg('kk', 'step.answer.yes'));
    await expect(page.getByTestId('applicant-card')).toContainText(SARSENOV.fullName);
    await signWithTrainingKey(page);
    await page.getByTestId('forward').click();
    const documentView = page.getByTestId('document-view');
    await expect(documentView).toHaveAttribute('data-kind', 'receipt');
    const receipt = documentView.getByTestId('document-page');
    await expect(receipt).toContainText(first);
    await expect(receipt).toContainText(/ЕС-\d{6}/);
    await expect(receipt.locator('.doc-pending')).toHaveCount(0);
    await saveScreen(page, 'gateway-online-receipt', 'kk');
    await backToCase(page);
    // The target system decides a moment later; the core asks and the case moves on to process 8.
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'resultReady', { timeout: DECIDED_MS });
    await expectStep(page, 'p8');
    await expect(indicator(page)).toHaveAttribute('data-link', 'online');
    await screens(page, 'online', async (locale) => {
      await expect(indicator(page)).toHaveText(say(locale, 'gateway.link.online'));
    });

    // 2. The trainer takes the state systems down from the training panel.
    await simulatorMode(page, 'down', 'fault-switch');

    // A second applicant: the request form goes, ЖТ МДҚ does not answer; the header says so.
    const second = await caseAtRequestForm(page);
    await requestForm(page, ZHUMABAEVA.iin);
    await expect(indicator(page)).toHaveAttribute('data-link', 'offline');
    await expect(indicator(page).locator('.link-words')).toHaveText(say('kk', 'gateway.link.offline'));
    await expect(indicator(page).locator('.link-counts')).toHaveText(say('kk', 'gateway.count.pending', { n: 1 }));
    await acceptWithoutAnswer(page, { screen: 'waiting-offline', linkWasDown: false });

    // A third applicant, whom ЖТ МДҚ does not hold: accepted the same way.
    const third = await caseAtRequestForm(page);
    await requestForm(page, ABSENT);
    await acceptWithoutAnswer(page, { linkWasDown: true });

    // The backlog: both cases, each with its request, its attempts and the last failure.
    await indicator(page).getByRole('button').click();
    const backlog = page.getByTestId('gateway-backlog');
    await expect(backlog.getByTestId('link-summary')).toHaveAttribute('data-link', 'offline');
    await expect(backlog.getByTestId('link-summary')).toContainText(say('kk', 'gateway.linkMeans.offline'));
    await expect(backlog.getByTestId('link-summary')).toContainText(say('kk', 'gateway.lastFailure', { failure: say('kk', 'gateway.failure.unreachable') }));
    for (const number of [second, third]) {
      const card = backlog.locator(`[data-testid="backlog-case"][data-case="${number}"]`);
      await expect(card).toContainText(say('kk', 'gateway.backlog.step', { step: '3-үдеріс' }));
      const row = card.locator('tr[data-kind="person"]');
      await expect(row).toContainText(say('kk', 'gateway.kind.person'));
      await expect(row).toContainText(say('kk', 'gateway.state.pending'));
      await expect(row.locator('td').nth(2)).toHaveText(/^[1-9]\d*$/);
      await expect(row).toContainText(say('kk', 'gateway.failure.unreachable'));
      await expect(row.getByTestId('retry-message')).toBeVisible();
    }
    await expect(backlog.getByTestId('backlog-case')).toHaveCount(2);
    await screens(page, 'backlog', async (locale) => {
      await expect(backlog.getByTestId('link-summary')).toContainText(say(locale, 'gateway.linkMeans.offline'));
      await expect(backlog.locator('tr[data-kind="person"]').first()).toContainText(say(locale, 'gateway.failure.unreachable'));
    });

    // 3. Back to normal: the trainer switches the simulator back, on the second case's screen.
    await backlog.getByRole('button', { name: msg('kk', 'cases.openNumber', { number: second }) }).click();
    await expect(page.getByTestId('case-header-number')).toContainText(second);
    await expectStep(page, 'p3');
    await simulatorMode(page, 'none');
    // The case moves on by itself, on the screen the operator has open: condition 1, forwarding, registration.
    await expect(steps.locator('[data-step="c1"]')).toContainText(msg('kk', 'step.answer.yes'));
    await expect(steps.locator('[data-step="p5"]')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('case-facts')).toContainText(/ЕС-\d{6}/);
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'resultReady', { timeout: DECIDED_MS });
    await expectStep(page, 'p8');
    await expect(indicator(page)).not.toHaveAttribute('data-link', 'offline');
    await screens(page, 'back-online');

    // Nothing waits any more.
    await indicator(page).getByRole('button').click();
    await expect(backlog.getByTestId('backlog-empty')).toHaveText(say('kk', 'gateway.backlog.empty'));
    await expect(backlog.getByTestId('backlog-case')).toHaveCount(0);
    await screens(page, 'backlog-empty', async (locale) => {
      await expect(backlog.getByTestId('backlog-empty')).toHaveText(say(locale, 'gateway.backlog.empty'));
    });

    // "To issue": both results, and the third applicant's refusal waiting to be collected.
    await nav(page, 'nav.toIssue').click();
    const toIssue = page.getByTestId('to-issue-table');
    await expect(toIssue.locator(`tr[data-case="${first}"]`)).toContainText(msg('kk', 'status.resultReady'));
    await expect(toIssue.locator(`tr[data-case="${second}"]`)).toContainText(msg('kk', 'status.resultReady'));
    await expect(toIssue.locator(`tr[data-case="${third}"]`)).toContainText(msg('kk', 'status.refused'));
    await expect(toIssue.locator(`tr[data-case="${third}"]`)).toContainText(say('kk', 'collection.tag'));
    // Each row's "open" is in view, not scrolled off to the right of the table.
    const openThird = (locale: Locale) => toIssue.getByRole('button', { name: msg(locale, 'cases.openNumber', { number: third }) });
    const tableBox = page.getByTestId('to-issue').locator('.table-wrap');
    await endsInside(openThird('kk'), tableBox, '"open" inside the "to issue" table');
    await screens(page, 'to-issue', async (locale) => {
      await expect(toIssue.locator(`tr[data-case="${third}"]`)).toContainText(say(locale, 'collection.tag'));
      await endsInside(openThird(locale), tableBox, '"open" inside the "to issue" table');
    });

    // The second applicant's receipt has its registration number now.
    await toIssue.getByRole('button', { name: msg('kk', 'cases.openNumber', { number: second }) }).click();
    await expectStep(page, 'p8');
    await page.getByTestId('case-documents').getByRole('button', { name: msg('kk', 'document.openNamed', { name: msg('kk', 'document.receipt') }) }).click();
    await expect(documentView).toHaveAttribute('data-kind', 'receipt');
    await expect(receipt).toContainText(second);
    await expect(receipt).toContainText(/ЕС-\d{6}/);
    await expect(receipt.locator('.doc-pending')).toHaveCount(0);
    await expect(receipt).not.toContainText('тіркеу нөмірі байланыс қалпына келгенде беріледі');
    await saveScreen(page, 'gateway-receipt-registered', 'kk');
    await backToCase(page);

    // 4. The third applicant comes back for the refusal produced while they were away.
    await nav(page, 'nav.toIssue').click();
    await toIssue.getByRole('button', { name: msg('kk', 'cases.openNumber', { number: third }) }).click();
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'refused');
    await expect(steps.locator('[data-step="c1"]')).toContainText(msg('kk', 'step.answer.no'));
    await expect(page.getByTestId('refusal-notice')).toContainText(`4-үдеріс: ${msg('kk', 'outcome.refusalDataUnavailable')}`);
    const collection = page.getByTestId('awaiting-collection');
    await expect(collection).toContainText(say('kk', 'collection.title'));
    // The survey waits until the applicant is there.
    await expect(page.getByTestId('survey-form')).toHaveCount(0);
    await screens(page, 'collection', async (locale) => {
      await expect(collection).toContainText(say(locale, 'collection.title'));
    });
    await page.getByTestId('open-refusal').click();
    await expect(page.getByTestId('document-page')).toHaveAttribute('data-kind', 'refusalDataUnavailable');
    await expect(page.getByTestId('document-page')).toContainText(ABSENT);
    await saveScreen(page, 'gateway-collection-refusal', 'kk');
    await backToCase(page);
    await collection.getByTestId('hand-over-refusal').click();
    await expect(collection).toHaveCount(0);
    await expect(page.getByTestId('survey-form')).toBeVisible();
    await saveScreen(page, 'gateway-collected', 'kk');
    // Collected: it leaves "to issue".
    await nav(page, 'nav.toIssue').click();
    await expect(toIssue.locator(`tr[data-case="${second}"]`)).toBeVisible();
    await expect(toIssue.locator(`tr[data-case="${third}"]`)).toHaveCount(0);
  });
});
