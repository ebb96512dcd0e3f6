/**
 * The daily backup on a real core and real folders, the clock moved by hand: made at the
 * administrator's time (19:00 on the branch's clock is 14:00 UTC) and not before, again the next
 * day, the oldest beyond `keep` removed while nothing else on the drive is touched; an unplugged
 * drive recorded and tried again half an hour later; "Back up now"; the recovery passphrase
 * carried by the backups; and a scan removed while a backup copies keeps its file in the backup.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/core/backup/files';
import { databasePath } from '../../src/core/workstation';
import type { BackupStatus } from '../../src/shared/backup';
import { openCounter, handedOverCase } from '../support/counter';
import { tempDir } from '../support/tempDir';
import type { TestCore } from '../support/workstation';

const HOUR = 3_600_000;
const SCAN = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let core: TestCore;
let drive: ReturnType<typeof tempDir>;

beforeEach(async () => {
  core = await openCounter();
  drive = tempDir('azho-drive-');
  // The manual clock starts at 09:00 UTC, 14:00 on the branch's clock.
});
afterEach(() => {
  core.dispose();
  drive.remove();
});

const status = () => core.call('backup.status', {}, 'admin');
/** Runs the core's maintenance tick and waits for a backup it started to end. */
async function tick(): Promise<BackupStatus> {
  core.ws.maintain();
  await expect.poll(async () => (await status()).running, { timeout: 20_000 }).toBe(false);
  return status();
}
const schedule = (over: Partial<{ folder: string | null; daily: boolean; at: string; keep: number }> = {}) =>
  core.call('backup.setSchedule', { folder: drive.path, daily: true, at: '19:00', keep: 2, ...over }, 'admin');

describe('the daily backup', () => {
  it("is made at the administrator's time and not before, again the next day, and the oldest beyond keep go — nothing else on the drive", async () => {
    mkdirSync(join(drive.path, 'family-photos'));
    mkdirSync(join(drive.path, 'azho-backup-20250101-190000')); // ours by name, but unfinished: no manifest
    const set = await schedule();
    expect(set.nextRunAt).toBe('2026-01-15T14:00:00.000Z');
    expect(set.backups).toEqual([]);

    core.clock.advance(5 * HOUR - 60_000); // 18:59
    expect((await tick()).lastRun).toBeNull();
    core.clock.advance(60_000); // 19:00
    let after = await tick();
    expect(after.lastRun).toMatchObject({ ok: true, scheduled: true, problem: null, folder: join(drive.path, 'azho-backup-20260115-190000') });
    expect(after.backups.map((b) => b.name)).toEqual(['azho-backup-20260115-190000']);
    expect(after.nextRunAt).toBe('2026-01-16T14:00:00.000Z');
    expect((await core.call('backup.verify', { folder: after.backups[0]!.folder }, 'admin')).ok).toBe(true);

    // Ticks later that day make nothing more.
    core.clock.advance(HOUR);
    expect((await tick()).backups).toHaveLength(1);

    for (const [day, hours] of [['20260116', 23], ['20260117', 24]] as const) {
      core.clock.advance(hours * HOUR);
      after = await tick();
      expect(after.lastRun?.folder).toBe(join(drive.path, `azho-backup-${day}-190000`));
    }
    // keep = 2: the first is gone; the unfinished folder and the family's photos are still there.
    expect(after.backups.map((b) => b.name)).toEqual(['azho-backup-20260117-190000', 'azho-backup-20260116-190000']);
    expect(readdirSync(drive.path).sort()).toEqual(['azho-backup-20250101-190000', 'azho-backup-20260116-190000', 'azho-backup-20260117-190000', 'family-photos']);
    const created = auditDetails('backup.created');
    expect(created).toHaveLength(3);
    expect(created[2]).toMatchObject({ scheduled: true, pruned: 1 });
    expect(core.auditActions()).toContain('backup.scheduled');
  });

  it('makes a missed backup at the first tick after its time', async () => {
    await schedule();
    core.clock.advance(7 * HOUR); // the workstation was off at 19:00; it is 21:00
    const after = await tick();
    expect(after.lastRun).toMatchObject({ ok: true, folder: join(drive.path, 'azho-backup-20260115-210000') });
  });

  it('records an unplugged drive, tries again half an hour later, and succeeds once it is back', async () => {
    await schedule();
    rmSync(drive.path, { recursive: true });
    core.clock.advance(5 * HOUR);
    let after = await tick();
    expect(after.lastRun).toMatchObject({ ok: false, scheduled: true, problem: 'destinationMissing', folder: null });
    expect(after.nextRunAt).toBe('2026-01-15T14:30:00.000Z');
    expect(auditDetails('backup.failed')).toEqual([{ scheduled: true, problem: 'destinationMissing' }]);
    // Nothing was made on the system disk under the missing folder's name.
    expect(existsSync(drive.path)).toBe(false);

    mkdirSync(drive.path);
    core.clock.advance(20 * 60_000);
    expect((await tick()).lastRun?.ok).toBe(false);
    core.clock.advance(10 * 60_000);
    after = await tick();
    expect(after.lastRun).toMatchObject({ ok: true, folder: join(drive.path, 'azho-backup-20260115-193000') });
  });
});

