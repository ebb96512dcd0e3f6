import type { Database } from 'better-sqlite3';

/**
 * Migration 0001 already refuses UPDATE and DELETE on `audit`. These close the two ways left to
 * the application itself to bend the chain: an INSERT anywhere but at the end (into a gap, or
 * with a jump that would hide rows never written), and a head moved other than one step forward
 * or removed. The audit log's own append is the only writer, and it always does exactly that.
 * Someone with the file can still drop triggers; the chain's HMAC and the anchor outside the
 * database are what catch them (src/core/audit).
 */
export function migration0012(db: Database): void {
  db.exec(`
    DROP TRIGGER IF EXISTS audit_no_update;
    DROP TRIGGER IF EXISTS audit_no_delete;
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
    CREATE TRIGGER audit_append_at_end BEFORE INSERT ON audit
      WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit)
      BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: a row is added only at the end'); END;

    CREATE TRIGGER audit_head_one_step BEFORE UPDATE ON audit_head
      WHEN NEW.last_id IS NOT OLD.last_id + 1
      BEGIN SELECT RAISE(ABORT, 'the audit head only moves forward, one row at a time'); END;
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
      BEGIN SELECT RAISE(ABORT, 'the audit head is never removed'); END;
  `);
}
