/**
 * The audit log: append-only rows, each carrying an HMAC over its content and the previous
 * row's hash. Without the audit key nobody can rewrite a row and re-chain the rest; a deleted
 * row breaks the link after it, and rows cut from the end no longer match the stored head.
 * Someone who has the key as well could re-chain everything; the head anchored outside the
 * database (anchorFile.ts) every `anchorEvery` rows and on demand catches that too.
 */
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditAnchor, AuditEntry, AuditVerdict } from '../../shared/schemas';
import type { Clock } from '../clock';
import { iso } from '../clock';
import { readAnchor, writeAnchor } from './anchorFile';
import { GENESIS, verifyChain, type Row } from './verifyChain';

export interface AuditRecord {
  actorId: number | null;
  action: string;
  subject?: string | null;
  /** Never personal data or secrets: ids, counts, reasons. */
  detail?: Record<string, unknown>;
}

interface HeadRow {
  last_id: number;
  last_hash: string;
  seal: string;
}

export interface AuditLog {
  append(record: AuditRecord): number;
  list(limit: number, beforeId?: number): AuditEntry[];
  verify(): AuditVerdict;
  /**
   * Writes the committed head to the anchor file now (before a backup, or when an administrator
   * asks) and returns it; null when the log has no anchor file to write to. Outside transactions only.
   */
  anchor(): AuditAnchor | null;
}

export interface AnchorOptions {
  /** `audit-anchor.json` in the data folder (anchorPath). Without it nothing is anchored. */
  file: string;
  /** The head is written once at least this many rows were added since the last anchor. */
  every?: number;
}

export function createAuditLog(db: Database, key: Buffer, clock: Clock, anchoring?: AnchorOptions): AuditLog {
  const digest = (prevHash: string, id: number, at: string, actorId: number | null, action: string, subject: string | null, detail: string) =>
    createHmac('sha256', key).update(JSON.stringify([prevHash, id, at, actorId, action, subject, detail])).digest('hex');

  const sealHead = (lastId: number, lastHash: string) =>
    createHmac('sha256', key).update(`head:${lastId}:${lastHash}`).digest('hex');
  const head = db.prepare('SELECT last_id, last_hash, seal FROM audit_head WHERE singleton = 1');
  const insert = db.prepare(
    'INSERT INTO audit (id, at, actor_id, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const moveHead = db.prepare(
    'INSERT INTO audit_head (singleton, last_id, last_hash, seal) VALUES (1, ?, ?, ?) ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash, seal = excluded.seal',
  );
  const page = db.prepare('SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?');

  const appendTx = db.transaction((record: AuditRecord) => {
    const h = head.get() as HeadRow | undefined;
    const id = (h?.last_id ?? 0) + 1;
    const prevHash = h?.last_hash ?? GENESIS;
    const at = iso(clock.now());
    const subject = record.subject ?? null;
    const detail = JSON.stringify(record.detail ?? {});
    const hash = digest(prevHash, id, at, record.actorId, record.action, subject, detail);
    insert.run(id, at, record.actorId, record.action, subject, detail, prevHash, hash);
    moveHead.run(id, hash, sealHead(id, hash));
    return id;
  });

  const every = anchoring?.every ?? 100;
  let anchoredId: number | null = null;
  let anchorScheduled = false;
  const anchorNow = (): AuditAnchor | null => {
    if (!anchoring) return null;
    if (db.inTransaction) throw new Error('the audit head is anchored only outside a transaction: inside one it may not be committed');
    const h = head.get() as HeadRow | undefined;
    const anchor = { id: h?.last_id ?? 0, hash: h?.last_hash ?? GENESIS, at: iso(clock.now()) };
    writeAnchor(anchoring.file, anchor);
    anchoredId = anchor.id;
    return anchor;
  };
  /**
   * An append usually runs inside the caller's transaction, which may still roll back: an anchor
   * naming a row that never committed would later read as a cut tail. So the check waits for a
   * microtask — after the synchronous transaction has committed or rolled back — and anchors
   * the head as committed.
   */
  const anchorIfDue = () => {
    anchorScheduled = false;
    if (!anchoring || db.inTransaction || !db.open) return;
    if (anchoredId === null) {
      const found = readAnchor(anchoring.file);
      anchoredId = found && found !== 'unreadable' ? found.id : 0;
    }
    const h = head.get() as HeadRow | undefined;
    try {
      if ((h?.last_id ?? 0) - anchoredId >= every) anchorNow();
    } catch {
      // A full or read-only disk must not take the workstation down from a microtask; the anchor
      // stays behind and the next append tries again.
    }
  };

  return {
    // Called inside the caller's transaction when there is one (better-sqlite3 nests as savepoints),
    // so the audit row commits or rolls back with the change it records.
    append: (record) => {
      const id = appendTx(record);
      if (anchoring && !anchorScheduled) {
        anchorScheduled = true;
        queueMicrotask(anchorIfDue);
      }
      return id;
    },

    list(limit, beforeId) {
      return (page.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as Row[]).map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        subject: r.subject,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },

    verify: () =>
      verifyChain(
        db,
        {
          digest: (r, id) => digest(r.prev_hash, id, r.at, r.actor_id, r.action, r.subject, r.detail),
          sealedHead: () => {
            const h = head.get() as HeadRow | undefined;
            return h && h.seal === sealHead(h.last_id, h.last_hash) ? { lastId: h.last_id, lastHash: h.last_hash } : null;
          },
        },
        anchoring ? readAnchor(anchoring.file) : null,
      ),

    anchor: () => anchorNow(),
  };
}
