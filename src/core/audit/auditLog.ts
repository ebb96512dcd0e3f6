/**
 * The audit log: append-only rows, each carrying an HMAC over its content and the previous
 * row's hash. Without the audit key nobody can rewrite a row and re-chain the rest; a deleted
 * row breaks the link after it, and rows cut from the end no longer match the stored head.
 */
import { createHmac } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditEntry, AuditVerdict } from '../../shared/schemas';
import type { Clock } from '../clock';
import { iso } from '../clock';

const GENESIS = '0'.repeat(64);

export interface AuditRecord {
  actorId: number | null;
  action: string;
  subject?: string | null;
  /** Never personal data or secrets: ids, counts, reasons. */
  detail?: Record<string, unknown>;
}

interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
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
}

export function createAuditLog(db: Database, key: Buffer, clock: Clock): AuditLog {
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

  return {
    // Called inside the caller's transaction when there is one (better-sqlite3 nests as savepoints),
    // so the audit row commits or rolls back with the change it records.
    append: (record) => appendTx(record),

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

    verify() {
      let expectedId = 1;
      let prevHash = GENESIS;
      let checked = 0;
      for (const r of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<Row>) {
        if (r.id !== expectedId || r.prev_hash !== prevHash) {
          return { ok: false, checked, brokenAt: r.id, problem: r.id !== expectedId ? 'missing' : 'edited' };
        }
        if (digest(r.prev_hash, r.id, r.at, r.actor_id, r.action, r.subject, r.detail) !== r.hash) {
          return { ok: false, checked, brokenAt: r.id, problem: 'edited' };
        }
        prevHash = r.hash;
        expectedId++;
        checked++;
      }
      const h = head.get() as HeadRow | undefined;
      const headOk = h ? h.seal === sealHead(h.last_id, h.last_hash) : checked === 0;
      if (!headOk || (h?.last_id ?? 0) !== checked || (h?.last_hash ?? GENESIS) !== prevHash) {
        return { ok: false, checked, brokenAt: checked + 1, problem: 'truncated' };
      }
      return { ok: true, checked, brokenAt: null, problem: null };
    },
  };
}
