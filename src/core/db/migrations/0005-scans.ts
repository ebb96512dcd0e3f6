import type { Database } from 'better-sqlite3';

/**
 * Scans of the applicant's documents: what each page is (the act's required document, its order,
 * its type, size and SHA-256), where its encrypted bytes are in the scan vault, who took it and
 * when. The bytes never enter the database; the thumbnail does, sealed like personal data.
 * A removed scan keeps its row (who removed it, when); a purged one keeps it without its bytes.
 */
export function migration0005(db: Database): void {
  db.exec(`
    CREATE TABLE scans (
      id            INTEGER PRIMARY KEY,
      case_id       INTEGER NOT NULL REFERENCES cases(id),
      -- The act's required document this page belongs to (Standard item 9).
      document_id   TEXT NOT NULL,
      -- Order within the document, from 1, among the scans still there.
      page          INTEGER NOT NULL CHECK (page >= 1),
      type          TEXT NOT NULL CHECK (type IN ('pdf', 'jpeg', 'png', 'tiff')),
      size          INTEGER NOT NULL CHECK (size > 0),
      sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
      -- The vault file: a keyed hash of the content, so equal scans share one file.
      vault_name    TEXT NOT NULL CHECK (length(vault_name) = 64),
      pages         INTEGER NOT NULL CHECK (pages >= 1),
      rotation      INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
      source        TEXT NOT NULL CHECK (source IN ('file', 'hotFolder', 'camera', 'scanner')),
      thumbnail_enc BLOB,
      created_at    TEXT NOT NULL,
      created_by    INTEGER NOT NULL REFERENCES operators(id),
      removed_at    TEXT,
      removed_by    INTEGER REFERENCES operators(id),
      -- The retention period ran out after the registration was confirmed: the bytes are gone.
      purged_at     TEXT
    ) STRICT;
    CREATE INDEX scans_by_case ON scans (case_id, document_id, page) WHERE removed_at IS NULL AND purged_at IS NULL;
    CREATE INDEX scans_by_vault_name ON scans (vault_name) WHERE removed_at IS NULL AND purged_at IS NULL;
    CREATE INDEX scans_to_purge ON scans (created_at) WHERE purged_at IS NULL;
  `);
}
