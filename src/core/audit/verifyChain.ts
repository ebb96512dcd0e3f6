/**
 * Walks the audit chain and names the FIRST row that is not what was written, and how:
 *
 * - missing   — row e is gone (a gap in the ids, or the rows after it renumbered down to close it);
 * - edited    — row e still links to its predecessor but its content no longer matches its HMAC;
 * - inserted  — the genuine row e sits further down and the row in its place is not genuine
 *               (a forged row slipped in, or added past the sealed head);
 * - reordered — the genuine row e sits further down and the row in its place is a genuine row
 *               from elsewhere in the chain (two rows swapped);
 * - truncated — the tail is shorter than the sealed head, or than the anchor outside the database;
 * - rewritten — the chain is whole and consistent but differs from the anchor: re-HMACed by
 *               someone who has the key and not the anchor.
 *
 * "Genuine row e" means: it carries the previous genuine row's hash and its HMAC verifies under id
 * e. Without the key nobody can make a row verify under an id it was not written with.
 */
import type { Database } from 'better-sqlite3';
import type { AuditAnchor, AuditVerdict } from '../../shared/schemas';

export const GENESIS = '0'.repeat(64);

export interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  subject: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface ChainKeys {
  /** The row's HMAC as if it had been written under `id`. */
  digest(row: Row, id: number): string;
  /** The sealed head inside the database, or null if absent or its seal fails. */
  sealedHead(): { lastId: number; lastHash: string } | null;
}

type Problem = NonNullable<AuditVerdict['problem']>;

export function verifyChain(db: Database, keys: ChainKeys, anchor: AuditAnchor | null | 'unreadable'): AuditVerdict {
  const anchorShown = anchor === 'unreadable' ? null : anchor;
  const broken = (checked: number, brokenAt: number | null, problem: Problem): AuditVerdict => ({ ok: false, checked, brokenAt, problem, anchor: anchorShown });
  const genuineAt = (row: Row, id: number, prevHash: string) => row.prev_hash === prevHash && keys.digest(row, id) === row.hash;
  const head = keys.sealedHead();

  let expected = 1;
  let prevHash = GENESIS;
  let anchoredHash: string | null = null;
  let misfit: Row | null = null;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY id').iterate() as IterableIterator<Row>) {
    if (row.id !== expected || !genuineAt(row, expected, prevHash)) {
      // Classified after the loop: the connection is busy while this iterator is open.
      misfit = row;
      break;
    }
    if (anchor && anchor !== 'unreadable' && row.id === anchor.id) anchoredHash = row.hash;
    prevHash = row.hash;
    expected++;
  }
  if (misfit) return broken(expected - 1, expected, classify(db, keys, misfit, expected, prevHash, head));
  const checked = expected - 1;

  if (!head ? checked !== 0 : head.lastId !== checked || head.lastHash !== prevHash) return broken(checked, checked + 1, 'truncated');
  if (anchor === 'unreadable') return broken(checked, null, 'rewritten');
  if (anchor && anchor.id > checked) return broken(checked, checked + 1, 'truncated');
  // The anchor vouches for rows 1..anchor.id as a whole; which of them was rewritten it cannot say.
  if (anchor && anchor.id > 0 && anchoredHash !== anchor.hash) return broken(checked, anchor.id, 'rewritten');
  return { ok: true, checked, brokenAt: null, problem: null, anchor: anchorShown };
}

/** Row `row` stands where genuine row `expected` should: say why. */
function classify(db: Database, keys: ChainKeys, row: Row, expected: number, prevHash: string, head: ReturnType<ChainKeys['sealedHead']>): Problem {
  if (row.id > expected) return 'missing';
  // Only read past the break once it is found: an intact chain is walked once, row by row.
  for (const later of db.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id').iterate(expected) as IterableIterator<Row>) {
    if (later.prev_hash === prevHash && keys.digest(later, expected) === later.hash) {
      return keys.digest(row, later.id) === row.hash ? 'reordered' : 'inserted';
    }
  }
  if (head && expected > head.lastId) return 'inserted';
  return row.prev_hash === prevHash ? 'edited' : 'missing';
}
