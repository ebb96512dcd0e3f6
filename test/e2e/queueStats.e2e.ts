/**
 * The supervisor's queue figures: a day of tickets (served, no-show, still waiting), the CSV, closing
 * the day; the administrator's queue rules. The day is played through the contract from the page,
 * the figures are read on the screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { admin, operator, validIin } from './people';
import { logIn, logOut, msg, saveScreen, switchLocale } from './steps';

const S1_AKTOBE = 's1-aktobe-285';
const TEMPORARY_PASSWORD = 'Уақытша-құпиясөз-1';
const supervisor = {
  login: 'gulnar.supervisor',
  fullName: 'Сейітқалиева Гүлнар Әбілқызы',
  iin: validIin('880214', 4),
  newPassword: 'Бақылау-құпиясөз-9',
};

/** Calls through the contract from the page (same origin, the session cookie); returns the failures. */
async function calls(page: Page, steps: [name: string, input: unknown][]): Promise<string[]> {
  return page.evaluate(async (list) => {
    const failures: string[] = [];
    const last: Record<string, { id: number; version: number }> = {};
    for (const [name, raw] of list) {
      // "$ticket" stands for the ticket the previous call returned, as it is now.
      const input = raw === '$ticket' ? { ticketId: last.ticket!.id, version: last.ticket!.version } : raw;
      const response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value?: { id?: number; version?: number; ticket?: { id: number; version: number } }; error?: { code: string } };
      if (!body.ok) failures.push(`${name}: ${body.error?.code}`);
      const ticket = body.value?.ticket ?? (body.value?.id !== undefined ? body.value : undefined);
      if (ticket && typeof ticket.id === 'number') last.ticket = { id: ticket.id, version: ticket.version! };
    }
    return failures;
  }, steps);
}

