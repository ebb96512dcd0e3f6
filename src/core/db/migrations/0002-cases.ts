import type { Database } from 'better-sqlite3';

/**
 * Cases: one applicant's request for one service under one act's channel, where it stands in
 * the act's flow, every step's start and end against its norm, the documents given to the
 * applicant, and the survey. Applicant and representative data are sealed (AES-GCM).
 */
export function migration0002(db: Database): void {
  db.exec(`
    CREATE TABLE cases (
      id              INTEGER PRIMARY KEY,
      number          TEXT NOT NULL UNIQUE,
      regulation_id   TEXT NOT NULL,
      channel         TEXT NOT NULL,
      step            TEXT NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('inProgress', 'waitingTarget', 'refused', 'resultReady', 'issued')),
      outcome         TEXT CHECK (outcome IN ('result', 'refusal')),
      applicant_index TEXT,
      applicant_enc   BLOB,
      representative_enc BLOB,
      document_locale TEXT NOT NULL CHECK (document_locale IN ('kk', 'ru')),
      documents_taken TEXT NOT NULL DEFAULT '[]',
      documents_missing INTEGER NOT NULL DEFAULT 0,
      -- What the state databases answered (found or not), without the personal data itself.
      checks          TEXT NOT NULL DEFAULT '{}',
      gateway_waiting INTEGER NOT NULL DEFAULT 0,
      registration_number TEXT,
      refusal_reason  TEXT,
      expected_result_date TEXT,
      training        INTEGER NOT NULL DEFAULT 0,
      operator_id     INTEGER NOT NULL REFERENCES operators(id),
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      -- Raised by every transition: a step sent twice, or from a stale screen, finds it moved on.
      version         INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX cases_by_created ON cases (created_at);
    CREATE INDEX cases_by_applicant ON cases (applicant_index);
    CREATE INDEX cases_by_status ON cases (status, updated_at);

    CREATE TABLE case_steps (
      id          INTEGER PRIMARY KEY,
      case_id     INTEGER NOT NULL REFERENCES cases(id),
      step        TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      ended_at    TEXT,
      outcome     TEXT,
      norm_due_at TEXT,
      breached    INTEGER NOT NULL DEFAULT 0,
      operator_id INTEGER REFERENCES operators(id)
    ) STRICT;
    CREATE INDEX case_steps_by_case ON case_steps (case_id, id);

    CREATE TABLE case_documents (
      id         INTEGER PRIMARY KEY,
      case_id    INTEGER NOT NULL REFERENCES cases(id),
      kind       TEXT NOT NULL CHECK (kind IN ('receipt', 'refusalDataUnavailable', 'refusalDocuments', 'issuance')),
      locale     TEXT NOT NULL CHECK (locale IN ('kk', 'ru')),
      body_enc   BLOB NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (case_id, kind)
    ) STRICT;

    CREATE TABLE case_surveys (
      case_id             INTEGER PRIMARY KEY REFERENCES cases(id),
      process_quality     INTEGER NOT NULL CHECK (process_quality BETWEEN 1 AND 3),
      information_quality INTEGER NOT NULL CHECK (information_quality BETWEEN 1 AND 3),
      answered_at         TEXT NOT NULL
    ) STRICT;

    -- The daily sequence behind case numbers, per day; never reused.
    CREATE TABLE case_numbers (
      day  TEXT PRIMARY KEY,
      last INTEGER NOT NULL
    ) STRICT;
  `);
}
