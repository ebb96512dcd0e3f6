/**
 * Transactions on the branch database, and the idempotent change: the change and the answer it
 * gave are committed together under the device's key, so a repeat of the key gets that answer
 * and changes nothing — whether it comes from a retry after the server was killed or from a
 * reconciliation sent twice.
 */
import type { Pool, PoolClient } from 'pg';
import { fromPg } from '../failure';

export async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await work(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw fromPg(err) ?? err;
  } finally {
    c.release();
  }
}

const UNIQUE_VIOLATION = '23505';

export async function idempotent<T>(
  pool: Pool,
  key: string,
  device: number,
  call: string,
  work: (c: PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(pool, async (c) => {
        // One try of a key at a time: a retry that comes while the first try still runs (its
        // answer lost, the server killed) waits for it and reads its answer — without this it
        // would find the ticket already changed and refuse with TICKET_CHANGED.
        await c.query('SELECT pg_advisory_xact_lock(73020, hashtext($1))', [key]);
        const seen = await c.query<{ response: T }>('SELECT response FROM requests WHERE idem_key = $1', [key]);
        if (seen.rows[0]) return seen.rows[0].response;
        const result = await work(c);
        await c.query('INSERT INTO requests (idem_key, device_id, call, response) VALUES ($1, $2, $3, $4)', [key, device, call, JSON.stringify(result)]);
        return result;
      });
    } catch (err) {
      // The same key in flight twice at once: the second one waits, fails on the key, and reads the first one's answer.
      const e = err as { code?: string; constraint?: string };
      if (attempt === 0 && e.code === UNIQUE_VIOLATION && e.constraint === 'requests_pkey') continue;
      throw err;
    }
  }
}
