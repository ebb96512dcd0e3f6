/**
 * The reset of a training workstation's data: every case with all that hangs on it (steps,
 * documents, surveys, scans, signatures, the outbox, printed copies), every ticket, every run —
 * in one transaction — and then the scans' encrypted files. Accounts, settings, windows and the
 * audit log stay: a class starts again with the same trainees. The tables that hang on cases or
 * tickets are found from the schema's foreign keys, so a table added later is cleared too
 * instead of blocking the reset.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

const ROOTS = ['cases', 'tickets'];
/** Numbering starts again from 1, and the day's queue state with it. */
const SEQUENCES = ['case_numbers', 'ticket_sequences', 'queue_state'];

/** Every table whose rows point (directly or through another such table) at a case or a ticket. */
function dependants(db: Database): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  const refs = new Map(tables.map((t) => [t, (db.pragma(`foreign_key_list("${t.replaceAll('"', '""')}")`) as { table: string }[]).map((f) => f.table)]));
  const found = new Set(ROOTS);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [t, targets] of refs) {
      if (!found.has(t) && targets.some((x) => found.has(x))) {
        found.add(t);
        grew = true;
      }
    }
  }
  return [...found];
}

export function clearTrainingData(db: Database, record: (counts: { cases: number; tickets: number }) => void): { cases: number; tickets: number; vaultNames: string[] } {
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return db.transaction(() => {
    const cases = count('cases');
    const tickets = count('tickets');
    const vaultNames = (db.prepare('SELECT DISTINCT vault_name FROM scans').all() as { vault_name: string }[]).map((r) => r.vault_name);
    // The foreign keys are checked at the commit, when every dependant row is gone.
    db.pragma('defer_foreign_keys = ON');
    for (const t of dependants(db)) db.prepare(`DELETE FROM "${t}"`).run();
    for (const t of SEQUENCES) db.prepare(`DELETE FROM ${t}`).run();
    db.prepare("DELETE FROM branch_pending WHERE kind IN ('case', 'ticket')").run();
    record({ cases, tickets });
    return { cases, tickets, vaultNames };
  }).immediate();
}

/** The scans' files, named as the scan vault names them (`<scans>/<first two>/<name>`). */
export async function removeScanFiles(dataDir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => rm(join(dataDir, 'scans', n.slice(0, 2), n), { force: true })));
}
