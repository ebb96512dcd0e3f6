/**
 * The desktop restore drill after a dead PC, end to end on real parts: a counter whose master key
 * is wrapped by its own OS key store (a fake one here) sets a recovery passphrase → `backup.create`
 * → on "another computer", the restore CLI with AZHO_RECOVERY_PASSPHRASE and `--for desktop` into
 * a fresh folder → the desktop's key loading adopts `master.key.restored` into the new computer's
 * key store → a workstation opened on the folder with that key has every case, and its audit
 * chain verifies. A wrong passphrase, or a backup made before a recovery passphrase was set, is
 * refused with one line and leaves nothing in the target.
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/core/backup/files';
import { RECOVERY_FILE, recoverySetAt, writeRecoveryFile } from '../../src/core/backup/recoveryKey';
import { iso } from '../../src/core/clock';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { loadOrCreateMasterKey, MASTER_KEY_FILE, RESTORED_KEY_FILE, unwrapMasterKey } from '../../src/main/keys';
import { gcmWrapper } from '../../src/main/testFakes';
import { openCounter, OPERATOR, OPERATOR_PASSWORD, handedOverCase } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const PASSPHRASE = 'Бірінші қар, 2026 жыл — қалпына келтіру';

/** An OS key store of one computer's account: what one wraps, no other opens. */
const osKeyStore = () => gcmWrapper(randomBytes(32));

const work = tempDir('azho-recovery-');
const oldComputer = osKeyStore();
const newComputer = osKeyStore();
let core: TestCore;
let restored: TestCore | undefined;
const backup = join(work.path, 'backup');
const backupBefore = join(work.path, 'backup-before-recovery');

/** `npm run restore -- …` as an administrator runs it, with only the recovery passphrase as the key. */
const restoreCli = (from: string, dataDir: string, passphrase: string) => {
  const { AZHO_PASSPHRASE: _p, AZHO_KEY_FILE: _k, ...env } = process.env;
  return run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/restore.ts'), '--from', from, '--data-dir', dataDir, '--for', 'desktop'], {
    cwd: ROOT,
    env: { ...env, AZHO_RECOVERY_PASSPHRASE: passphrase },
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );
};

async function walkCase() {
  const v = await handedOverCase(core);
  return core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
}

beforeAll(async () => {
  core = await openCounter();
  // The desktop app's key as the old computer keeps it: wrapped by that account's key store.
  const key = await loadOrCreateMasterKey(core.dataDir, oldComputer, () => core.masterKey);
  expect(Buffer.from(key).equals(core.masterKey)).toBe(true);
});
afterAll(() => {
  restored?.dispose();
  core.dispose();
  work.remove();
});

