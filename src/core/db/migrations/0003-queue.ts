import type { Database } from 'better-sqlite3';

/**
 * The electronic queue: tickets numbered per service group and day, a barrier-free
 * priority category, the window that called them, and the times that make the statistics
 * (issued → called → service started → finished).
 */
export function migration0003(db: Database): void {
  db.exec(`
    CREATE TABLE tickets (
      id          INTEGER PRIMARY KEY,
      day         TEXT NOT NULL,
      -- The group the number was issued in (its letter), and the line it now waits in: a
      -- transfer moves the ticket to another line and keeps its number.
      grp         TEXT NOT NULL CHECK (length(grp) = 1),
      line        TEXT NOT NULL CHECK (length(line) = 1),
      seq         INTEGER NOT NULL,
      number      TEXT NOT NULL,
      priority    TEXT,
      regulation_id TEXT,
      state       TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'done', 'noShow', 'unserved')),
      -- While waiting: the window it was transferred to (NULL: any window of its group).
      -- Once called: the window that called it.
      window      TEXT,
      operator_id INTEGER REFERENCES operators(id),
      recalls     INTEGER NOT NULL DEFAULT 0,
      issued_at   TEXT NOT NULL,
      -- Where the ticket stands in its line: its issue order, kept through a return or a transfer.
      line_order  INTEGER NOT NULL,
      called_at   TEXT,
      service_started_at TEXT,
      finished_at TEXT,
      case_id     INTEGER REFERENCES cases(id),
      transfers   INTEGER NOT NULL DEFAULT 0,
      version     INTEGER NOT NULL DEFAULT 0,
      UNIQUE (day, grp, seq)
    ) STRICT;
    -- The head of each line in one index step: call-next never scans the day's tickets.
    CREATE INDEX tickets_line ON tickets (day, state, line, (priority IS NOT NULL), line_order);
    CREATE INDEX tickets_reserved ON tickets (day, state, window, line_order);
    CREATE INDEX tickets_by_day ON tickets (day, grp);

    CREATE TABLE ticket_sequences (
      day  TEXT NOT NULL,
      grp  TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (day, grp)
    ) STRICT;

    -- Consecutive priority calls while a regular ticket waited (anti-starvation), per day.
    CREATE TABLE queue_state (
      day             TEXT PRIMARY KEY,
      priority_streak INTEGER NOT NULL DEFAULT 0,
      closed          INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE queue_windows (
      window      TEXT PRIMARY KEY,
      groups      TEXT NOT NULL,
      paused      INTEGER NOT NULL DEFAULT 0,
      operator_id INTEGER REFERENCES operators(id),
      updated_at  TEXT NOT NULL
    ) STRICT;
  `);
}
