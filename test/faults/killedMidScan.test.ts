/**
 * The process is killed (SIGKILL: a power cut, the task manager) while it writes a scan: a
 * half-written, encrypted temporary file is left in the vault. At the next start that file must
 * not be taken for a scan and must be cleared; the case shows no such scan, and the operator adds
 * it again. The core runs in a child process whose disk is slow (each write waits), so the kill
 * lands in the middle of the write every time, not by luck.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { OPERATOR, OPERATOR_PASSWORD } from '../support/counter';
import { tempDir } from '../support/tempDir';
import { openTestCore, type TestCore } from '../support/workstation';
import { bundleChild, RESOURCES, runChild } from './childCore';
import { addScan, auditVerdict, bigPdf, counterWithCase, rowCounts, vaultFiles } from './faultCounter';

const SCAN_MB = 8;
let child: Awaited<ReturnType<typeof bundleChild>>;
let core: TestCore | undefined;
const dir = tempDir('azho-killed-');
beforeAll(async () => (child = await bundleChild()));
afterAll(() => {
  core?.ws.close();
  dir.remove();
  child?.remove();
});

it('killed in the middle of writing a scan: at the next start the half file is cleared, no scan is taken from it, the scan goes in again', async () => {
  const masterKey = randomBytes(32);
  const counter = await counterWithCase({ dataDir: dir.path, masterKey });
  counter.core.ws.close();
  const rowsBefore = rowCounts(dir.path);

  const run = runChild(child.script, {
    FAULT_MODE: 'scan', FAULT_DATA_DIR: dir.path, FAULT_KEY: masterKey.toString('hex'), FAULT_RESOURCES: RESOURCES,
    FAULT_CASE: String(counter.caseId), FAULT_SCAN_MB: String(SCAN_MB),
  });
  await run.line('WRITING');
  // Killed once a few megabytes of the scan are down: well inside the write, far from its end.
  const part = await vi.waitFor(
    () => {
      const found = vaultFiles(dir.path).find((f) => f.endsWith('.part'));
      if (!found || statSync(join(dir.path, 'scans', found)).size < 2 * 1024 * 1024) throw new Error('not yet');
      return found;
    },
    { timeout: 20_000, interval: 5 },
  );
  run.child.kill('SIGKILL');
  await run.exited;
  const left = statSync(join(dir.path, 'scans', part)).size;
  expect(run.output()).not.toContain('STORED');
  expect(vaultFiles(dir.path)).toEqual([part]);
  console.log(`killed mid-scan: SIGKILL with ${(left / 1048576).toFixed(1)} of ${SCAN_MB} MB written; the vault holds only ${part}`);

  core = openTestCore({ dataDir: dir.path, masterKey });
  expect(await core.call('app.status', {})).toMatchObject({ ready: true });
  await vi.waitFor(() => expect(vaultFiles(dir.path)).toEqual([]), { timeout: 5_000, interval: 10 });
  expect(rowCounts(dir.path).scans).toBe(rowsBefore.scans);
  await core.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, 'counter-1');
  expect((await core.call('scans.list', { caseId: counter.caseId }, 'counter-1')).scans).toEqual([]);
  console.log('killed mid-scan: next start → the half file is removed, no scan row, the case lists no scan');

  const again = await addScan(core, counter.caseId, bigPdf(SCAN_MB, 'killed'));
  expect(again.ok).toBe(true);
  const files = vaultFiles(dir.path);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
  expect(await auditVerdict(core)).toMatchObject({ ok: true, brokenAt: null });
  console.log('killed mid-scan: the same scan added again → one whole file under its name, the audit chain verifies');
});
