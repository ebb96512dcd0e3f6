import { test, expect } from './fixtures';
import { admin } from './people';
import { createAdmin, msg, saveScreen, switchLocale } from './steps';

test.describe('idle lock', () => {
  test.use({ hostOptions: { idleLockSeconds: 3 } });

  test('an idle screen locks itself; the workstation is gone from the page until the password is given', async ({ app: page }) => {
    await createAdmin(page);
    await expect(page.getByTestId('app-frame')).toBeVisible();

    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible({ timeout: 10_000 });
    // Not hidden behind the lock screen: removed from the document.
    await expect(page.getByTestId('app-frame')).toHaveCount(0);
    expect(await page.content()).not.toContain(admin.iin);
    await expect(lock.getByText(msg('kk', 'lock.reason.idle'))).toBeVisible();
    await expect(lock.getByTestId('operator-badge')).toContainText(admin.fullName);
    const password = lock.getByLabel(msg('kk', 'field.password'), { exact: true });
    await expect(password).toBeFocused();
    await saveScreen(page, 'lock', 'kk');

    await password.fill('not-the-password');
    await password.press('Enter');
    await expect(lock.getByText(msg('kk', 'error.BAD_CREDENTIALS'))).toBeVisible();
    await expect(page.getByTestId('app-frame')).toHaveCount(0);

    await switchLocale(page, 'ru');
    await expect(lock.getByRole('heading', { name: msg('ru', 'lock.title') })).toBeVisible();
    await saveScreen(page, 'lock', 'ru');
    await switchLocale(page, 'kk');

    await password.fill(admin.password);
    await password.press('Enter');
    await expect(page.getByTestId('app-frame')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  });

  test('real activity postpones the idle lock', async ({ app: page }) => {
    await createAdmin(page);
    const touches: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call/auth.touch')) touches.push(request.url());
    });
    // Twice the idle limit of moving the pointer about, as an operator filling a form would.
    for (let step = 0; step < 24; step++) {
      await page.mouse.move(300 + (step % 2) * 40, 300 + step * 5);
      await page.waitForTimeout(250);
    }
    await expect(page.getByTestId('app-frame')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    // Throttled: a handful of touches, not one per pointer move.
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.length).toBeLessThan(8);

    await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 10_000 });
  });
});

test('five wrong passwords at the lock screen end the session and say why', async ({ app: page }) => {
  await createAdmin(page);
  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  const password = lock.getByLabel(msg('kk', 'field.password'), { exact: true });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await password.fill(`wrong-password-${attempt}`);
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/call/auth.unlock'));
    await password.press('Enter');
    await answered;
  }
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveText(msg('kk', 'session.ended.lockedOut'));
});

test('Ctrl+L locks the screen at once, and unlocking returns to the same section', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.settings') }).click();
  await expect(page.getByTestId('settings-view')).toBeVisible();

  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(lock.getByText(msg('kk', 'lock.reason.manual'))).toBeVisible();
  await expect(page.getByTestId('app-frame')).toHaveCount(0);

  const password = lock.getByLabel(msg('kk', 'field.password'), { exact: true });
  await password.fill(admin.password);
  await password.press('Enter');
  await expect(page.getByTestId('settings-view')).toBeVisible();
});

test('the lock holds across a reload: the core, not the page, keeps it', async ({ app: page }) => {
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'action.lock') }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('app-frame')).toHaveCount(0);
});