describe('the backup calls', () => {
  it('refuse a folder that is not there or is inside the data folder, and an operator', async () => {
    expect((await core.fail('backup.setSchedule', { folder: join(drive.path, 'no-such'), daily: true, at: '19:00', keep: 3 }, 'admin')).issues).toEqual([{ path: 'folder', reason: 'backup.folderMissing' }]);
    expect((await core.fail('backup.setSchedule', { folder: join(core.dataDir, 'scans'), daily: true, at: '19:00', keep: 3 }, 'admin')).issues).toEqual([{ path: 'folder', reason: 'backup.folderInsideData' }]);
    for (const bad of [{ at: '25:00' }, { at: '7:00' }, { keep: 0 }, { keep: 91 }, { keep: 2.5 }, { folder: 'backups' }]) {
      expect((await core.fail('backup.setSchedule', { folder: drive.path, daily: true, at: '19:00', keep: 3, ...bad }, 'admin')).code, JSON.stringify(bad)).toBe('VALIDATION');
    }
    // Nothing of the refused schedules was kept.
    expect((await status()).schedule).toEqual({ folder: null, daily: true, at: '19:00', keep: 14 });
    expect((await core.fail('backup.status', {}, 'counter-1')).code).toBe('FORBIDDEN');
    expect((await core.fail('backup.now', {}, 'admin')).issues).toEqual([{ path: 'folder', reason: 'backup.noDestination' }]);
  });

  it('back up now into a dated folder without moving the schedule', async () => {
    await schedule({ daily: true });
    const after = await core.call('backup.now', {}, 'admin');
    expect(after.lastRun).toMatchObject({ ok: true, scheduled: false, folder: join(drive.path, 'azho-backup-20260115-140000') });
    expect(after.lastRun?.summary?.files).toBeGreaterThan(0);
    // The evening's scheduled backup is still due.
    expect(after.nextRunAt).toBe('2026-01-15T14:00:00.000Z');
  });

  it('seal the master key with the recovery passphrase for the backups to carry, never recording the passphrase', async () => {
    const passphrase = 'Қалпына-келтіру-2026-Ақтөбе';
    expect((await core.fail('backup.setRecovery', { passphrase, again: `${passphrase}!` }, 'admin')).issues).toEqual([{ path: 'again', reason: 'password.mismatch' }]);
    expect((await core.fail('backup.setRecovery', { passphrase: 'short', again: 'short' }, 'admin')).code).toBe('VALIDATION');
    expect((await status()).recoverySetAt).toBeNull();

    const set = await core.call('backup.setRecovery', { passphrase, again: passphrase }, 'admin');
    expect(set.recoverySetAt).toBe('2026-01-15T09:00:00.000Z');
    await schedule();
    const made = await core.call('backup.now', {}, 'admin');
    expect(await listFiles(made.lastRun!.folder!)).toContain('master.key.recovery');
    const everything = readFileSync(databasePath(core.dataDir)).toString('utf8') + JSON.stringify(auditDetails('backup.recoverySet'));
    expect(everything).not.toContain(passphrase);
    expect(readFileSync(join(core.dataDir, 'master.key.recovery'), 'utf8')).not.toContain(passphrase);
  });

  it("keeps a scan's file for the backup when the scan is removed while the backup copies", async () => {
    await schedule({ daily: false });
    const c = await handedOverCase(core);
    const scan = await core.call('scans.add', { caseId: c.id, documentId: 'application', source: 'file', content: new Uint8Array(SCAN) }, 'counter-1');
    const vaultFiles = () => listFiles(join(core.dataDir, 'scans'));
    const [file] = await vaultFiles();
    expect(file).toBeDefined();

    // The backup holds scan removals from the moment it is asked for; the removal is answered at
    // once, and its file goes only after the backup has copied it.
    const backingUp = core.ws.dispatch('backup.now', {}, 'admin');
    const removed = await core.call('scans.remove', { scanId: scan.id }, 'counter-1');
    expect(removed.scans).toEqual([]);
    const made = await backingUp;
    expect(made.ok).toBe(true);
    const folder = (made as { value: BackupStatus }).value.lastRun!.folder!;
    expect(await listFiles(join(folder, 'scans'))).toEqual([file]);
    expect((await core.call('backup.verify', { folder }, 'admin')).ok).toBe(true);
    await expect.poll(vaultFiles).toEqual([]);
  });
});

function auditDetails(action: string): unknown[] {
  const db = new Database(databasePath(core.dataDir), { readonly: true });
  try {
    return (db.prepare('SELECT detail FROM audit WHERE action = ? ORDER BY id').all(action) as { detail: string }[]).map((r) => JSON.parse(r.detail));
  } finally {
    db.close();
  }
}
