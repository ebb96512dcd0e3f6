/**
 * The branch database's migrations: one ordered list, each applied once in its own transaction,
 * under an advisory lock so two servers started together do not race. A database from a newer
 * version of the branch server is refused rather than used.
 */
import type { Pool } from 'pg';
import { migration0001 } from './0001-branch';
import { migration0002 } from './0002-operators';
import { migration0003 } from './0003-report-rows';

const MIGRATIONS: readonly string[] = [migration0001, migration0002, migration0003];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaFromNewerVersion extends Error {}

export async function migrate(pool: Pool, branch: { id: string; name: string }): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(73000)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new SchemaFromNewerVersion(
        `The branch database is at schema ${current}, newer than this server knows (${SCHEMA_VERSION}): update the branch server.`,
      );
    }
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v - 1]!);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [v]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    const settings = await client.query<{ branch_id: string }>('SELECT branch_id FROM branch_settings');
    if (settings.rowCount === 0) {
      await client.query('INSERT INTO branch_settings (branch_id, name) VALUES ($1, $2)', [branch.id, branch.name]);
    } else if (settings.rows[0]!.branch_id !== branch.id) {
      throw new Error(`This database belongs to branch ${settings.rows[0]!.branch_id}, not ${branch.id}: check the data source name.`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(73000)').catch(() => undefined);
    client.release();
  }
}
