import { fileURLToPath } from 'node:url';
/** Steps of the counter flow, written as an operator does them, shared by the case journeys. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { admin, operator } from './people';
import { msg, saveScreen, switchLocale, type Locale } from './steps';

/** The training population's people (src/core/gateway/trainingGateway.ts). */
export const SARSENOV = { iin: '900101300007', fullName: 'Сәрсенов Ерлан Қайратұлы' };
export const ZHUMABAEVA = { iin: '850315400035', fullName: 'Жұмабаева Әйгерім Нұрланқызы' };
export const NOTARISED_POA = { number: 'НҚ-2025-0412', date: '10.02.2025', notary: 'Бекова Ә. С.' };

const TEMPORARY_PASSWORD = 'Уақытша-құпиясөз-1';

/**
 * The administrator, an operator (the e2e one unless another is given) with a changed password,
 * and that operator logged in — through the contract from the page (same origin, the session
 * cookie), then the page reloaded. The same journey through the screens is tested once, in the
 * full case. `adminExists`: the counter already knows the administrator (a branch's counter that
 * took the branch's accounts), who logs in instead of being created.
 */
export async function operatorLoggedIn(page: Page, person: typeof operator = operator, { adminExists = false } = {}): Promise<void> {
  await expect(page.getByTestId(adminExists ? 'login-screen' : 'setup-screen')).toBeVisible();
  const failures = await page.evaluate(
    async ({ admin, operator, temporary, adminExists }) => {
      const call = async (name: string, input: unknown) => {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        const body = (await response.json()) as { ok: boolean; error?: { code: string } };
        return body.ok ? null : `${name}: ${body.error?.code}`;
      };
      return [
        adminExists
          ? await call('auth.login', { login: admin.login, password: admin.password })
          : await call('setup.createAdmin', { login: admin.login, fullName: admin.fullName, iin: admin.iin, password: admin.password }),
        await call('operators.create', { login: operator.login, fullName: operator.fullName, iin: operator.iin, role: 'operator', password: temporary }),
        await call('auth.logout', {}),
        await call('auth.login', { login: operator.login, password: temporary }),
        await call('auth.changePassword', { current: temporary, next: operator.newPassword }),
      ].filter(Boolean);
    },
    { admin, operator: person, temporary: TEMPORARY_PASSWORD, adminExists },
  );
  expect(failures).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('home-view')).toBeVisible();
}

/** Saves the screen in Kazakh and in Russian (as printed, for a document), and comes back to Kazakh. */
export async function screens(page: Page, name: string, check?: (locale: Locale) => Promise<void>, media: 'screen' | 'print' = 'screen'): Promise<void> {
  const save = async (locale: Locale) => {
    await page.emulateMedia({ media });
    await saveScreen(page, `case-${name}`, locale);
    await page.emulateMedia({ media: 'screen' });
  };
  await save('kk');
  await switchLocale(page, 'ru');
  if (check) await check('ru');
  await save('ru');
  await switchLocale(page, 'kk');
}

/** No sideways scrolling on the counter screen. */
export async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

/** The element ends inside the window's width: nothing the operator needs is off to the right. */
export async function withinWidth(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, testId).not.toBeNull();
  expect(box!.x + box!.width, `${testId} right edge`).toBeLessThanOrEqual(width);
}

/** F2 from anywhere, a few letters, Enter on the highlighted service. */
export async function newCase(page: Page, query: string, regulationId: string, documentLocale: 'kk' | 'ru' = 'kk'): Promise<void> {
  await page.keyboard.press('F2');
  const choice = page.getByTestId('service-choice');
  await expect(choice).toBeVisible();
  const search = choice.getByRole('combobox', { name: msg('kk', 'choose.search') });
  await expect(search).toBeFocused();
  if (documentLocale === 'ru') await choice.getByRole('radio', { name: msg('kk', 'documentLocale.ru') }).check();
  await search.fill(query);
  const option = choice.locator(`[role="option"][data-regulation="${regulationId}"]`);
  await expect(option).toBeVisible();
  // Arrow down until the wanted service is highlighted.
  for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await search.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page.getByTestId('case-screen')).toBeVisible();
}

export function currentPanel(page: Page) {
  return page.getByTestId('current-panel');
}

export async function expectStep(page: Page, step: string): Promise<void> {
  await expect(page.getByTestId('case-screen')).toHaveAttribute('data-step', step);
}

/** The hand-over: every document ticked except those named. */
export async function handOver(page: Page, except: string[] = []): Promise<void> {
  await expectStep(page, 'start');
  const form = page.getByTestId('hand-over-form');
  await form.getByRole('button', { name: msg('kk', 'documents.tickAll') }).click();
  for (const name of except) await form.locator(`input[name="${name}"]`).uncheck();
  await form.getByRole('button', { name: msg('kk', 'handOver.submit') }).click();
  await expectStep(page, 'p2');
}

export async function requestForm(page: Page, applicantIin: string): Promise<void> {
  const form = page.getByTestId('request-form');
  const iin = form.getByLabel(msg('kk', 'request.applicantIin'), { exact: true });
  await expect(iin).toBeFocused();
  await iin.fill(applicantIin);
  await iin.press('Enter');
}

/** The training operator's key (resources/training-pki): the e2e operator is its holder. */
export const TRAINING_KEY = fileURLToPath(new URL('../../resources/training-pki/operator-valid.p12', import.meta.url));
export const TRAINING_KEY_PASSWORD = 'Training-2026';

/** Signs the request on the forward step with the training key, as the operator does, and sees it verified. */
export async function signWithTrainingKey(page: Page): Promise<void> {
  const signing = page.getByTestId('signing-panel');
  const pkcs12 = signing.getByTestId('signer-pkcs12');
  if (await pkcs12.count()) await pkcs12.check();
  await signing.getByTestId('key-file').setInputFiles(TRAINING_KEY);
  await signing.getByTestId('key-password').fill(TRAINING_KEY_PASSWORD);
  await signing.getByTestId('sign').click();
  await expect(signing.getByTestId('signature-verified')).toBeVisible();
}

/** Signs and forwards the request and lands on the receipt, opened for printing. */
export async function forward(page: Page): Promise<void> {
  await expectStep(page, 'p5');
  await signWithTrainingKey(page);
  await page.getByTestId('forward').click();
  const doc = page.getByTestId('document-view');
  await expect(doc).toHaveAttribute('data-kind', 'receipt');
  await expect(doc.getByTestId('document-page')).toBeVisible();
}

export async function backToCase(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-screen')).toBeVisible();
}
