import type { Database } from 'better-sqlite3';

/**
 * The outbox: every message to the state systems, written in the same transaction as the case
 * change that calls for it, with its messageId fixed there. The sender delivers the oldest open
 * message of each case, and marks it done in the same transaction that stores its answer and
 * applies it to the case — so a crash at any instant repeats at most a send, under the same
 * messageId, which the gateway answers as the same request.
 */
export function migration0004(db: Database): void {
  db.exec(`
    CREATE TABLE outbox (
      id              INTEGER PRIMARY KEY,
      case_id         INTEGER NOT NULL REFERENCES cases(id),
      kind            TEXT NOT NULL CHECK (kind IN ('person', 'powerOfAttorney', 'submit', 'status')),
      message_id      TEXT NOT NULL UNIQUE,
      -- The case number: what ties the gateway's log to the case, without personal data.
      correlation_id  TEXT NOT NULL,
      -- The request (IINs, names): sealed like the case's own personal data.
      payload_enc     BLOB NOT NULL,
      state           TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      -- Milliseconds since the epoch: compared on every pass of the sender.
      next_attempt_at INTEGER NOT NULL,
      last_failure    TEXT,
      last_code       TEXT,
      answer_enc      BLOB,
      created_at      TEXT NOT NULL,
      last_attempt_at TEXT,
      done_at         TEXT
    ) STRICT;
    -- The open messages of each case in order: the sender's heads and the backlog.
    CREATE INDEX outbox_open ON outbox (case_id, id) WHERE state != 'done';
    CREATE INDEX outbox_by_case ON outbox (case_id, id);

    -- The counter part is done (signed, the receipt given): forwarding runs by itself.
    ALTER TABLE cases ADD COLUMN counter_done INTEGER NOT NULL DEFAULT 0;
    -- A refusal produced after the applicant left, and when they collected it.
    ALTER TABLE cases ADD COLUMN awaiting_collection INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cases ADD COLUMN collected_at TEXT;
    CREATE INDEX cases_to_collect ON cases (awaiting_collection) WHERE awaiting_collection = 1;
  `);
}
