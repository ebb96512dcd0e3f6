/** Scans' metadata in SQLite: the bytes are in the vault, the thumbnail sealed here. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ScanSource, ScanType } from '../../shared/scans';
import type { FieldCipher } from '../crypto/fieldCipher';

export type Rotation = 0 | 90 | 180 | 270;

export interface ScanRecord {
  id: number;
  caseId: number;
  documentId: string;
  page: number;
  type: ScanType;
  size: number;
  sha256: string;
  vaultName: string;
  pages: number;
  rotation: Rotation;
  source: ScanSource;
  thumbnail: string | null;
  createdAt: string;
  createdBy: number;
}

interface Row {
  id: number;
  case_id: number;
  document_id: string;
  page: number;
  type: ScanType;
  size: number;
  sha256: string;
  vault_name: string;
  pages: number;
  rotation: Rotation;
  source: ScanSource;
  thumbnail_enc: Buffer | null;
  created_at: string;
  created_by: number;
}

const THUMBNAIL = 'scans.thumbnail';
const LIVE = 'removed_at IS NULL AND purged_at IS NULL';

/** The scans' settings row (no call changes it yet: set by an administrator's tooling). */
export const ScanSettings = z.object({
  /** Days a scan is kept after it was taken, once the case's registration is confirmed. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
});
export type ScanSettings = z.infer<typeof ScanSettings>;

export function createScanStore(db: Database, cipher: FieldCipher) {
  const toRecord = (r: Row): ScanRecord => ({
    id: r.id,
    caseId: r.case_id,
    documentId: r.document_id,
    page: r.page,
    type: r.type,
    size: r.size,
    sha256: r.sha256,
    vaultName: r.vault_name,
    pages: r.pages,
    rotation: r.rotation,
    source: r.source,
    thumbnail: r.thumbnail_enc ? cipher.open(THUMBNAIL, r.thumbnail_enc) : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
  });

  const q = {
    get: db.prepare(`SELECT * FROM scans WHERE id = ? AND ${LIVE}`),
    byCase: db.prepare(`SELECT * FROM scans WHERE case_id = ? AND ${LIVE} ORDER BY document_id, page, id`),
    ofDocument: db.prepare(`SELECT id FROM scans WHERE case_id = ? AND document_id = ? AND ${LIVE} ORDER BY page, id`),
    nextPage: db.prepare(`SELECT coalesce(max(page), 0) + 1 AS next FROM scans WHERE case_id = ? AND document_id = ? AND ${LIVE}`),
    insert: db.prepare(
      `INSERT INTO scans (case_id, document_id, page, type, size, sha256, vault_name, pages, source, thumbnail_enc, created_at, created_by)
       VALUES (@caseId, @documentId, @page, @type, @size, @sha256, @vaultName, @pages, @source, @thumbnail, @createdAt, @createdBy)`,
    ),
    setPage: db.prepare('UPDATE scans SET page = ? WHERE id = ?'),
    setRotation: db.prepare(`UPDATE scans SET rotation = ? WHERE id = ? AND ${LIVE}`),
    remove: db.prepare(`UPDATE scans SET removed_at = ?, removed_by = ?, thumbnail_enc = NULL WHERE id = ? AND ${LIVE}`),
    references: db.prepare(`SELECT count(*) AS n FROM scans WHERE vault_name = ? AND ${LIVE}`),
    liveNames: db.prepare(`SELECT DISTINCT vault_name FROM scans WHERE ${LIVE}`).pluck(),
    sameInCase: db.prepare(`SELECT id FROM scans WHERE case_id = ? AND sha256 = ? AND ${LIVE} LIMIT 1`),
    toPurge: db.prepare(
      `SELECT s.id, s.case_id, s.vault_name FROM scans s JOIN cases c ON c.id = s.case_id
       WHERE s.purged_at IS NULL AND s.created_at < ? AND c.registration_number IS NOT NULL
       ORDER BY s.created_at LIMIT 1000`,
    ),
    purge: db.prepare('UPDATE scans SET purged_at = ?, thumbnail_enc = NULL WHERE id = ?'),
    settings: db.prepare("SELECT value FROM settings WHERE key = 'scans'"),
  };

  const renumber = (ids: number[]) => ids.forEach((id, i) => q.setPage.run(i + 1, id));

  return {
    get(id: number): ScanRecord | undefined {
      const r = q.get.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    byCase: (caseId: number): ScanRecord[] => (q.byCase.all(caseId) as Row[]).map(toRecord),
    idsOfDocument: (caseId: number, documentId: string): number[] =>
      (q.ofDocument.all(caseId, documentId) as { id: number }[]).map((r) => r.id),

    /** Adds the scan as the document's last page; called inside the caller's transaction. */
    insert(s: Omit<ScanRecord, 'id' | 'page' | 'rotation'>): ScanRecord {
      const page = (q.nextPage.get(s.caseId, s.documentId) as { next: number }).next;
      const id = Number(
        q.insert.run({ ...s, page, thumbnail: s.thumbnail === null ? null : cipher.seal(THUMBNAIL, s.thumbnail) }).lastInsertRowid,
      );
      return { ...s, id, page, rotation: 0 };
    },
    setRotation: (id: number, rotation: Rotation) => q.setRotation.run(rotation, id).changes === 1,
    /** The pages of the document in the given order, from 1. */
    reorder: (ids: number[]) => renumber(ids),
    /** Marks the scan removed and closes the gap in its document's pages. */
    remove(scan: ScanRecord, at: string, by: number): void {
      q.remove.run(at, by, scan.id);
      renumber((q.ofDocument.all(scan.caseId, scan.documentId) as { id: number }[]).map((r) => r.id));
    },
    /** How many scans still there use this vault file. */
    references: (vaultName: string): number => (q.references.get(vaultName) as { n: number }).n,
    /** Every vault file a scan still there uses: one read, for the sweep at start. */
    liveNames: (): Set<string> => new Set(q.liveNames.all() as string[]),
    hasInCase: (caseId: number, sha256: string): boolean => q.sameInCase.get(caseId, sha256) !== undefined,
    toPurge: (before: string) => q.toPurge.all(before) as { id: number; case_id: number; vault_name: string }[],
    markPurged: (id: number, at: string) => void q.purge.run(at, id),
    settings(): ScanSettings {
      const row = q.settings.get() as { value: string } | undefined;
      let stored: unknown = {};
      try {
        stored = row ? JSON.parse(row.value) : {};
      } catch {
        // A hand-edited value that is not JSON: the defaults apply.
      }
      const parsed = ScanSettings.safeParse(stored);
      return parsed.success ? parsed.data : ScanSettings.parse({});
    },
  };
}

export type ScanStore = ReturnType<typeof createScanStore>;
