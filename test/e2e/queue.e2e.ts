/**
 * The electronic queue in the hall and at the window: tickets from the kiosk (one barrier-free),
 * the operator calling, recalling, marking a no-show, transferring and serving one into a case,
 * and the board showing and announcing every call — each screen a browser of its own, as in a hall.
 */
import { operatorLoggedIn } from './cases';
import { test, expect } from './fixtures';
import {
  S1_AKTOBE, animationsDone, announced, currentTicket, goToSection, hallScreen, kioskDone, kioskLocale, printed, setWindow, spoken, takeTicket,
} from './hall';
import { msg, saveScreen, switchLocale } from './steps';

test('kiosk tickets, calls at window 1 with the board announcing them, a no-show, a transfer and a case', async ({ app: page, host, browser }) => {
  test.setTimeout(120_000);
  const hallProblems: string[] = [];
  await operatorLoggedIn(page);

  // ---- The kiosk: three tickets for S1, the second one barrier-free. ----
  const kiosk = await hallScreen(browser, host.kioskUrl, hallProblems);
  await expect(kiosk.locator(`.kiosk-service[data-regulation="${S1_AKTOBE}"]`)).toBeVisible();

  const first = await takeTicket(kiosk, null, 'kk');
  await expect(first).toHaveAttribute('data-number', 'A-001');
  await expect(first.getByTestId('slip-ahead')).toHaveText('0');
  await expect.poll(() => printed(kiosk), { message: 'the ticket is sent to the printer' }).toBe(1);
  await kioskDone(kiosk, 'kk');

  const second = await takeTicket(kiosk, 'elderly');
  await expect(second).toHaveAttribute('data-number', 'A-002');
  await expect(second).toContainText(msg('kk', 'queue.kiosk.priorityLine', { category: msg('kk', 'queue.priority.elderly') }));
  // A barrier-free ticket goes ahead of the regular one already waiting.
  await expect(second.getByTestId('slip-ahead')).toHaveText('0');
  await saveScreen(kiosk, 'queue-kiosk-ticket', 'kk');
  await kiosk.emulateMedia({ media: 'print' });
  await saveScreen(kiosk, 'queue-kiosk-print', 'kk');
  await kiosk.emulateMedia({ media: 'screen' });
  await kioskDone(kiosk, 'kk');

  await kioskLocale(kiosk, 'ru');
  const third = await takeTicket(kiosk, null, 'ru');
  await expect(third).toHaveAttribute('data-number', 'A-003');
  await expect(third.getByTestId('slip-ahead')).toHaveText('2');
  await expect(third).toContainText(msg('ru', 'queue.kiosk.peopleAhead'));
  await saveScreen(kiosk, 'queue-kiosk-ticket', 'ru');
  await kiosk.emulateMedia({ media: 'print' });
  await saveScreen(kiosk, 'queue-kiosk-print', 'ru');
  await kiosk.emulateMedia({ media: 'screen' });
  // After the ticket the kiosk starts again in the state language.
  await kiosk.getByRole('button', { name: msg('ru', 'queue.kiosk.done'), exact: true }).click();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'kk');

  // ---- The board: no operator there; the hall staff turn the sound on once. ----
  const board = await hallScreen(browser, host.boardUrl, hallProblems);
  await board.getByTestId('board-sound').click();
  await expect(board.getByTestId('board-next').locator('li')).toHaveText(['A-002', 'A-001', 'A-003']);

  // ---- The operator: window 1 serving group A. ----
  await goToSection(page, 'nav.queue');
  await setWindow(page, '1', ['A']);
  const lineA = page.getByTestId('queue-lines').locator('tr[data-group="A"]');
  await expect(lineA.getByTestId('regular')).toHaveText('2');
  await expect(lineA.getByTestId('priority')).toHaveText('1');

  // F5: the barrier-free ticket first.
  await page.keyboard.press('F5');
  await expect(currentTicket(page)).toHaveAttribute('data-number', 'A-002');
  await expect(currentTicket(page)).toHaveAttribute('data-state', 'called');
  const latest = board.locator('.board-row--latest');
  await expect(latest).toHaveAttribute('data-number', 'A-002');
  await expect(latest).toHaveAttribute('data-window', '1');

  // F6: called again, counted.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('queue-recalls')).toHaveText('1 / 3');
  await expect(page.getByTestId('queue-done')).toHaveText(msg('kk', 'queue.done.recalled', { number: 'A-002' }));

  // F7: nobody came.
  await page.keyboard.press('F7');
  await expect(page.getByTestId('queue-done')).toHaveText(msg('kk', 'queue.done.noShow', { number: 'A-002' }));
  await expect(currentTicket(page)).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId('queue-today').locator('tr[data-number="A-002"]')).toHaveAttribute('data-state', 'noShow');

  // F5: then first come, first served.
  await page.keyboard.press('F5');
  await expect(currentTicket(page)).toHaveAttribute('data-number', 'A-001');

  // F10: transferred to window 2, keeping its number.
  await page.keyboard.press('F10');
  const transfer = page.getByTestId('transfer-form');
  await transfer.getByLabel(msg('kk', 'queue.transfer.toWindow')).check();
  await transfer.getByLabel(msg('kk', 'queue.transfer.window'), { exact: true }).fill('2');
  await transfer.getByRole('button', { name: msg('kk', 'queue.transfer.submit') }).click();
  await expect(page.getByTestId('queue-done')).toHaveText(msg('kk', 'queue.done.transferredToWindow', { number: 'A-001', window: '2' }));
  const a001 = page.getByTestId('queue-today').locator('tr[data-number="A-001"]');
  await expect(a001).toHaveAttribute('data-state', 'waiting');
  await expect(a001.locator('td').nth(2)).toHaveText('2');

  // F5: A-001 waits for window 2, so window 1 gets A-003.
  await page.keyboard.press('F5');
  await expect(currentTicket(page)).toHaveAttribute('data-number', 'A-003');
  await expect(latest).toHaveAttribute('data-number', 'A-003');
  await expect(latest).toHaveAttribute('data-window', '1');
  await expect(board.getByTestId('board-next').locator('li')).toHaveText(['A-001']);

  // Every call was announced: chime, then Kazakh, then Russian — the recall too.
  const say = (number: string) => announced(number, '1');
  await expect
    .poll(() => spoken(board), { timeout: 20_000, message: 'what the board said' })
    .toEqual([...say('A-002'), ...say('A-002'), ...say('A-001'), ...say('A-003')]);

  await animationsDone(board);
  await saveScreen(board, 'queue-board', 'kk');
  await page.mouse.move(0, 0);
  await saveScreen(page, 'queue-operator', 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByRole('button', { name: msg('ru', 'queue.action.startService') })).toBeVisible();
  await saveScreen(page, 'queue-operator', 'ru');
  await switchLocale(page, 'kk');

  // The board's own controls follow the language chosen on it; the headings are always in both.
  await board.getByRole('button', { name: msg('kk', 'queue.board.settings') }).click();
  const boardSettings = board.getByTestId('board-settings');
  await boardSettings.getByTestId('language-switch').getByRole('button', { name: msg('ru', 'locale.ru.short'), exact: true }).click();
  await expect(boardSettings.getByLabel(msg('ru', 'queue.board.template.kk'), { exact: true })).toHaveValue('{number} талон, {window}-терезе');
  await saveScreen(board, 'queue-board-settings', 'ru');
  await boardSettings.getByRole('button', { name: msg('ru', 'action.cancel') }).click();
  await expect(board.getByRole('button', { name: msg('ru', 'queue.board.settings') })).toBeVisible();
  await saveScreen(board, 'queue-board', 'ru');

  // Nobody left for window 1: F5 says so instead of failing silently.
  // (First the current ticket must go: F8 serves it into a case.)
  await page.keyboard.press('F8');
  const start = page.getByTestId('start-service-form');
  await expect(start.locator(`input[name="regulationId"][value="${S1_AKTOBE}"]`)).toBeChecked();
  await saveScreen(page, 'queue-operator-start', 'kk');
  await start.getByLabel(msg('kk', 'documentLocale.ru')).check();
  await start.getByRole('button', { name: msg('kk', 'queue.start.submit') }).click();
  // The case opened for the ticket is on the case screen.
  await expect(page.getByTestId('case-screen')).toBeVisible();

  await goToSection(page, 'nav.queue');
  await expect(currentTicket(page)).toHaveAttribute('data-state', 'serving');
  await expect(page.getByTestId('queue-case-number')).toHaveText(/^A-/);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('queue-done')).toHaveText(msg('kk', 'queue.done.finished', { number: 'A-003' }));
  await expect(page.getByTestId('queue-today').locator('tr[data-number="A-003"]')).toHaveAttribute('data-state', 'done');
  // The board lets the served number go.
  await expect(board.getByTestId('board-called')).toHaveCount(0);

  await page.keyboard.press('F5');
  await expect(page.getByTestId('queue-problem')).toHaveText(msg('kk', 'error.QUEUE_EMPTY'));

  // P: a break; nothing is called to the window until work resumes.
  await page.keyboard.press('p');
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('data-paused', 'true');
  await expect(page.locator('[data-action="callNext"]')).toBeDisabled();
  await page.keyboard.press('p');
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('data-paused', 'false');

  // Shift+F5: any waiting ticket can be chosen, even one kept for another window.
  await page.keyboard.press('Shift+F5');
  const chosen = page.getByTestId('call-chosen');
  await expect(chosen.locator('[data-number]')).toHaveText([/A-001/]);
  await chosen.locator('[data-number="A-001"]').click();
  await expect(currentTicket(page)).toHaveAttribute('data-number', 'A-001');
  await expect(latest).toHaveAttribute('data-number', 'A-001');

  // The window is remembered in this browser: after a reload it is set again without asking.
  await page.reload();
  await goToSection(page, 'nav.queue');
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('data-window', '1');
  await expect(currentTicket(page)).toHaveAttribute('data-number', 'A-001');

  expect(hallProblems, 'console errors on the hall screens').toEqual([]);
});
