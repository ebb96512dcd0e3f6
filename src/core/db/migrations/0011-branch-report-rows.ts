import type { Database } from 'better-sqlite3';

/**
 * The branch's reports need each case's steps and survey, which migration 0007's triggers do not
 * watch: they mark a case only when its row changes. A step is opened and closed in the very
 * transaction that raises the case's version, but a survey is answered without touching the case.
 *
 * The mark's `seq` is what the acknowledgement clears. A case row change writes its version there;
 * these write a negative number (-1 - version) that no version can equal, so a survey answered
 * while that version of the case is on its way to the branch changes the mark, and the
 * acknowledgement of the batch in flight leaves it pending — the survey is sent next time.
 */
export function migration0011(db: Database): void {
  db.exec(`
    CREATE TRIGGER branch_case_step_inserted AFTER INSERT ON case_steps WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('case', NEW.case_id, -1 - (SELECT version FROM cases WHERE id = NEW.case_id))
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    CREATE TRIGGER branch_case_step_updated AFTER UPDATE ON case_steps WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('case', NEW.case_id, -1 - (SELECT version FROM cases WHERE id = NEW.case_id))
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;
    CREATE TRIGGER branch_case_surveyed AFTER INSERT ON case_surveys WHEN EXISTS (SELECT 1 FROM branch_link)
      BEGIN INSERT INTO branch_pending (kind, ref, seq) VALUES ('case', NEW.case_id, -1 - (SELECT version FROM cases WHERE id = NEW.case_id))
        ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq; END;

    -- A workstation already in a branch sent its cases without steps or survey: once more, with them.
    INSERT INTO branch_pending (kind, ref, seq) SELECT 'case', id, -1 - version FROM cases WHERE EXISTS (SELECT 1 FROM branch_link)
      ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
  `);
}
