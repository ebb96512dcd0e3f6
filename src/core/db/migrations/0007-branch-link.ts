import type { Database } from 'better-sqlite3';

/**
 * The workstation's link to its branch server: its enrolled identity (the private key sealed
 * with the personal-data key), and what is still to be reported to the branch. Changes are
 * captured by triggers in the same transaction as the change itself, so nothing written while
 * the branch link was down can be forgotten; each pending row is sent with its (kind, id,
 * version) as the idempotency key, and cleared only when the branch has stored it.
 *
 * Operator accounts are shared through the branch's directory: `updated_at` orders an account's
 * versions (the later one wins, here and at the branch), and a change made here is marked to be
 * pushed like a case. An account pulled from the branch clears its own mark in the same
 * transaction (operatorStore.applyFromBranch): the branch holds that version already.
 */
export function migration0007(db: Database): void {
  db.exec(`
    -- Until an account changes, its last change is its password's.
    ALTER TABLE operators ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
    UPDATE operators SET updated_at = password_changed_at;

    CREATE TABLE branch_link (
      singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
      api_url     TEXT NOT NULL,
      branch_id   TEXT NOT NULL,
      branch_name TEXT NOT NULL,
      device      TEXT NOT NULL,
      ca_pem      TEXT NOT NULL,
      cert_pem    TEXT NOT NULL,
      key_sealed  BLOB NOT NULL,
      enrolled_at TEXT NOT NULL,
      -- Audit rows up to this id were written before the workstation joined the branch, or are stored there.
      audit_sent  INTEGER NOT NULL
    ) STRICT;

    -- A case, a ticket or an operator account changed since the branch last stored it; seq tells
    -- a change made while it was being sent from the one that was sent.
    CREATE TABLE branch_pending (
      kind TEXT NOT NULL CHECK (kind IN ('case', 'ticket', 'operator')),
      ref  INTEGER NOT NULL,
      seq  INTEGER NOT NULL,
      PRIMARY KEY (kind, ref)
    ) STRICT;

    CREATE TRIGGER branch_case_inserted AFTER INSERT ON cases WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('case', NEW.id, NEW.version)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    CREATE TRIGGER branch_case_updated AFTER UPDATE ON cases WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('case', NEW.id, NEW.version)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    -- With a branch, the tickets in this database are the ones numbered here while cut off.
    CREATE TRIGGER branch_ticket_inserted AFTER INSERT ON tickets WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('ticket', NEW.id, NEW.version)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    CREATE TRIGGER branch_ticket_updated AFTER UPDATE ON tickets WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('ticket', NEW.id, NEW.version)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    -- An account has no version number: each change counts its mark up.
    CREATE TRIGGER branch_operator_inserted AFTER INSERT ON operators WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('operator', NEW.id, 1)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = seq + 1; END;
    CREATE TRIGGER branch_operator_updated AFTER UPDATE ON operators WHEN EXISTS (SELECT 1 FROM branch_link)
      AND NEW.updated_at IS NOT OLD.updated_at
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('operator', NEW.id, 1)
        ON CONFLICT (kind, ref) DO UPDATE SET seq = seq + 1; END;
  `);
}
