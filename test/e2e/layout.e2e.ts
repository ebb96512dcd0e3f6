import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addOperator, createAdmin, msg, saveScreen, switchLocale } from './steps';

async function overflowsSideways(page: Page, testId: string): Promise<boolean> {
  // The table's scrolling box is its parent (.table-wrap).
  return page.getByTestId(testId).evaluate((table) => {
    const box = (table as unknown as { parentElement: { scrollWidth: number; clientWidth: number } }).parentElement;
    return box.scrollWidth > box.clientWidth + 1;
  });
}

test.describe('a 1024 px counter screen', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  // Regression: the Kazakh "Құпиясөзді қалпына келтіру" pushed the row actions out of view.
  test('the operators table fits without sideways scrolling, in Kazakh and Russian', async ({ app: page }) => {
    await createAdmin(page);
    await page.getByRole('button', { name: msg('kk', 'nav.operators') }).click();
    await addOperator(page);
    expect(await overflowsSideways(page, 'operators-table')).toBe(false);
    await expect(page.getByRole('button', { name: msg('kk', 'action.disable'), exact: true })).toBeInViewport();
    await saveScreen(page, 'operators-1024', 'kk');
    await switchLocale(page, 'ru');
    await expect(page.getByRole('button', { name: msg('ru', 'action.disable'), exact: true })).toBeInViewport();
    await saveScreen(page, 'operators-1024', 'ru');
    expect(await overflowsSideways(page, 'operators-table')).toBe(false);
  });
});