test('the supervisor reads the day, exports it and closes it; the administrator sets the queue rules', async ({ app: page }) => {
  test.setTimeout(90_000);
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  const account = (person: { login: string; fullName: string; iin: string }, role: string): [string, unknown] => [
    'operators.create',
    { login: person.login, fullName: person.fullName, iin: person.iin, role, password: TEMPORARY_PASSWORD },
  ];
  expect(
    await calls(page, [
      ['setup.createAdmin', { login: admin.login, fullName: admin.fullName, iin: admin.iin, password: admin.password }],
      account(operator, 'operator'),
      account(supervisor, 'supervisor'),
      ['auth.logout', {}],
      ['auth.login', { login: supervisor.login, password: TEMPORARY_PASSWORD }],
      ['auth.changePassword', { current: TEMPORARY_PASSWORD, next: supervisor.newPassword }],
      ['auth.logout', {}],
      ['auth.login', { login: operator.login, password: TEMPORARY_PASSWORD }],
      ['auth.changePassword', { current: TEMPORARY_PASSWORD, next: operator.newPassword }],
      // Four tickets; window 1 serves one, a no-show, and one is still waiting at the end of the day.
      ['queue.issue', { group: 'A', regulationId: S1_AKTOBE, priority: null }],
      ['queue.issue', { group: 'A', priority: 'pregnant' }],
      ['queue.issue', { group: 'A', priority: null }],
      ['queue.setWindow', { window: '1', groups: ['A'] }],
      ['queue.callNext', {}],
      ['queue.noShow', '$ticket'],
      ['queue.callNext', {}],
    ]),
  ).toEqual([]);
  // Start service on the ticket just called, then finish it.
  const served = await page.evaluate(async (regulationId) => {
    const call = async (name: string, input: unknown) => {
      const response = await fetch(`/api/call/${name}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; value: { window: { current: { id: number; version: number; number: string } } } & { ticket: { id: number; version: number } } };
    };
    const { value } = await call('queue.overview', {});
    const current = value.window.current;
    const started = await call('queue.startService', { ticketId: current.id, version: current.version, regulationId, documentLocale: 'kk' });
    const finished = await call('queue.finish', { ticketId: started.value.ticket.id, version: started.value.ticket.version });
    await call('auth.logout', {});
    return finished.ok ? current.number : null;
  }, S1_AKTOBE);
  expect(served).toBe('A-001');

  // ---- The supervisor: the figures, the CSV, closing the day. ----
  await page.reload();
  await logIn(page, supervisor.login, supervisor.newPassword);
  await expect(page.getByTestId('home-view')).toBeVisible();
  const nav = page.getByRole('navigation', { name: msg('kk', 'nav.label') });
  await expect(nav.getByRole('button')).toHaveText([
    msg('kk', 'nav.home'), msg('kk', 'nav.queue'), msg('kk', 'nav.cases'), msg('kk', 'nav.toIssue'), msg('kk', 'nav.gateway'), msg('kk', 'nav.queueStats'), msg('kk', 'nav.reports'), msg('kk', 'nav.audit'),
  ]);
  await nav.getByRole('button', { name: msg('kk', 'nav.queueStats') }).click();
  const totals = page.getByTestId('queue-totals');
  const figure = (name: string) => totals.locator(`[data-figure="${name}"] dd`);
  await expect(figure('issued')).toHaveText('3');
  await expect(figure('served')).toHaveText('1');
  await expect(figure('noShow')).toHaveText('1');
  await expect(figure('unserved')).toHaveText('0');
  await expect(page.getByTestId('stats-groups-A').locator('td').first()).toHaveText('3');
  await expect(page.getByTestId('stats-operators').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('stats-operators').locator('tbody th')).toHaveText(operator.fullName);
  // A supervisor reads the rules; the administrator changes them.
  await expect(page.getByTestId('queue-settings').locator('input[name="maxPriorityStreak"]')).toBeDisabled();

  const download = page.waitForEvent('download');
  await page.locator('[data-action="export"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^queue-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^number,group,priority,state,window,operator/);
  expect(csv).toContain(`A-001,A,,done,1,${operator.fullName}`);
  expect(csv).toContain('A-002,A,pregnant,noShow,1');

  // The day picker: a day back has nothing; a day ahead is refused; back to today.
  const day = page.locator('input[name="day"]');
  await page.getByRole('button', { name: msg('kk', 'queue.stats.previousDay') }).click();
  await expect(figure('issued')).toHaveText('0');
  await expect(page.getByTestId('stats-groups')).toHaveCount(0);
  await page.getByRole('button', { name: msg('kk', 'queue.stats.nextDay') }).click();
  await expect(figure('issued')).toHaveText('3');
  await expect(page.getByRole('button', { name: msg('kk', 'queue.stats.nextDay') })).toBeDisabled();
  await day.fill('01.01.2099');
  await day.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(msg('kk', 'queue.stats.futureDay'));
  await day.fill('31.02.2026');
  await day.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(msg('kk', 'reason.date.format'));
  await page.getByRole('button', { name: msg('kk', 'queue.stats.previousDay') }).click();
  await page.getByRole('button', { name: msg('kk', 'queue.stats.nextDay') }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(figure('issued')).toHaveText('3');

  await saveScreen(page, 'queue-stats', 'kk');
  await switchLocale(page, 'ru');
  await expect(figure('issued')).toHaveText('3');
  await saveScreen(page, 'queue-stats', 'ru');
  await switchLocale(page, 'kk');

  await page.locator('[data-action="closeDay"]').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(msg('kk', 'queue.closeDay.body'));
  await dialog.getByRole('button', { name: msg('kk', 'queue.closeDay.confirm') }).click();
  await expect(page.getByTestId('queue-day-closed')).toHaveText(msg('kk', 'queue.closeDay.done', { count: 1 }));
  await expect(figure('unserved')).toHaveText('1');
  await logOut(page);

  // ---- The administrator: the queue's rules. ----
  await logIn(page, admin.login, admin.password);
  await nav.getByRole('button', { name: msg('kk', 'nav.queueStats') }).click();
  const rules = page.getByTestId('queue-settings');
  await expect(rules.locator('input[name="priorityCategories"][value="infant"]')).toBeChecked();
  await rules.locator('input[name="maxPriorityStreak"]').fill('2');
  await rules.locator('input[name="priorityCategories"][value="infant"]').uncheck();
  await rules.getByRole('button', { name: msg('kk', 'action.save') }).click();
  await expect(rules).toContainText(msg('kk', 'queue.settings.saved'));
  await expect(rules.locator('input[name="maxPriorityStreak"]')).toHaveValue('2');
  // Out of range: said beside the field, nothing sent.
  await rules.locator('input[name="recallsBeforeNoShow"]').fill('11');
  await rules.getByRole('button', { name: msg('kk', 'action.save') }).click();
  await expect(rules.getByRole('alert')).toHaveText(msg('kk', 'reason.outOfRange'));
  await saveScreen(page, 'queue-stats-admin', 'kk');
});
