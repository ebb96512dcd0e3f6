/**
 * What the storage-fault tests share: a counter with a case handed over (so it takes scans), a
 * scan big enough to be written in several slices, and views of the data folder from outside the
 * core — row counts through a second connection, the vault's files on disk — to tell what a
 * failed action left behind.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCounter, S1_DOCUMENTS, handedOverCase } from '../support/counter';
import { ADMIN, type TestCore } from '../support/workstation';
import { databasePath } from '../../src/core/workstation';

export { S1_DOCUMENTS };

export async function counterWithCase(options: Parameters<typeof openCounter>[0] = {}): Promise<{ core: TestCore; caseId: number }> {
  const core = await openCounter(options);
  const v = await handedOverCase(core);
  return { core, caseId: v.id };
}

/** A PDF of `megabytes` MB (its padding a comment): the vault writes it a megabyte at a time. */
export function bigPdf(megabytes: number, tag = 'scan'): Buffer {
  const head = `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n% ${tag}\n`;
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const pad = '%' + 'x'.repeat(99) + '\n';
  return Buffer.from(head + pad.repeat(Math.ceil((megabytes * 1024 * 1024) / pad.length)) + tail, 'latin1');
}

export const addScan = (core: TestCore, caseId: number, content: Buffer) =>
  core.ws.dispatch('scans.add', { caseId, documentId: 'application', source: 'file', content: new Uint8Array(content) }, 'counter-1');

/** Every file under the vault's folder, by name relative to it (".part" ones are half-written). */
export function vaultFiles(dataDir: string): string[] {
  const root = join(dataDir, 'scans');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name).slice(root.length + 1)]));
  try {
    return walk(root).sort();
  } catch {
    return [];
  }
}

/** Rows in every table, read through a second connection: what is committed, as an inspector sees it. */
export function rowCounts(dataDir: string): Record<string, number> {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** A case's own row and its steps, as committed (read beside the core: reading through it writes an audit row). */
export function caseRows(dataDir: string, caseId: number): unknown {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return {
      row: db.prepare('SELECT * FROM cases WHERE id = ?').get(caseId),
      steps: db.prepare('SELECT * FROM case_steps WHERE case_id = ? ORDER BY id').all(caseId),
    };
  } finally {
    db.close();
  }
}

/** The audit chain as the administrator's check sees it. */
export async function auditVerdict(core: TestCore) {
  const session = await core.ws.dispatch('auth.session', {}, 'admin');
  if (!session.ok || !session.value) await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
  return core.call('audit.verify', {}, 'admin');
}
