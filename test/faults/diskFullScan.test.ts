/**
 * The disk fills up while a scan is being written: ENOSPC from the file layer after a megabyte
 * and a half is down (a real write returns short, then fails — so a half file exists at that
 * moment). The operator is told DISK_FULL, nothing half-written stays, no scan row is made, and
 * the same scan goes in once there is space again.
 */
import { open } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import type { VaultFiles } from '../../src/core/scans/scanVault';
import type { TestCore } from '../support/workstation';
import { LOCALES, message } from './messages';
import { addScan, auditVerdict, bigPdf, counterWithCase, rowCounts, vaultFiles } from './faultCounter';

let core: TestCore | undefined;
afterEach(() => core?.dispose());

/** The real file layer, with a disk that holds `room` more bytes while `full` is set. */
function fillingDisk(room: number) {
  const disk = { full: false, partsSeen: [] as string[] };
  const files: VaultFiles = {
    open: (async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      let written = 0;
      const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number, p: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;
      (handle as unknown as { write: typeof write }).write = async (buffer, offset, length, position) => {
        if (!disk.full) return write(buffer, offset, length, position);
        const fits = Math.max(0, Math.min(length, room - written));
        if (fits === 0) {
          disk.partsSeen.push(String(args[0]));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
        }
        written += fits;
        return write(buffer, offset, fits, position);
      };
      return handle;
    }) as VaultFiles['open'],
  };
  return { disk, files };
}

it('a full disk while a scan is stored: DISK_FULL, no half file, no scan row; the same scan goes in once space returns', async () => {
  const { disk, files } = fillingDisk(1.5 * 1024 * 1024);
  const counter = await counterWithCase({ storageSeams: { scanFiles: files } });
  core = counter.core;
  const scan = bigPdf(4);
  const rowsBefore = rowCounts(core.dataDir);
  const filesBefore = vaultFiles(core.dataDir);

  disk.full = true;
  const refused = await addScan(core, counter.caseId, scan);
  expect(refused).toEqual({ ok: false, error: { code: 'DISK_FULL' } });
  console.log(`disk full mid-scan: the call answers ${JSON.stringify(refused)}`);
  for (const locale of LOCALES) expect(message(locale, 'error.DISK_FULL')).toBeTruthy();
  console.log(`disk full mid-scan: the operator reads: "${message('en', 'error.DISK_FULL')}"`);
  // The write really failed part-way (a half file existed), and nothing of it is left.
  expect(disk.partsSeen.some((p) => p.endsWith('.part'))).toBe(true);
  expect(vaultFiles(core.dataDir)).toEqual(filesBefore);
  console.log(`disk full mid-scan: vault files before ${filesBefore.length}, after ${vaultFiles(core.dataDir).length} (no .part, no scan file)`);
  expect(rowCounts(core.dataDir)).toEqual(rowsBefore);
  const list = await core.call('scans.list', { caseId: counter.caseId }, 'counter-1');
  expect(list.scans).toEqual([]);
  console.log('disk full mid-scan: no row in any table, the case lists no scan');

  disk.full = false;
  const added = await addScan(core, counter.caseId, scan);
  expect(added.ok).toBe(true);
  expect((await core.call('scans.list', { caseId: counter.caseId }, 'counter-1')).scans).toHaveLength(1);
  expect(vaultFiles(core.dataDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  expect(await auditVerdict(core)).toMatchObject({ ok: true, brokenAt: null });
  console.log('disk full mid-scan: space back → the same scan is stored, the audit chain verifies');
});
