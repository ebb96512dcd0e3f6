/**
 * The restore drill, end to end on real parts: a counter with two cases walked through the
 * contract, a scan and its audit rows → `backup.create` (an administrator's call) → the restore
 * CLI into a fresh folder with the same master key → a workstation opened on it has every case,
 * the scan byte for byte and every audit row, and `audit.verify` is ok against the same anchored
 * head. A backup with one byte of a scan flipped, or its manifest edited, is refused by
 * `backup.verify` and by the restore, each with its reason.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/core/backup/files';
import { createKeyring } from '../../src/core/crypto/keys';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { ScanVault } from '../../src/core/scans/scanVault';
import { databasePath } from '../../src/core/workstation';
import { openCounter, OPERATOR, OPERATOR_PASSWORD, handedOverCase } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { ADMIN, openTestCore, type TestCore } from '../support/workstation';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const SCAN = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const work = tempDir('azho-backup-');
let core: TestCore;
let restored: TestCore | undefined;
const backup = join(work.path, 'backup');
const keyFile = join(work.path, 'host.key');

/** The restore CLI as an administrator runs it: `npm run restore -- …` is `tsx scripts/restore.ts …`. */
const restoreCli = (from: string, dataDir: string) =>
  run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/restore.ts'), '--from', from, '--data-dir', dataDir, '--key-file', keyFile], { cwd: ROOT }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

const auditRows = (dataDir: string) => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT id, at, action, hash FROM audit ORDER BY id').all() as { id: number; hash: string }[];
  } finally {
    db.close();
  }
};

async function walkCase(withScan: boolean) {
  let v = await handedOverCase(core);
  const scan = withScan ? await core.call('scans.add', { caseId: v.id, documentId: 'application', source: 'file', content: new Uint8Array(SCAN) }, 'counter-1') : null;
  v = await core.call('cases.get', { caseId: v.id }, 'counter-1');
  v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
  return { view: v, scan };
}

beforeAll(async () => {
  core = await openCounter();
  writeFileSync(keyFile, `${core.masterKey.toString('base64')}\n`, { mode: 0o600 });
});
afterAll(() => {
  restored?.dispose();
  core.dispose();
  work.remove();
});

