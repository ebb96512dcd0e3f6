/**
 * A branch in Chromium: two operators at two windows of one branch, one kiosk, one board — each a
 * browser of its own, each on its own web host joined to one branch server (PostgreSQL), started
 * the way `npm run demo:branch` starts them (scripts/branchLauncher.ts). The kiosk issues for
 * every group from the branch's one numbering; the two windows call different tickets of it; the
 * board shows and announces both windows' calls, a board set to window 2 only that window's; a
 * ticket served into a case at window 1 is done at the branch, and its case is in the branch's
 * registry. Screenshots of each screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import pg from 'pg';
import { launchBranch, type LaunchedBranch } from '../../scripts/branchLauncher';
import { freshDatabase, postgresAvailable } from '../support/postgres';
import { operatorLoggedIn } from './cases';
import { test as base, expect } from './fixtures';
import {
  S1_AKTOBE, animationsDone, announced, currentTicket, goToSection, hallScreen, kioskDone, openPage, ownBrowser, setWindow, spoken, takeTicket,
} from './hall';
import { admin, operator, secondOperator } from './people';
import { msg, saveScreen, switchLocale } from './steps';

/** S2 (Ekibastuz): queue group B, beside S1's group A — offered in training, which lists every region's acts. */
const S2_EKIBASTUZ = 's2-ekibastuz-168-2';

