import { test, expect } from './fixtures';
import { admin, withWrongCheckDigit } from './people';
import { createAdmin, fillSetup, msg, saveScreen, switchLocale } from './steps';

test('first run: a person creates the administrator, with the IIN checked as it is typed', async ({ app: page }) => {
  const setup = page.getByTestId('setup-screen');
  await expect(setup.getByRole('heading', { name: msg('kk', 'setup.title') })).toBeVisible();
  // The first field has the cursor: the whole form is done from the keyboard.
  await expect(setup.getByLabel(msg('kk', 'field.login'), { exact: true })).toBeFocused();

  const iin = setup.getByLabel(msg('kk', 'field.iin'), { exact: true });
  await iin.fill(withWrongCheckDigit(admin.iin));
  await expect(setup.getByText(msg('kk', 'reason.iin.checksum'))).toBeVisible();
  await iin.fill(admin.iin);
  await expect(setup.getByText(msgStartOf('iin.valid'))).toBeVisible();

  await fillSetup(page, admin, 'бір басқа құпиясөз');
  await saveScreen(page, 'setup', 'kk');
  await setup.getByRole('button', { name: msg('kk', 'action.createAdmin') }).click();
  await expect(setup.getByText(msg('kk', 'reason.password.mismatch'))).toBeVisible();
  await expect(setup.getByText(msg('kk', 'error.VALIDATION'))).toBeVisible();

  await switchLocale(page, 'ru');
  await expect(setup.getByText(msg('ru', 'reason.password.mismatch'))).toBeVisible();
  await saveScreen(page, 'setup', 'ru');
  await switchLocale(page, 'kk');

  await createAdmin(page);
  await expect(page.getByTestId('operator-badge')).toContainText(admin.fullName);
  await expect(page.getByTestId('operator-badge')).toContainText(msg('kk', 'role.admin'));
  await saveScreen(page, 'home', 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByText(msg('ru', 'home.process1'))).toBeVisible();
  await saveScreen(page, 'home', 'ru');
});

test('there is no default password: the setup screen stays until an administrator is created', async ({ app: page }) => {
  await page.reload();
  await expect(page.getByTestId('setup-screen')).toBeVisible();
});

function msgStartOf(key: string): string {
  return msg('kk', key).split('{')[0]!.trim();
}
