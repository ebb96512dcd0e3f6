/**
 * A scan removed (by the operator, or by the retention purge) has its row marked first and its
 * file removed after; a kill between the two — or during a backup, which holds removals back —
 * leaves a file nothing uses. At the next start such files are cleared, and only those: the files
 * of scans still there are kept and still open.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createKeyring } from '../../src/core/crypto/keys';
import { ScanVault } from '../../src/core/scans/scanVault';
import { databasePath } from '../../src/core/workstation';
import { OPERATOR, OPERATOR_PASSWORD } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { addScan, bigPdf, counterWithCase, vaultFiles } from './faultCounter';

const dir = tempDir('azho-unused-');
afterAll(() => dir.remove());

it('clears at start the files of scans whose removal was cut short, and keeps every file a scan still uses', async () => {
  const { core, caseId } = await counterWithCase({ dataDir: dir.path });
  try {
    const added = async (tag: string) => {
      const answer = await addScan(core, caseId, bigPdf(1, tag));
      if (!answer.ok) throw new Error(`scans.add: ${answer.error.code}`);
      return answer.value as { id: number };
    };
    const kept = await added('kept');
    const cut = await added('cut-short');
    expect(vaultFiles(dir.path)).toHaveLength(2);
    core.ws.close();

    // As a kill leaves it: the second scan's row marked removed, its file still in the vault; and
    // a file under a scan's name that no row ever named.
    const db = new Database(databasePath(dir.path));
    const cutFile = (db.prepare('SELECT vault_name FROM scans WHERE id = ?').pluck().get(cut.id) as string);
    db.prepare("UPDATE scans SET removed_at = '2026-01-15T09:00:00.000Z' WHERE id = ?").run(cut.id);
    db.close();
    const stray = join(dir.path, 'scans', cutFile.slice(0, 2), `${cutFile.slice(0, 2)}${'0'.repeat(62)}`);
    copyFileSync(join(dir.path, 'scans', cutFile.slice(0, 2), cutFile), stray);
    expect(vaultFiles(dir.path)).toHaveLength(3);

    core.reopen();
    await expect.poll(() => vaultFiles(dir.path).length).toBe(1);
    const keptFile = new Database(databasePath(dir.path), { readonly: true }).prepare('SELECT vault_name FROM scans WHERE id = ?').pluck().get(kept.id) as string;
    expect(vaultFiles(dir.path)).toEqual([`${keptFile.slice(0, 2)}/${keptFile}`]);
    // The kept file still opens to the scan's bytes.
    const keys = createKeyring(core.masterKey);
    const vault = new ScanVault(join(dir.path, 'scans'), keys.get('scan-vault'), keys.get('scan-name'));
    expect((await vault.get(keptFile)).equals(bigPdf(1, 'kept'))).toBe(true);
    await core.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-1');
    const list = await core.call('scans.list', { caseId }, 'counter-1');
    expect(list.scans.map((s) => s.id)).toEqual([kept.id]);
  } finally {
    core.dispose();
  }
});
