/** The printed PDFs kept with their case (migration 0008): sealed bytes, their hash in clear. */
import type { Database } from 'better-sqlite3';
import type { DocumentKind } from '../../shared/cases';
import type { FieldCipher } from '../crypto/fieldCipher';
import type { Paper } from './documentPdf';

/** The column name is the sealed value's associated data, as for every other sealed column. */
const BODY = 'printed_pdfs.body';

export interface PrintedPdf {
  bytes: Buffer;
  sha256: string;
  createdAt: string;
}

export interface PrintedKey {
  caseId: number;
  kind: DocumentKind;
  paper: Paper;
  /** The composed document's time: one PDF per version of the document. */
  documentAt: string;
}

export function createPrintedStore(db: Database, cipher: FieldCipher) {
  const q = {
    get: db.prepare('SELECT body_enc, sha256, created_at FROM printed_pdfs WHERE case_id = ? AND kind = ? AND paper = ? AND document_at = ?'),
    insert: db.prepare(
      `INSERT INTO printed_pdfs (case_id, kind, paper, document_at, sha256, size, body_enc, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
  };
  return {
    get(k: PrintedKey): PrintedPdf | null {
      const r = q.get.get(k.caseId, k.kind, k.paper, k.documentAt) as { body_enc: Buffer; sha256: string; created_at: string } | undefined;
      // The cipher seals text: the PDF travels through it as base64.
      return r ? { bytes: Buffer.from(cipher.open(BODY, r.body_enc), 'base64'), sha256: r.sha256, createdAt: r.created_at } : null;
    },
    /** Keeps the first PDF made for a key; a second made at the same moment is dropped (the first is returned by the next `get`). */
    put(k: PrintedKey, pdf: { bytes: Buffer; sha256: string }, at: string, operatorId: number): void {
      q.insert.run(k.caseId, k.kind, k.paper, k.documentAt, pdf.sha256, pdf.bytes.length, cipher.seal(BODY, pdf.bytes.toString('base64')), at, operatorId);
    },
  };
}

export type PrintedStore = ReturnType<typeof createPrintedStore>;
