/**
 * Issue 12, item 4: the audit log cannot be rewritten. The application's own connection is refused
 * every UPDATE and DELETE; an attacker with the database file (a second raw connection that drops
 * the triggers first) is named at the FIRST broken row; and one who also has the audit key — who can
 * re-HMAC the whole chain and reseal the head — is caught by the head anchored outside the database.
 * Real SQLite on a real file; each check prints one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir';
import { ManualClock } from '../../src/core/clock';
import { openDatabase } from '../../src/core/db/open';
import { createAuditLog, type AuditLog } from '../../src/core/audit/auditLog';
import { anchorPath } from '../../src/core/audit/anchorFile';
import { clearTrainingData } from '../../src/core/training/reset';

const key = randomBytes(32);
const ROWS = 10;
let dir: ReturnType<typeof tempDir>;
let dbPath: string;
let db: Database.Database;
let clock: ManualClock;
let log: AuditLog;

const say = (line: string) => console.log(`audit append-only: ${line}`);
const row = (i: number, n = i) => ({ actorId: 1, action: 'auth.login', subject: `operator:${i}`, detail: { n } });

beforeEach(() => {
  dir = tempDir();
  dbPath = join(dir.path, 'azho.db');
  db = openDatabase(dbPath, { checkIntegrity: false });
  clock = new ManualClock();
  // A large `every`: these tests anchor on demand, the last one checks the automatic anchoring.
  log = createAuditLog(db, key, clock, { file: anchorPath(dir.path), every: 1_000 });
  for (let i = 1; i <= ROWS; i++) {
    clock.advance(1000);
    log.append(row(i));
  }
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** Someone with the file: a connection of their own, the guards dropped first. */
function attacker(): Database.Database {
  const raw = new Database(dbPath);
  raw.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_append_at_end;
            DROP TRIGGER audit_head_one_step; DROP TRIGGER audit_head_no_delete;`);
  return raw;
}
function tamper(sql: string) {
  const raw = attacker();
  raw.exec(sql);
  raw.close();
}
/** Someone with the file AND the audit key: empties the log and writes a history of their own, re-HMACed and resealed. */
function rewriteWithKey(rows: number, edit: (i: number) => number) {
  const raw = attacker();
  raw.exec('DELETE FROM audit; DELETE FROM audit_head;');
  const forger = new ManualClock();
  const forged = createAuditLog(raw, key, forger);
  for (let i = 1; i <= rows; i++) {
    forger.advance(1000);
    forged.append(row(i, edit(i)));
  }
  raw.close();
}

describe('the audit table is append-only', () => {
  it('refuses UPDATE, DELETE, an insert off the end and a head moved back — from the application itself', () => {
    expect(() => db.exec("UPDATE audit SET action = 'x' WHERE id = 3")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit WHERE id = 3')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO audit SELECT ${ROWS + 5}, at, actor_id, action, subject, detail, prev_hash, hash FROM audit WHERE id = 1`)).toThrow(/only at the end/);
    expect(() => db.exec('UPDATE audit_head SET last_id = 7')).toThrow(/one row at a time/);
    expect(() => db.exec('DELETE FROM audit_head')).toThrow(/never removed/);
    expect(log.verify()).toMatchObject({ ok: true, checked: ROWS });
    say('UPDATE, DELETE, insert off the end, head moved back or removed → refused by triggers');
  });

  it('keeps the paths that write around the audit working: training reset and the branch cursor', () => {
    const counts = clearTrainingData(db, (c) => log.append({ actorId: 1, action: 'training.reset', detail: c }));
    expect(counts).toMatchObject({ cases: 0, tickets: 0 });
    // The branch's cursor over the audit is its own column in branch_link, never a mark on audit rows.
    const cols = (db.pragma('table_info(branch_link)') as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('audit_sent');
    expect(log.verify()).toMatchObject({ ok: true, checked: ROWS + 1 });
    say('training reset appends its row; branch cursor lives in branch_link.audit_sent → chain intact');
  });
});

