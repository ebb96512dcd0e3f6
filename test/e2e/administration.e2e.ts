import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { createAdmin, msg, saveScreen, switchLocale } from './steps';

test('the audit log lists logins and the chain verifies', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.audit') }).click();
  const view = page.getByTestId('audit-view');
  const table = view.getByTestId('audit-table');
  await expect(table).toContainText(msg('kk', 'audit.action.setup.adminCreated'));

  await view.getByRole('button', { name: msg('kk', 'action.verifyChain') }).click();
  await expect(view.getByTestId('audit-verdict')).toContainText(msg('kk', 'audit.verdict.ok').split('{')[0]!);
  await saveScreen(page, 'audit', 'kk');
  await switchLocale(page, 'ru');
  await expect(table).toContainText(msg('ru', 'audit.action.setup.adminCreated'));
  await saveScreen(page, 'audit', 'ru');
});

test('the audit log pages back by entry id until its first entry', async ({ app: page, host }) => {
  await createAdmin(page);
  // Fifty failed logins under different names: fifty more entries, none of them a lockout.
  const origin = new URL(host.url).origin;
  for (let i = 0; i < 50; i++) {
    const response = await page.request.post(`${origin}/api/call/auth.login`, {
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      data: { login: `nobody${i}`, password: 'wrong-password' },
    });
    expect((await response.json()) as unknown).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  }

  await page.getByRole('button', { name: msg('kk', 'nav.audit') }).click();
  const view = page.getByTestId('audit-view');
  const rows = view.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(view.getByText(msg('kk', 'audit.end'))).toHaveCount(0);
  await view.getByRole('button', { name: msg('kk', 'action.loadMore') }).click();
  await expect(view.getByText(msg('kk', 'audit.end'))).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(50);
  // Newest first, no entry twice, down to entry No. 1.
  const ids = (await rows.locator('td:first-child').allInnerTexts()).map(Number);
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.at(-1)).toBe(1);
});

test('the administrator sets the idle lock and the session limit', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
  const form = page.getByTestId('settings-form');
  const idle = form.getByLabel(msg('kk', 'field.idleLockMinutes'), { exact: true });
  const limit = form.getByLabel(msg('kk', 'field.sessionLimitMinutes'), { exact: true });
  await expect(idle).toBeFocused();

  await limit.fill('5');
  await limit.press('Enter');
  await expect(form.getByText(msg('kk', 'reason.outOfRange'))).toBeVisible();

  await idle.fill('2,5');
  await limit.fill('480');
  await limit.press('Enter');
  await expect(form.getByText(msg('kk', 'settings.saved'))).toBeVisible();
  await saveScreen(page, 'settings', 'kk');

  await page.reload();
  await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
  await expect(page.getByLabel(msg('kk', 'field.idleLockMinutes'), { exact: true })).toHaveValue('2,5');
  await expect(page.getByLabel(msg('kk', 'field.sessionLimitMinutes'), { exact: true })).toHaveValue('480');
});

test('the administrator sets the branch region and opening hours', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
  const form = page.getByTestId('branch-form');
  const region = form.getByLabel(msg('kk', 'field.region'), { exact: true });
  const opens = form.getByLabel(msg('kk', 'field.opensAt'), { exact: true });
  const closes = form.getByLabel(msg('kk', 'field.closesAt'), { exact: true });
  // Aktobe and 09:00–18:00 until someone says otherwise.
  await expect(region).toHaveValue('aktobe');
  await expect(opens).toHaveValue('09:00');
  await expect(closes).toHaveValue('18:00');

  await opens.fill('9 00');
  await opens.press('Enter');
  await expect(form.getByText(msg('kk', 'reason.time.format'))).toBeVisible();
  await opens.fill('19:00');
  await opens.press('Enter');
  await expect(form.getByText(msg('kk', 'reason.time.closesBeforeOpens'))).toBeVisible();

  await region.selectOption('karaganda');
  await opens.fill('08:30');
  await closes.fill('17:30');
  await closes.press('Enter');
  await expect(form.getByText(msg('kk', 'branch.saved'))).toBeVisible();
  await saveScreen(page, 'settings-branch', 'kk');
  await switchLocale(page, 'ru');
  await expect(form.getByLabel(msg('ru', 'field.region'), { exact: true }).locator('option:checked')).toHaveText(msg('ru', 'region.karaganda'));
  await saveScreen(page, 'settings-branch', 'ru');

  await page.reload();
  await page.getByRole('button', { name: msg('ru', 'nav.settings') }).click();
  await expect(page.getByTestId('branch-form').getByLabel(msg('ru', 'field.opensAt'), { exact: true })).toHaveValue('08:30');
  await expect(page.getByTestId('branch-form').getByLabel(msg('ru', 'field.region'), { exact: true })).toHaveValue('karaganda');
});

test('the administrator sets whom the operators\' signatures must chain to; unreadable PEM is pointed at', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
  const form = page.getByTestId('signing-settings-form');
  const roots = form.getByLabel(msg('kk', 'signingSettings.roots'), { exact: true });
  await roots.fill('-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----');
  await form.getByRole('button', { name: msg('kk', 'action.save') }).click();
  await expect(form.getByText(msg('kk', 'reason.signing.pem'))).toBeVisible();
  const trainingRoots = readFileSync(fileURLToPath(new URL('../../resources/training-pki/trusted-roots.pem', import.meta.url)), 'utf8');
  await roots.fill(trainingRoots);
  await form.getByRole('button', { name: msg('kk', 'action.save') }).click();
  await expect(form.getByText(msg('kk', 'signingSettings.saved'))).toBeVisible();
  await form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-signing', 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByTestId('signing-settings')).toContainText(msg('ru', 'signingSettings.title'));
  await saveScreen(page, 'settings-signing', 'ru');
});
