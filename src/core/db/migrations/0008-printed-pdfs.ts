import type { Database } from 'better-sqlite3';

/**
 * The PDFs printed for a case (receipt, refusal notices, issuance record), kept so that a
 * reprint is the very file handed over the first time. One row per version of the document
 * (`document_at` is the composed document's time: a pending receipt replaced by the final one is
 * a new PDF, the old one stays as it was printed) and per paper. The bytes carry the applicant's
 * data, so they are sealed like other personal data; the SHA-256 of the plain PDF stays in clear
 * for checking a paper copy against the record.
 */
export function migration0008(db: Database): void {
  db.exec(`
    CREATE TABLE printed_pdfs (
      id          INTEGER PRIMARY KEY,
      case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'refusalDataUnavailable', 'refusalDocuments', 'issuance')),
      paper       TEXT NOT NULL CHECK (paper IN ('a4', 'thermal80')),
      document_at TEXT NOT NULL,
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      size        INTEGER NOT NULL CHECK (size > 0),
      body_enc    BLOB NOT NULL,
      created_at  TEXT NOT NULL,
      created_by  INTEGER NOT NULL REFERENCES operators(id),
      UNIQUE (case_id, kind, paper, document_at)
    ) STRICT;
  `);
}