interface BranchFixture {
  launched: LaunchedBranch;
  /** The branch's own database, for reading what the branch stored. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

const test = base.extend<{ branch: BranchFixture }>({
  branch: async ({}, use, testInfo) => {
    const db = await freshDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'azho-e2e-branch-'));
    const starting = new AbortController();
    const reader = new pg.Pool({ connectionString: db.dsn, max: 1 });
    let launched: LaunchedBranch | undefined;
    try {
      launched = await launchBranch({
        dsn: db.dsn,
        dataDir,
        counters: 2,
        branchId: 'E2E-01',
        branchName: 'Сынақ филиалы',
        // Training, as the demo: the kiosk offers every region's acts, so more than one queue group.
        training: true,
        // As the other journeys' hosts: the simulated state systems deciding at once; the training PKI trusted.
        counterArgs: ['--decision-delay-seconds', '0', '--trust-dir', fileURLToPath(new URL('../../resources/training-pki', import.meta.url))],
        // The hall's hosts serve their screens once their administrator exists.
        hallAdmin: admin,
        signal: starting.signal,
      });
      await use({ launched, query: async (sql, params) => (await reader.query(sql, params)).rows });
    } finally {
      starting.abort();
      await launched?.stop();
      if (launched && testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('branch-output', { body: launched.output(), contentType: 'text/plain' });
      }
      await reader.end();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

// Without a PostgreSQL the branch's journeys are not defined here: test/support/postgres.ts says so
// once (and fails in CI, which always has one).

/** Saves the operator's queue panel in Kazakh and in Russian, and comes back to Kazakh. */
async function queuePanelScreens(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await saveScreen(page, name, 'kk');
  await switchLocale(page, 'ru');
  await expect(page.getByRole('button', { name: msg('ru', 'queue.action.startService') })).toBeVisible();
  await saveScreen(page, name, 'ru');
  await switchLocale(page, 'kk');
}

if (postgresAvailable) {
  test('two windows of one branch, its kiosk and its board: one numbering, every call on the board, a case served at window 1', async ({ branch, browser }) => {
    test.setTimeout(240_000);
    const { launched } = branch;
    const [counter1, counter2] = launched.counters;
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    const opened = (page: Page) => (contexts.push(page.context()), page);

    try {
      // ---- Counter 1's first run: its administrator and its operator. ----
      const op1 = opened(await ownBrowser(browser, counter1!.url, problems));
      const op2 = opened(await ownBrowser(browser, counter2!.url, problems));
      await operatorLoggedIn(op1, operator);
      // ---- Counter 2: its own first run — or, where the branch shares its operators' accounts
      // (a directory in the branch's database), counter 1's administrator, who logs in there once
      // the accounts have come, and adds the second operator. ----
      const shared = (await branch.query<{ shared: boolean }>(`SELECT to_regclass('operators') IS NOT NULL AS shared`))[0]!.shared;
      if (shared) {
        await expect(async () => {
          await op2.reload();
          await expect(op2.getByTestId('login-screen')).toBeVisible({ timeout: 2_000 });
        }, "counter 1's accounts reach counter 2").toPass({ timeout: 30_000 });
      }
      await operatorLoggedIn(op2, secondOperator, { adminExists: shared });
      // Both counters are joined to the branch, and say so in the header.
      for (const page of [op1, op2]) await expect(page.getByTestId('branch-indicator')).toHaveAttribute('data-branch', 'online');

      // ---- The kiosk: two groups; an S1 ticket (group A), a barrier-free one, and an S2 ticket (group B). ----
      const kiosk = opened(await hallScreen(browser, launched.kiosk.kioskUrl, problems));
      await expect(kiosk.locator(`.kiosk-service[data-regulation="${S1_AKTOBE}"]`)).toBeVisible();
      await expect(kiosk.locator(`.kiosk-service[data-regulation="${S2_EKIBASTUZ}"]`)).toBeVisible();
      await saveScreen(kiosk, 'branch-kiosk', 'kk');

      const first = await takeTicket(kiosk, null);
      await expect(first).toHaveAttribute('data-number', 'A-001');
      await kioskDone(kiosk, 'kk');
      const second = await takeTicket(kiosk, 'elderly');
      await expect(second).toHaveAttribute('data-number', 'A-002');
      await expect(second).toContainText(msg('kk', 'queue.kiosk.priorityLine', { category: msg('kk', 'queue.priority.elderly') }));
      // The barrier-free ticket goes ahead of the regular one already waiting.
      await expect(second.getByTestId('slip-ahead')).toHaveText('0');
      await saveScreen(kiosk, 'branch-kiosk-ticket', 'kk');
      await kioskDone(kiosk, 'kk');
      const other = await takeTicket(kiosk, null, undefined, S2_EKIBASTUZ);
      await expect(other).toHaveAttribute('data-number', 'B-001');
      await kioskDone(kiosk, 'kk');

      // ---- The board: every waiting ticket of the branch; the hall staff turn the sound on once. ----
      const board = opened(await hallScreen(browser, launched.board.boardUrl, problems));
      await board.getByTestId('board-sound').click();
      await expect(board.getByTestId('board-next').locator('li')).toHaveText(['A-002', 'A-001', 'B-001']);

      // ---- Window 1 and window 2, both serving group A, each calling next. ----
      await goToSection(op1, 'nav.queue');
      await setWindow(op1, '1', ['A']);
      await goToSection(op2, 'nav.queue');
      await setWindow(op2, '2', ['A']);
      // Both windows see the branch's lines, not their own counters'.
      for (const page of [op1, op2]) {
        const lineA = page.getByTestId('queue-lines').locator('tr[data-group="A"]');
        await expect(lineA.getByTestId('regular')).toHaveText('1');
        await expect(lineA.getByTestId('priority')).toHaveText('1');
      }

      await op1.keyboard.press('F5');
      await expect(currentTicket(op1)).toHaveAttribute('data-number', 'A-002');
      await expect(currentTicket(op1)).toHaveAttribute('data-state', 'called');
      await op2.keyboard.press('F5');
      await expect(currentTicket(op2)).toHaveAttribute('data-number', 'A-001');
      await expect(currentTicket(op2)).toHaveAttribute('data-state', 'called');
      // Each window sees the other's call in the branch's list of the day.
      const todayRow = (page: Page, number: string) => page.getByTestId('queue-today').locator(`tr[data-number="${number}"]`);
      await expect(todayRow(op1, 'A-001')).toHaveAttribute('data-state', 'called');
      await expect(todayRow(op1, 'A-001').locator('td').nth(2)).toHaveText('2');
      await expect(todayRow(op2, 'A-002').locator('td').nth(2)).toHaveText('1');

      // ---- The board shows both calls with their windows, the latest large, and says both. ----
      const called = board.getByTestId('board-called').locator('li');
      await expect(called).toHaveCount(2);
      await expect(board.locator('.board-row--latest')).toHaveAttribute('data-number', 'A-001');
      await expect(board.locator('.board-row--latest')).toHaveAttribute('data-window', '2');
      await expect(board.locator('.board-row[data-number="A-002"]')).toHaveAttribute('data-window', '1');
      await expect(board.getByTestId('board-next').locator('li')).toHaveText(['B-001']);
      await expect
        .poll(() => spoken(board), { timeout: 20_000, message: 'what the board said' })
        .toEqual([...announced('A-002', '1'), ...announced('A-001', '2')]);
      await animationsDone(board);
      await saveScreen(board, 'branch-board', 'kk');

      // ---- A second board of the hall, set to window 2: only window 2's calls, shown and said. ----
      const board2 = await openPage(await board.context().newPage(), new URL('/board?windows=2', board.url()).toString(), problems);
      await expect(board2.getByTestId('board-windows')).toHaveAttribute('data-windows', '2');
      await expect(board2.getByTestId('board-called').locator('li')).toHaveCount(1);
      await expect(board2.locator('.board-row--latest')).toHaveAttribute('data-number', 'A-001');
      await expect(board2.locator('.board-row--latest')).toHaveAttribute('data-window', '2');
      // Both windows call their tickets again: the whole board says both, window 2's board only its own.
      await op1.keyboard.press('F6');
      await expect(op1.getByTestId('queue-recalls')).toHaveText('1 / 3');
      await op2.keyboard.press('F6');
      await expect(op2.getByTestId('queue-recalls')).toHaveText('1 / 3');
      await expect
        .poll(() => spoken(board), { timeout: 20_000, message: 'what the whole board said' })
        .toEqual([...announced('A-002', '1'), ...announced('A-001', '2'), ...announced('A-002', '1'), ...announced('A-001', '2')]);
      await expect.poll(() => spoken(board2), { timeout: 20_000, message: "what window 2's board said" }).toEqual(announced('A-001', '2'));
      await animationsDone(board2);
      await saveScreen(board2, 'branch-board-window-2', 'kk');

      // ---- Each operator's queue panel, in Kazakh and in Russian. ----
      await queuePanelScreens(op1, 'branch-operator-1');
      await queuePanelScreens(op2, 'branch-operator-2');

      // ---- Window 1 serves its ticket into a case, then finishes. ----
      await op1.keyboard.press('F8');
      const start = op1.getByTestId('start-service-form');
      await expect(start.locator(`input[name="regulationId"][value="${S1_AKTOBE}"]`)).toBeChecked();
      await start.getByRole('button', { name: msg('kk', 'queue.start.submit') }).click();
      await expect(op1.getByTestId('case-screen')).toBeVisible();
      await goToSection(op1, 'nav.queue');
      await expect(currentTicket(op1)).toHaveAttribute('data-state', 'serving');
      // The branch keeps the case's number with the ticket; the window said which case it opened.
      let caseNumber = '';
      await expect
        .poll(async () => (caseNumber = (await branch.query<{ n: string | null }>(`SELECT case_number AS n FROM tickets WHERE number = 'A-002'`))[0]?.n ?? ''))
        .not.toBe('');
      await expect(op1.getByTestId('queue-done')).toContainText(msg('kk', 'queue.done.serviceStarted', { number: 'A-002', case: caseNumber }));
      await op1.keyboard.press('F9');
      await expect(op1.getByTestId('queue-done')).toHaveText(msg('kk', 'queue.done.finished', { number: 'A-002' }));
      await expect(todayRow(op1, 'A-002')).toHaveAttribute('data-state', 'done');
      // Window 2 sees it done too, and the board lets the served number go.
      await expect(todayRow(op2, 'A-002')).toHaveAttribute('data-state', 'done');
      await expect(board.getByTestId('board-called').locator('li')).toHaveText([/A-001/]);

      // At the branch: the ticket done at window 1 with its case, and the case in the registry from W-01.
      await expect
        .poll(() => branch.query(`SELECT number, state, "window", case_number AS "case" FROM tickets ORDER BY number`))
        .toEqual([
          { number: 'A-001', state: 'called', window: '2', case: null },
          { number: 'A-002', state: 'done', window: '1', case: caseNumber },
          { number: 'B-001', state: 'waiting', window: null, case: null },
        ]);
      await expect
        .poll(() => branch.query(`SELECT c.number, c.operator_login AS login, d.name AS device FROM cases c JOIN devices d ON d.id = c.device_id`), {
          timeout: 20_000,
          message: "the case in the branch's registry",
        })
        .toEqual([{ number: caseNumber, login: operator.login, device: counter1!.device }]);

      // Still online at both windows: nothing was served from a fallback range.
      for (const page of [op1, op2]) await expect(page.getByTestId('branch-indicator')).toHaveAttribute('data-branch', 'online');
      expect(problems, 'console errors on the screens').toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
}
