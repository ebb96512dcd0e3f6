import { test, expect } from './fixtures';
import { admin } from './people';
import { createAdmin, logIn, logOut, msg, saveScreen, switchLocale } from './steps';

test('process 1: the operator logs in with login and password', async ({ app: page }) => {
  await createAdmin(page);
  await logOut(page);
  await expect(page.getByTestId('session-ended')).toHaveText(msg('kk', 'session.ended.logout'));
  await expect(page.getByLabel(msg('kk', 'field.login'), { exact: true })).toBeFocused();
  await saveScreen(page, 'login', 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByRole('heading', { name: msg('ru', 'login.title') })).toBeVisible();
  await saveScreen(page, 'login', 'ru');
  await switchLocale(page, 'kk');

  // Enter on an empty form is answered beside the fields, without asking the core.
  await page.getByLabel(msg('kk', 'field.login'), { exact: true }).press('Enter');
  await expect(page.getByText(msg('kk', 'reason.required')).first()).toBeVisible();
  await expect(page.getByLabel(msg('kk', 'field.login'), { exact: true })).toBeFocused();

  // Logins are case-insensitive; the password is not.
  await logIn(page, admin.login.toUpperCase(), admin.password);
  await expect(page.getByTestId('home-view')).toBeVisible();
  await expect(page.getByText(msg('kk', 'home.process1'))).toBeVisible();
});

test('a wrong password and an unknown login get the same message', async ({ app: page }) => {
  await createAdmin(page);
  await logOut(page);

  await logIn(page, admin.login, 'not-the-password');
  const problem = page.getByTestId('login-problem');
  await expect(problem).toHaveText(msg('kk', 'error.BAD_CREDENTIALS'));
  // The password field is emptied and has the cursor for the next try; the login stays.
  await expect(page.getByLabel(msg('kk', 'field.password'), { exact: true })).toHaveValue('');
  await expect(page.getByLabel(msg('kk', 'field.password'), { exact: true })).toBeFocused();
  await expect(page.getByLabel(msg('kk', 'field.login'), { exact: true })).toHaveValue(admin.login);
  await saveScreen(page, 'login-error', 'kk');

  await logIn(page, 'nobody.here', 'whatever-password');
  await expect(problem).toHaveText(msg('kk', 'error.BAD_CREDENTIALS'));

  await switchLocale(page, 'ru');
  await expect(problem).toHaveText(msg('ru', 'error.BAD_CREDENTIALS'));
  await saveScreen(page, 'login-error', 'ru');
});

test('five wrong passwords lock the login out, and the message says for how many minutes', async ({ app: page }) => {
  await createAdmin(page);
  await logOut(page);
  const problem = page.getByTestId('login-problem');

  for (let attempt = 1; attempt <= 4; attempt++) {
    await logIn(page, admin.login, `wrong-password-${attempt}`);
    await expect(problem).toHaveText(msg('kk', 'error.BAD_CREDENTIALS'));
  }
  await logIn(page, admin.login, 'wrong-password-5');
  await expect(problem).toHaveText(msg('kk', 'error.LOCKED_OUT', { minutes: 1 }));

  // Even the right password waits until the lockout is over.
  await logIn(page, admin.login, admin.password);
  await expect(problem).toHaveText(msg('kk', 'error.LOCKED_OUT', { minutes: 1 }));
  await expect(page.getByTestId('home-view')).toHaveCount(0);
  await saveScreen(page, 'login-locked-out', 'kk');
});
