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
