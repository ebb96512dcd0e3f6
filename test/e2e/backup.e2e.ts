/**
 * The administrator's backups on the settings screen, against the real core: no folder yet (a
 * warning, on the start page too), a folder saved with the daily time, "Back up now" → a checked
 * backup in the list, a byte changed in it → the check names the file, the drive pulled out → the
 * failure in words with what to do (on the start page too), and the recovery passphrase typed
 * twice. Screens in Kazakh and Russian.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { createAdmin, msg, msgStart, saveScreen, switchLocale } from './steps';

test('the administrator schedules backups, backs up now, checks a backup and sets the recovery passphrase', async ({ app: page }) => {
  const drive = mkdtempSync(join(tmpdir(), 'azho-e2e-drive-'));
  try {
    await createAdmin(page);
    // The administrator's start page asks for a folder first: until then nothing is backed up.
    const health = page.getByTestId('home-view').getByTestId('backup-health');
    await expect(health).toContainText(msg('kk', 'backup.noFolder'));
    await health.getByTestId('backup-health-open').click();
    const section = page.getByTestId('backup-settings');
    await expect(section.getByText(msg('kk', 'backup.noFolder'))).toBeVisible();
    await expect(section.getByTestId('backup-now')).toBeDisabled();

    const form = section.getByTestId('backup-schedule-form');
    const folder = form.getByLabel(msg('kk', 'backup.field.folder'), { exact: true });
    await folder.fill('relative/path');
    await folder.press('Enter');
    await expect(form.getByText(msg('kk', 'reason.backup.folderNotAbsolute'))).toBeVisible();
    await folder.fill(join(drive, 'not-plugged-in'));
    await folder.press('Enter');
    await expect(form.getByText(msg('kk', 'reason.backup.folderMissing'))).toBeVisible();
    await folder.fill(drive);
    await form.getByLabel(msg('kk', 'backup.field.at'), { exact: true }).fill('19:30');
    await form.getByLabel(msg('kk', 'backup.field.keep'), { exact: true }).fill('5');
    await folder.press('Enter');
    await expect(form.getByText(msg('kk', 'backup.saved'))).toBeVisible();
    await expect(section.getByText(msg('kk', 'backup.last.none'))).toBeVisible();
    await expect(section.getByText(msgStart('kk', 'backup.next'))).toBeVisible();

    await section.getByTestId('backup-now').click();
    await expect(section.getByTestId('backup-last')).toContainText(msgStart('kk', 'backup.last.ok'));
    const rows = section.getByTestId('backup-row');
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole('button', { name: msg('kk', 'backup.verify') }).click();
    await expect(rows.first().getByTestId('backup-verdict')).toHaveText(msg('kk', 'backup.verdict.ok'));

    // The recovery passphrase: typed twice, the mismatch named beside the field.
    const recovery = section.getByTestId('backup-recovery-form');
    await expect(section.getByTestId('backup-recovery')).toContainText(msg('kk', 'backup.recovery.notSet'));
    await recovery.getByLabel(msg('kk', 'backup.field.passphrase'), { exact: true }).fill('Ақтөбе филиалының қалпы 2026');
    await recovery.getByLabel(msg('kk', 'backup.field.again'), { exact: true }).fill('Ақтөбе филиалының қалпы 2025');
    await recovery.getByLabel(msg('kk', 'backup.field.again'), { exact: true }).press('Enter');
    await expect(recovery.getByText(msg('kk', 'reason.password.mismatch'))).toBeVisible();
    await recovery.getByLabel(msg('kk', 'backup.field.again'), { exact: true }).fill('Ақтөбе филиалының қалпы 2026');
    await recovery.getByLabel(msg('kk', 'backup.field.again'), { exact: true }).press('Enter');
    await expect(recovery.getByText(msg('kk', 'backup.recovery.saved'))).toBeVisible();
    await expect(section.getByTestId('backup-recovery')).not.toContainText(msg('kk', 'backup.recovery.notSet'));
    await expect(section.getByTestId('backup-recovery')).toContainText(msg('kk', 'backup.recovery.set', { when: '' }).trim());
    await expect(recovery.getByLabel(msg('kk', 'backup.field.passphrase'), { exact: true })).toHaveValue('');
    await saveScreen(page, 'backup', 'kk');

    // A second backup carries the key; then one byte of the first one's database is changed.
    await page.waitForTimeout(1100); // the dated folders are named to the second
    await section.getByTestId('backup-now').click();
    await expect(rows).toHaveCount(2);
    const [newest, oldest] = readdirSync(drive).sort().reverse();
    expect(readdirSync(join(drive, newest!))).toContain('master.key.recovery');
    const db = join(drive, oldest!, 'azho.db');
    const bytes = readFileSync(db);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(db, bytes);
    await rows.nth(1).getByRole('button', { name: msg('kk', 'backup.verify') }).click();
    await expect(rows.nth(1).getByTestId('backup-verdict')).toHaveText(msg('kk', 'backup.verdict.fileChanged', { file: 'azho.db' }));

    // The drive pulled out: the failure says what happened and what to do.
    rmSync(drive, { recursive: true, force: true });
    await section.getByTestId('backup-now').click();
    await expect(section.getByTestId('backup-last')).toContainText(msg('kk', 'backup.problem.destinationMissing'));
    await saveScreen(page, 'backup-failed', 'kk');
    await page.getByRole('button', { name: msg('kk', 'nav.home') }).click();
    await expect(health).toContainText(msg('kk', 'backup.problem.destinationMissing'));
    await saveScreen(page, 'home-backup-failed', 'kk');
    await health.getByTestId('backup-health-open').click();
    await switchLocale(page, 'ru');
    await expect(section.getByTestId('backup-last')).toContainText(msg('ru', 'backup.problem.destinationMissing'));
    await expect(section.getByText(msg('ru', 'backup.title'), { exact: true })).toBeVisible();
    await saveScreen(page, 'backup-failed', 'ru');
    await page.getByRole('button', { name: msg('ru', 'nav.home') }).click();
    await expect(health).toContainText(msg('ru', 'backup.problem.destinationMissing'));
    await saveScreen(page, 'home-backup-failed', 'ru');
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
});
