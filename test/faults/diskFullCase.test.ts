/**
 * The disk fills up while a case is committed: SQLite answers SQLITE_FULL. The disk is made
 * "full" on the core's own connection with PRAGMA max_page_count (no small file system needed,
 * and no root): the database may not grow by a single page. Cases are taken and handed over
 * until a commit needs a new page; that commit must roll back whole — every table's rows and the
 * case exactly as before — and answer DISK_FULL. With space back, the same step goes through and
 * the audit chain still verifies (an audit row that was rolled back must not stay in the chain's
 * memory).
 */
import type { Database } from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { TestCore } from '../support/workstation';
import { LOCALES, message } from './messages';
import { S1_DOCUMENTS, auditVerdict, caseRows, counterWithCase, rowCounts } from './faultCounter';

let core: TestCore | undefined;
afterEach(() => core?.dispose());

it('a full disk while a case is committed: DISK_FULL, the transaction rolled back whole, the case unchanged; it goes through once space returns', async () => {
  let db: Database | undefined;
  const counter = await counterWithCase({ storageSeams: { database: (d) => (db = d) } });
  core = counter.core;
  const full = () => db!.pragma(`max_page_count = ${db!.pragma('page_count', { simple: true }) as number}`);
  const roomy = () => db!.pragma('max_page_count = 1073741823');

  full();
  // The operator's two commits of a new case, again and again, until one needs a page the disk has not got.
  type Step = { name: 'cases.start' | 'cases.handOver'; input: () => unknown; caseId?: number };
  let refusedStep: Step | undefined;
  let before: { rows: Record<string, number>; view: unknown } | undefined;
  let committed = 0;
  for (let i = 0; i < 500 && !refusedStep; i++) {
    const start: Step = { name: 'cases.start', input: () => ({ regulationId: 's1-aktobe-285', documentLocale: 'kk' }) };
    before = { rows: rowCounts(core.dataDir), view: null };
    const started = await core.ws.dispatch(start.name, start.input(), 'counter-1');
    if (!started.ok) {
      refusedStep = start;
      expect(started.error).toEqual({ code: 'DISK_FULL' });
      break;
    }
    committed++;
    const v = started.value as { id: number; version: number };
    const handOver: Step = { name: 'cases.handOver', input: () => ({ caseId: v.id, version: v.version, documents: S1_DOCUMENTS }), caseId: v.id };
    before = { rows: rowCounts(core.dataDir), view: caseRows(core.dataDir, v.id) };
    const handed = await core.ws.dispatch(handOver.name, handOver.input(), 'counter-1');
    if (!handed.ok) {
      refusedStep = handOver;
      expect(handed.error).toEqual({ code: 'DISK_FULL' });
      break;
    }
    committed++;
  }
  expect(refusedStep).toBeDefined();
  console.log(`disk full mid-commit: ${committed} commits fitted, then ${refusedStep!.name} answered DISK_FULL`);
  for (const locale of LOCALES) expect(message(locale, 'error.DISK_FULL')).toBeTruthy();
  console.log(`disk full mid-commit: the operator reads: "${message('en', 'error.DISK_FULL')}"`);

  // Rolled back whole: not a row more in any table (case, steps, audit, outbox…), the case as it was.
  expect(rowCounts(core.dataDir)).toEqual(before!.rows);
  if (refusedStep!.caseId) expect(caseRows(core.dataDir, refusedStep!.caseId)).toEqual(before!.view);
  console.log(`disk full mid-commit: rows in ${Object.keys(before!.rows).length} tables unchanged${refusedStep!.caseId ? ', the case unchanged (same version and step)' : ''}`);

  roomy();
  const again = await core.ws.dispatch(refusedStep!.name, refusedStep!.input(), 'counter-1');
  expect(again.ok).toBe(true);
  expect(await auditVerdict(core)).toMatchObject({ ok: true, brokenAt: null });
  console.log(`disk full mid-commit: space back → ${refusedStep!.name} goes through, the audit chain verifies`);
});