describe('restoring a desktop backup on another computer with the recovery passphrase', () => {
  it('restores every case into a fresh folder whose key the new computer adopts', async () => {
    await walkCase();
    await core.call('backup.create', { folder: backupBefore }, 'admin');

    const setAt = await writeRecoveryFile(core.dataDir, core.masterKey, PASSPHRASE, () => iso(core.clock.now()));
    expect(await recoverySetAt(core.dataDir)).toBe(setAt);
    await walkCase();
    const before = await core.call('cases.list', {}, 'counter-1');
    const made = await core.call('backup.create', { folder: backup }, 'admin');
    const files = await listFiles(backup);
    expect(files).toEqual(expect.arrayContaining([MASTER_KEY_FILE, RECOVERY_FILE, 'manifest.json']));
    for (const f of files) expect(readFileSync(join(backup, f)).includes(Buffer.from(PASSPHRASE)), f).toBe(false);
    console.log(`backup: ${made.summary.files} files with ${MASTER_KEY_FILE} (old computer only) and ${RECOVERY_FILE} (set ${setAt}); no passphrase in any`);

    // The new computer cannot open the wrapped key the backup brought.
    await expect(unwrapMasterKey(readFileSync(join(backup, MASTER_KEY_FILE), 'utf8'), newComputer)).rejects.toMatchObject({ reason: 'unreadable' });

    const fresh = join(work.path, 'restored');
    const started = Date.now();
    const cli = await restoreCli(backup, fresh, PASSPHRASE);
    expect(cli, cli.out).toMatchObject({ code: 0 });
    expect(cli.out.trim().split('\n')).toHaveLength(1);
    expect(cli.out).toContain(`restored ${made.summary.files} files`);
    expect(cli.out).toContain(`${RESTORED_KEY_FILE} written: start the desktop app on this folder`);
    console.log(`restore CLI (${Date.now() - started} ms): ${cli.out.trim()}`);

    const restoredKeyFile = join(fresh, RESTORED_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(restoredKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(restoredKeyFile, 'utf8')).toContain(core.masterKey.toString('base64'));

    // The desktop app's first start on the new computer.
    const adopted = await loadOrCreateMasterKey(fresh, newComputer, () => {
      throw new Error('a new key must not be generated');
    });
    expect(Buffer.from(adopted).equals(core.masterKey)).toBe(true);
    expect(readdirSync(fresh)).not.toContain(RESTORED_KEY_FILE);
    expect((await unwrapMasterKey(readFileSync(join(fresh, MASTER_KEY_FILE), 'utf8'), newComputer)).key).toEqual(new Uint8Array(core.masterKey));
    expect(await recoverySetAt(fresh)).toBe(setAt);
    console.log(`first start: ${RESTORED_KEY_FILE} wrapped into ${MASTER_KEY_FILE} by the new key store and deleted; ${RECOVERY_FILE} stays for the next backups`);

    restored = openTestCore({ dataDir: fresh, masterKey: Buffer.from(adopted) });
    await restored.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-1');
    const after = await restored.call('cases.list', {}, 'counter-1');
    expect(after.cases).toEqual(before.cases);
    await restored.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    expect(await restored.call('audit.verify', {}, 'admin')).toMatchObject({ ok: true, anchor: made.summary.auditHead });
    console.log(`workstation on the restored folder: ${after.cases.length} of ${before.cases.length} cases, audit.verify ok`);
  }, 60_000);

  it('refuses a wrong passphrase, and a backup without a recovery file, leaving the target empty', async () => {
    const wrong = join(work.path, 'wrong-passphrase');
    const r1 = await restoreCli(backup, wrong, `${PASSPHRASE}!`);
    expect(r1.code).toBe(1);
    expect(r1.out.trim()).toBe(`restore: the recovery passphrase is wrong: AZHO_RECOVERY_PASSPHRASE does not open the backup's ${RECOVERY_FILE}`);
    expect(await listFiles(wrong)).toEqual([]);
    console.log(`wrong passphrase: ${r1.out.trim()}`);

    const none = join(work.path, 'no-recovery');
    const r2 = await restoreCli(backupBefore, none, PASSPHRASE);
    expect(r2.code).toBe(1);
    expect(r2.out.trim().split('\n')).toHaveLength(1);
    expect(r2.out).toContain('an administrator must set a recovery passphrase in Settings → Backups before backups can be restored on another computer');
    expect(await listFiles(none)).toEqual([]);
    console.log(`backup made before the passphrase was set: ${r2.out.trim()}`);
  }, 60_000);

  it('leaves no key behind when the restore itself is refused', async () => {
    const tampered = join(work.path, 'tampered');
    const target = join(work.path, 'from-tampered');
    await core.call('backup.create', { folder: tampered }, 'admin');
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8')) as { createdAt: string };
    manifest.createdAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(join(tampered, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const r = await restoreCli(tampered, target, PASSPHRASE);
    expect(r.code).toBe(1);
    expect(r.out).toContain("manifest's seal does not match");
    expect(await listFiles(target)).toEqual([]);
  }, 60_000);
});
