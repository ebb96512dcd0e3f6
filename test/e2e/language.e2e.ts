import { test, expect } from './fixtures';
import { admin } from './people';
import { createAdmin, msg, saveScreen, switchLocale, type PageGlobals } from './steps';

const KAZAKH_LETTERS = [...'әғқңөұүһі'];

test('the language switches kk → ru → en on the spot and is remembered', async ({ app: page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  const title = page.getByTestId('setup-screen').getByRole('heading', { level: 1 });
  await expect(title).toHaveText(msg('kk', 'setup.title'));

  await switchLocale(page, 'ru');
  await expect(title).toHaveText(msg('ru', 'setup.title'));
  await expect(page.getByText(msg('ru', 'field.fullName'), { exact: true })).toBeVisible();

  await switchLocale(page, 'en');
  await expect(title).toHaveText(msg('en', 'setup.title'));
  await expect(page.getByText(msg('en', 'field.fullName'), { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('setup-screen').getByRole('heading', { level: 1 })).toHaveText(msg('en', 'setup.title'));
  await saveScreen(page, 'setup', 'en');
});

test('Kazakh letters ә ғ қ ң ө ұ ү һ і come from the bundled Noto Sans and render', async ({ app: page }) => {
  await createAdmin(page);
  await expect(page.getByTestId('operator-badge')).toContainText(admin.fullName);

  const visible = await page.locator('body').innerText();
  for (const letter of KAZAKH_LETTERS) expect(visible, `visible text has «${letter}»`).toContain(letter);

  // The font face that covers these letters is ours (cyrillic-ext) and has loaded: no fallback
  // face and no empty boxes, whatever fonts the machine has.
  const faces = await page.evaluate(async (letters) => {
    const loaded = await (globalThis as unknown as PageGlobals).document.fonts.load('16px "Noto Sans"', letters);
    return loaded.map((face) => ({ family: face.family, status: face.status, range: face.unicodeRange }));
  }, KAZAKH_LETTERS.join(''));
  expect(faces.length).toBeGreaterThan(0);
  for (const face of faces) {
    expect(face.family.replace(/"/g, '')).toBe('Noto Sans');
    expect(face.status).toBe('loaded');
  }
  expect(faces.some((face) => /U\+460-52F/i.test(face.range))).toBe(true);
  expect(await page.evaluate((letters) => (globalThis as unknown as PageGlobals).document.fonts.check('600 16px "Noto Sans"', letters), KAZAKH_LETTERS.join(''))).toBe(true);
  await saveScreen(page, 'kazakh-letters', 'kk');

  await switchLocale(page, 'ru');
  await expect(page.getByRole('button', { name: msg('ru', 'action.lock') })).toBeVisible();
  await switchLocale(page, 'en');
  await expect(page.getByRole('button', { name: msg('en', 'action.lock') })).toBeVisible();
  await expect(page.getByText(msg('en', 'home.process1'))).toBeVisible();
  await saveScreen(page, 'home', 'en');
});
