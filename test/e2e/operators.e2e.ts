import { test, expect } from './fixtures';
import { admin, operator, withWrongCheckDigit } from './people';
import { addOperator, createAdmin, logIn, logOut, msg, saveScreen, switchLocale } from './steps';

test('the administrator adds an operator, who logs in with the temporary password and must change it', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.operators') }).click();
  const view = page.getByTestId('operators-view');
  await expect(view.getByTestId('operators-table')).toContainText(admin.login);

  await view.getByRole('button', { name: msg('kk', 'action.addOperator') }).click();
  const dialog = page.getByRole('dialog', { name: msg('kk', 'operators.create.title') });
  await expect(dialog).toBeVisible();
  const fullName = dialog.getByLabel(msg('kk', 'field.fullName'), { exact: true });
  await expect(fullName).toBeFocused();

  // Esc closes the dialog without adding anyone.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await view.getByRole('button', { name: msg('kk', 'action.addOperator') }).click();

  await fullName.fill(operator.fullName);
  await dialog.getByLabel(msg('kk', 'field.iin'), { exact: true }).fill(withWrongCheckDigit(operator.iin));
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).fill(operator.login);
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).press('Enter');
  await expect(dialog.getByText(msg('kk', 'reason.iin.checksum'))).toBeVisible();
  await expect(dialog.getByLabel(msg('kk', 'field.iin'), { exact: true })).toBeFocused();
  await dialog.getByLabel(msg('kk', 'field.iin'), { exact: true }).fill(operator.iin);
  await expect(dialog.getByLabel(msg('kk', 'field.role'), { exact: true })).toHaveValue('operator');
  const temporaryPassword = await dialog.getByLabel(msg('kk', 'field.temporaryPassword'), { exact: true }).inputValue();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
  await saveScreen(page, 'create-operator', 'kk');
  await dialog.getByLabel(msg('kk', 'field.iin'), { exact: true }).press('Enter');

  await expect(dialog).toHaveCount(0);
  await expect(view.getByTestId('temporary-password')).toHaveText(temporaryPassword);
  const row = view.locator(`tr[data-login="${operator.login}"]`);
  await expect(row).toContainText(operator.fullName);
  await expect(row).toContainText(msg('kk', 'role.operator'));
  await expect(row).toContainText(msg('kk', 'operators.status.mustChange'));
  await saveScreen(page, 'operators', 'kk');
  await switchLocale(page, 'ru');
  await expect(row).toContainText(msg('ru', 'operators.status.mustChange'));
  await saveScreen(page, 'operators', 'ru');
  await switchLocale(page, 'kk');

  // A login already taken is refused beside the field, in words.
  await view.getByRole('button', { name: msg('kk', 'action.addOperator') }).click();
  await dialog.getByLabel(msg('kk', 'field.fullName'), { exact: true }).fill('Басқа Адам Біреуұлы');
  await dialog.getByLabel(msg('kk', 'field.iin'), { exact: true }).fill(operator.iin);
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).fill(operator.login);
  await dialog.getByLabel(msg('kk', 'field.login'), { exact: true }).press('Enter');
  await expect(dialog.getByText(msg('kk', 'reason.login.taken'))).toBeVisible();
  await page.keyboard.press('Escape');

  await logOut(page);
  await logIn(page, operator.login, temporaryPassword);
  const change = page.getByTestId('change-password-screen');
  await expect(change).toBeVisible();
  await expect(change.getByTestId('operator-badge')).toContainText(operator.fullName);
  await saveScreen(page, 'change-password', 'kk');

  const current = change.getByLabel(msg('kk', 'field.currentPassword'), { exact: true });
  const next = change.getByLabel(msg('kk', 'field.newPassword'), { exact: true });
  const repeat = change.getByLabel(msg('kk', 'field.passwordRepeat'), { exact: true });
  await expect(current).toBeFocused();
  await current.fill(temporaryPassword);
  await next.fill(operator.newPassword);
  await repeat.fill(`${operator.newPassword}!`);
  await repeat.press('Enter');
  await expect(change.getByText(msg('kk', 'reason.password.mismatch'))).toBeVisible();

  await current.fill('not-the-temporary-one');
  await repeat.fill(operator.newPassword);
  await repeat.press('Enter');
  await expect(change.getByText(msg('kk', 'reason.password.wrong'))).toBeVisible();
  await switchLocale(page, 'ru');
  await expect(change.getByText(msg('ru', 'reason.password.wrong'))).toBeVisible();
  await saveScreen(page, 'change-password', 'ru');
  await switchLocale(page, 'kk');

  await current.fill(temporaryPassword);
  await current.press('Enter');
  await expect(page.getByTestId('home-view')).toBeVisible();
  await expect(page.getByTestId('operator-badge')).toContainText(msg('kk', 'role.operator'));
  // An operator sees no administration sections; the home page and the cases are there.
  const nav = page.getByRole('navigation');
  for (const section of ['operators', 'audit', 'settings']) await expect(nav.getByRole('button', { name: msg('kk', `nav.${section}`) })).toHaveCount(0);
  for (const section of ['home', 'cases']) await expect(nav.getByRole('button', { name: msg('kk', `nav.${section}`) })).toBeVisible();

  // The new password is the one that works from now on.
  await logOut(page);
  await logIn(page, operator.login, temporaryPassword);
  await expect(page.getByTestId('login-problem')).toHaveText(msg('kk', 'error.BAD_CREDENTIALS'));
  await logIn(page, operator.login, operator.newPassword);
  await expect(page.getByTestId('home-view')).toBeVisible();
});

test('a disabled operator cannot log in; a password reset lets them in with a new temporary password', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.operators') }).click();
  const view = page.getByTestId('operators-view');
  const temporaryPassword = await addOperator(page);
  const row = view.locator(`tr[data-login="${operator.login}"]`);

  await row.getByRole('button', { name: msg('kk', 'action.disable') }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(msg('kk', 'operators.disable.body'));
  await confirm.getByRole('button', { name: msg('kk', 'action.disable') }).click();
  await expect(row).toContainText(msg('kk', 'operators.status.disabled'));

  // An administrator is never offered to disable their own account.
  await expect(view.locator(`tr[data-login="${admin.login}"]`).getByRole('button', { name: msg('kk', 'action.disable') })).toHaveCount(0);

  await logOut(page);
  await logIn(page, operator.login, temporaryPassword);
  await expect(page.getByTestId('login-problem')).toHaveText(msg('kk', 'error.BAD_CREDENTIALS'));
  await logIn(page, admin.login, admin.password);
  await page.getByRole('button', { name: msg('kk', 'nav.operators') }).click();

  await row.getByRole('button', { name: msg('kk', 'action.enable') }).click();
  await expect(row).toContainText(msg('kk', 'operators.status.active'));

  await row.getByRole('button', { name: msg('kk', 'action.resetPassword') }).click();
  const reset = page.getByRole('dialog');
  const temporary = await reset.getByLabel(msg('kk', 'field.temporaryPassword'), { exact: true }).inputValue();
  await reset.getByLabel(msg('kk', 'field.temporaryPassword'), { exact: true }).press('Enter');
  await expect(view.getByTestId('temporary-password')).toHaveText(temporary);

  await logOut(page);
  await logIn(page, operator.login, temporary);
  await expect(page.getByTestId('change-password-screen')).toBeVisible();
});
