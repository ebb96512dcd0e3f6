import { test, expect } from './fixtures';
import { createAdmin, msg, saveScreen, switchLocale } from './steps';

test.describe('a data folder that is not an АЖО database', () => {
  test.use({ hostOptions: { dataFiles: { 'azho.db': 'this is a shopping list, not a database\n'.repeat(200) } } });

  test('the storage screen says what happened, where, and what to do', async ({ app: page, host }) => {
    const screen = page.getByTestId('storage-screen');
    await expect(screen).toBeVisible();
    await expect(screen.getByRole('heading', { name: msg('kk', 'storage.title') })).toBeVisible();
    await expect(screen.getByTestId('storage-path')).toContainText(host.dataDir);
    await expect(screen.getByRole('alert')).toContainText(/хабарласыңыз|таңдаңыз|басыңыз|жаңартыңыз/);
    await saveScreen(page, 'storage', 'kk');
    await switchLocale(page, 'ru');
    await expect(screen.getByRole('heading', { name: msg('ru', 'storage.title') })).toBeVisible();
    await saveScreen(page, 'storage', 'ru');
  });
});

test.describe('training mode', () => {
  test.use({ hostOptions: { training: true } });

  test('the training banner is on every screen', async ({ app: page }) => {
    const banner = page.getByTestId('training-banner');
    await expect(banner).toHaveText(msg('kk', 'training.banner'));
    await createAdmin(page);
    await expect(banner).toBeVisible();
    await saveScreen(page, 'training-home', 'kk');
    await page.keyboard.press('Control+l');
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(banner).toBeVisible();
    await switchLocale(page, 'ru');
    await expect(banner).toHaveText(msg('ru', 'training.banner'));
    await saveScreen(page, 'training-lock', 'ru');
  });
});
