import type { Database } from 'better-sqlite3';

/**
 * The operator's signature of each case's request (one per case; signing again replaces it):
 * the signed XML, the certificate's subject and IIN sealed, the certificate's particulars and the scans
 * the signature covers in the clear, for the verification and the audit.
 */
export function migration0006(db: Database): void {
  db.exec(`
    CREATE TABLE case_signatures (
      case_id        INTEGER PRIMARY KEY REFERENCES cases(id),
      signer         TEXT NOT NULL CHECK (signer IN ('pkcs12', 'ncalayer')),
      signed_xml_enc BLOB NOT NULL,
      subject_enc    BLOB NOT NULL,
      iin_enc        BLOB NOT NULL,
      serial_number  TEXT NOT NULL,
      issuer         TEXT NOT NULL,
      valid_from     TEXT NOT NULL,
      valid_to       TEXT NOT NULL,
      -- [{scanId, sha256}] in the order signed
      scans          TEXT NOT NULL,
      signed_at      TEXT NOT NULL,
      operator_id    INTEGER NOT NULL REFERENCES operators(id)
    ) STRICT;
  `);
}
