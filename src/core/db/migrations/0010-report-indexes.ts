import type { Database } from 'better-sqlite3';

/**
 * The supervisor's reports read a period's steps: those that ended in it, and those still open.
 * Without these the report scans every step the counter ever recorded, and a day's report on a
 * year-old counter reads a year. The ended steps' index carries every column the report reads, so
 * a month's couple of hundred thousand steps come from the index alone, never from the table. The
 * open steps are few at any time, so their index is partial.
 * Surveys are read with their case (by the case's id, the table's key) and need nothing more.
 */
export function migration0010(db: Database): void {
  db.exec(`
    CREATE INDEX case_steps_by_end ON case_steps (ended_at, case_id, step, operator_id, started_at, norm_due_at, breached)
      WHERE ended_at IS NOT NULL;
    CREATE INDEX case_steps_open ON case_steps (started_at) WHERE ended_at IS NULL;
  `);
}