describe('verification names the first broken row (attacker with the file, without the key)', () => {
  const cases: [string, string, number, string][] = [
    ['an edited row', `UPDATE audit SET detail = '{"n":99}' WHERE id = 4`, 4, 'edited'],
    ['an edited row with its hash recomputed without the key', `UPDATE audit SET actor_id = 2, hash = '${'f'.repeat(64)}' WHERE id = 6`, 6, 'edited'],
    ['a deleted row', 'DELETE FROM audit WHERE id = 5', 5, 'missing'],
    ['a deleted row, the rest renumbered to close the gap', 'DELETE FROM audit WHERE id = 5; UPDATE audit SET id = id - 1 WHERE id > 5', 5, 'missing'],
    ['two rows swapped', 'UPDATE audit SET id = -4 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = -4', 4, 'reordered'],
    ['two distant rows swapped', 'UPDATE audit SET id = -3 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 8; UPDATE audit SET id = 8 WHERE id = -3', 3, 'reordered'],
    [
      'a row inserted, the rest renumbered to make room',
      `UPDATE audit SET id = -id WHERE id >= 6; UPDATE audit SET id = -id + 1 WHERE id < 0;
       INSERT INTO audit SELECT 6, at, actor_id, action, 'operator:99', detail, prev_hash, hash FROM audit WHERE id = 5`,
      6,
      'inserted',
    ],
    ['a row appended past the sealed head', `INSERT INTO audit SELECT ${ROWS + 1}, at, actor_id, 'auth.logout', subject, detail, hash, hash FROM audit WHERE id = ${ROWS}`, ROWS + 1, 'inserted'],
  ];
  for (const [what, sql, brokenAt, problem] of cases) {
    it(`finds ${what}`, () => {
      tamper(sql);
      const verdict = log.verify();
      expect(verdict).toMatchObject({ ok: false, checked: brokenAt - 1, brokenAt, problem });
      say(`${what} → broken at row ${verdict.brokenAt} (${verdict.problem})`);
    });
  }
});

describe('the head anchored outside the database (attacker with the file AND the key)', () => {
  it('catches a whole chain rewritten and re-HMACed, and shows the anchor in the verdict', () => {
    const anchor = log.anchor();
    expect(JSON.parse(readFileSync(anchorPath(dir.path), 'utf8'))).toEqual(anchor);
    expect(log.verify()).toEqual({ ok: true, checked: ROWS, brokenAt: null, problem: null, anchor });

    rewriteWithKey(ROWS, (i) => (i === 3 ? 333 : i));
    // Inside the database everything agrees: only the anchor knows better.
    expect(createAuditLog(db, key, clock).verify()).toMatchObject({ ok: true, checked: ROWS });
    const verdict = log.verify();
    expect(verdict).toEqual({ ok: false, checked: ROWS, brokenAt: ROWS, problem: 'rewritten', anchor });
    say(`whole chain re-HMACed with the key → ${verdict.problem}, anchored head row ${anchor?.id} (${anchor?.hash.slice(0, 12)}…) no longer matches`);
  });

  it('catches the tail cut off with the head resealed', () => {
    log.anchor();
    rewriteWithKey(7, (i) => i);
    expect(createAuditLog(db, key, clock).verify()).toMatchObject({ ok: true, checked: 7 });
    const verdict = log.verify();
    expect(verdict).toMatchObject({ ok: false, checked: 7, brokenAt: 8, problem: 'truncated', anchor: { id: ROWS } });
    say(`tail cut to 7 rows and head resealed with the key → ${verdict.problem} from row ${verdict.brokenAt}`);
  });

  it('anchors by itself every N committed rows, never a row that rolled back', async () => {
    const file = join(dir.path, 'auto-anchor.json');
    const auto = createAuditLog(db, key, clock, { file, every: 5 });
    expect(() =>
      db.transaction(() => {
        for (let i = 0; i < 6; i++) auto.append(row(90 + i));
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    await Promise.resolve();
    // The head had moved 10 rows (ROWS) before this log was made: the first check anchors them.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: ROWS });
    db.transaction(() => {
      for (let i = 0; i < 4; i++) auto.append(row(100 + i));
    })();
    await Promise.resolve();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: ROWS }); // 4 < 5: not due
    auto.append(row(104));
    await Promise.resolve();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: ROWS + 5 });
    expect(auto.verify()).toMatchObject({ ok: true, checked: ROWS + 5, anchor: { id: ROWS + 5 } });
    expect(existsSync(`${file}.tmp`)).toBe(false);
    say(`anchored every 5 committed rows (head now row ${ROWS + 5}); rolled-back rows never anchored`);
  });
});
