/**
 * The branch queue's housekeeping, as each counter does for its own: a called ticket nobody came
 * for becomes a no-show after the set time, and tickets of an earlier day still open are recorded
 * as unserved. The boards and the windows hear of it. Run every half minute by the server.
 */
import type pg from 'pg';
import { inTransaction } from './db/tx';
import { notifyChanged } from './queue';

export async function keepTheDay(pool: pg.Pool, today: string): Promise<{ noShows: number; unserved: number }> {
  return inTransaction(pool, async (c) => {
    const expired = await c.query(
      `UPDATE tickets SET state = 'noShow', finished_at = now(), version = version + 1
       WHERE day = $1 AND state = 'called' AND origin_device IS NULL
         AND called_at < now() - make_interval(secs => (SELECT no_show_after_seconds FROM branch_settings))`,
      [today],
    );
    const closed = await c.query(
      `UPDATE tickets SET state = 'unserved', finished_at = now(), version = version + 1
       WHERE day < $1 AND state IN ('waiting', 'called', 'serving') AND origin_device IS NULL`,
      [today],
    );
    if ((expired.rowCount ?? 0) + (closed.rowCount ?? 0) > 0) await notifyChanged(c, today);
    return { noShows: expired.rowCount ?? 0, unserved: closed.rowCount ?? 0 };
  });
}
