import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { ManualClock } from '../clock';
import { openDatabase } from '../db/open';
import { createAuditLog, type AuditLog } from './auditLog';

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
let log: AuditLog;
const key = randomBytes(32);

beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.path, 'azho.db'), { checkIntegrity: false });
  log = createAuditLog(db, key, new ManualClock());
  for (let i = 1; i <= 10; i++) log.append({ actorId: 1, action: 'auth.login', subject: `operator:${i}`, detail: { n: i } });
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** What someone with the database file but without the audit key could do. */
function tamper(sql: string) {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_head_one_step;');
  db.exec(sql);
}

describe('audit chain', () => {
  it('verifies an intact log', () => {
    expect(log.verify()).toEqual({ ok: true, checked: 10, brokenAt: null, problem: null, anchor: null });
    expect(log.list(3).map((e) => e.id)).toEqual([10, 9, 8]);
    expect(log.list(3, 8).map((e) => e.id)).toEqual([7, 6, 5]);
  });

  it('refuses updates and deletes from the application itself', () => {
    expect(() => db.exec("UPDATE audit SET action = 'x' WHERE id = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit WHERE id = 1')).toThrow(/append-only/);
  });

  it('finds an edited row', () => {
    tamper(`UPDATE audit SET detail = '{"n":99}' WHERE id = 4`);
    expect(log.verify()).toEqual({ ok: false, checked: 3, brokenAt: 4, problem: 'edited', anchor: null });
  });

  it('finds an edited row even when its own hash was recomputed without the key', () => {
    tamper(`UPDATE audit SET actor_id = 2, hash = '${'f'.repeat(64)}' WHERE id = 6`);
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 6, problem: 'edited' });
  });

  it('finds a deleted row', () => {
    tamper('DELETE FROM audit WHERE id = 5');
    expect(log.verify()).toEqual({ ok: false, checked: 4, brokenAt: 5, problem: 'missing', anchor: null });
  });

  it('finds rows cut from the end, even with the head moved back by hand', () => {
    tamper('DELETE FROM audit WHERE id > 7');
    expect(log.verify()).toEqual({ ok: false, checked: 7, brokenAt: 8, problem: 'truncated', anchor: null });
    db.exec("UPDATE audit_head SET last_id = 7, last_hash = (SELECT hash FROM audit WHERE id = 7)");
    expect(log.verify()).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('rolls an audit row back with the change it records', () => {
    expect(() =>
      db.transaction(() => {
        log.append({ actorId: 1, action: 'operators.created' });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(log.verify()).toEqual({ ok: true, checked: 10, brokenAt: null, problem: null, anchor: null });
    log.append({ actorId: 1, action: 'auth.logout' });
    expect(log.verify().checked).toBe(11);
  });
});