describe('backup and restore', () => {
  it('restores every case, scan and audit row into a fresh workstation whose audit chain verifies', async () => {
    const one = await walkCase(true);
    const two = await walkCase(false);
    const before = await core.call('cases.list', {}, 'counter-1');

    const forbidden = await core.fail('backup.create', { folder: join(work.path, 'by-operator') }, 'counter-1');
    expect(forbidden.code).toBe('FORBIDDEN');
    console.log(`access: an operator's backup.create → ${forbidden.code}`);

    // The desktop app's wrapped key goes with the data; a web host's plain key file never does.
    writeFileSync(join(core.dataDir, 'master.key.safe'), 'wrapped by the OS key store');
    writeFileSync(join(core.dataDir, 'host.key'), `${core.masterKey.toString('base64')}\n`, { mode: 0o600 });
    const made = await core.call('backup.create', { folder: backup }, 'admin');
    const files = await listFiles(backup);
    console.log(`backup: ${made.summary.files} files, ${made.summary.bytes} bytes, schema ${made.summary.schemaVersion}, audit head #${made.summary.auditHead?.id}: ${files.join(', ')}`);
    expect(files).toEqual(expect.arrayContaining(['azho.db', 'audit-anchor.json', 'manifest.json']));
    expect(files.filter((f) => f.startsWith('scans/'))).toHaveLength(1);
    expect(files).toContain('master.key.safe');
    expect(files).not.toContain('host.key');
    // Personal data stays sealed: the applicant's IIN and the scan's bytes are nowhere in clear.
    for (const f of files) {
      const bytes = readFileSync(join(backup, f));
      expect(bytes.includes(Buffer.from(TRAINING_PEOPLE[0]!.iin)), f).toBe(false);
      expect(bytes.includes(SCAN.subarray(0, 40)), f).toBe(false);
      expect(bytes.includes(Buffer.from(core.masterKey.toString('base64'))), f).toBe(false);
    }
    console.log('sealed: no IIN, scan bytes or master key in clear in any backed-up file; master.key.safe in, host.key out');
    const verdict = await core.call('backup.verify', { folder: backup }, 'admin');
    expect(verdict).toMatchObject({ ok: true, problem: null });
    console.log('verify: the untouched backup is whole');
    const rowsAtBackup = auditRows(core.dataDir).filter((r) => r.id <= made.summary.auditHead!.id);

    const fresh = join(work.path, 'restored');
    const cli = await restoreCli(backup, fresh);
    expect(cli, cli.out).toMatchObject({ code: 0 });
    console.log(`restore CLI: ${cli.out.trim()}`);

    restored = openTestCore({ dataDir: fresh, masterKey: core.masterKey });
    await restored.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-1');
    const after = await restored.call('cases.list', {}, 'counter-1');
    expect(after.cases).toEqual(before.cases);
    for (const { view } of [one, two]) expect(await restored.call('cases.get', { caseId: view.id }, 'counter-1')).toEqual(view);
    console.log(`cases: ${after.cases.length} of ${before.cases.length}, each as it was`);

    const scans = await restored.call('scans.list', { caseId: one.view.id }, 'counter-1');
    expect(scans.scans.map((s) => s.sha256)).toEqual([one.scan!.sha256]);
    const keys = createKeyring(core.masterKey);
    const vault = new ScanVault(join(fresh, 'scans'), keys.get('scan-vault'), keys.get('scan-name'));
    const [scanFile] = (await listFiles(join(fresh, 'scans'))).map((p) => p.split('/').at(-1)!);
    expect((await vault.get(scanFile!)).equals(SCAN)).toBe(true);
    console.log('scan: restored, decrypted bytes equal to the page scanned');

    const rowsRestored = auditRows(fresh);
    expect(rowsRestored.slice(0, rowsAtBackup.length)).toEqual(rowsAtBackup);
    await restored.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    const audit = await restored.call('audit.verify', {}, 'admin');
    expect(audit).toMatchObject({ ok: true, anchor: made.summary.auditHead });
    console.log(`audit: ${rowsAtBackup.length} rows restored identical; audit.verify ok, anchored head #${audit.anchor?.id} as backed up`);

    const again = await restoreCli(backup, fresh);
    expect(again.code).toBe(1);
    expect(again.out).toContain('not empty');
    console.log(`restore over a data folder: refused — ${again.out.trim()}`);
  }, 60_000);

  it('refuses a backup with one byte of a scan changed, or its manifest edited', async () => {
    const flipped = join(work.path, 'flipped');
    cpSync(backup, flipped, { recursive: true });
    const scan = (await listFiles(flipped)).find((f) => f.startsWith('scans/'))!;
    const bytes = readFileSync(join(flipped, scan));
    bytes[bytes.length - 20]! ^= 0x01;
    writeFileSync(join(flipped, scan), bytes);
    expect(await core.call('backup.verify', { folder: flipped }, 'admin')).toMatchObject({ ok: false, problem: 'fileChanged', file: scan });
    const r1 = await restoreCli(flipped, join(work.path, 'from-flipped'));
    expect(r1.code).toBe(1);
    expect(r1.out).toContain(`content differs from the manifest (changed or damaged) (${scan})`);
    console.log(`one scan byte flipped: verify fileChanged; restore: ${r1.out.trim()}`);

    const edited = join(work.path, 'edited');
    cpSync(backup, edited, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(edited, 'manifest.json'), 'utf8')) as { createdAt: string };
    manifest.createdAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(join(edited, 'manifest.json'), JSON.stringify(manifest, null, 2));
    expect(await core.call('backup.verify', { folder: edited }, 'admin')).toMatchObject({ ok: false, problem: 'sealBroken', summary: null });
    const r2 = await restoreCli(edited, join(work.path, 'from-edited'));
    expect(r2.code).toBe(1);
    expect(r2.out).toContain("manifest's seal does not match");
    console.log(`manifest edited: verify sealBroken; restore: ${r2.out.trim()}`);
    expect(await listFiles(join(work.path, 'from-edited'))).toEqual([]);
  }, 60_000);
});
