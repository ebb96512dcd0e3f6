/**
 * The day's queue figures for the whole branch, by group and by operator — the same figures a
 * counter computes for its own queue (core/queue/stats.ts): means rounded to the second, p90 as
 * the nearest rank. One pass over the day's tickets with grouping sets.
 */
import type pg from 'pg';
import type { BranchQueueStats } from '../shared/branch/wire';

interface Row {
  grp: string | null;
  operator_login: string | null;
  by: 'total' | 'group' | 'operator';
  issued: number;
  served: number;
  noShow: number;
  unserved: number;
  waitMeanSeconds: number | null;
  waitP90Seconds: number | null;
  serviceMeanSeconds: number | null;
  serviceP90Seconds: number | null;
}

export async function queueStats(pool: pg.Pool, day: string): Promise<BranchQueueStats> {
  const { rows } = await pool.query<Row>(
    `WITH t AS (
       SELECT line AS grp, operator_login, state,
              extract(epoch FROM called_at - issued_at)::float8 AS wait,
              CASE WHEN state = 'done' THEN extract(epoch FROM finished_at - service_started_at)::float8 END AS service
       FROM tickets WHERE day = $1)
     SELECT grp, operator_login,
            CASE WHEN GROUPING(grp) = 0 THEN 'group' WHEN GROUPING(operator_login) = 0 THEN 'operator' ELSE 'total' END AS by,
            count(*)::int AS issued, count(*) FILTER (WHERE state = 'done')::int AS served,
            count(*) FILTER (WHERE state = 'noShow')::int AS "noShow", count(*) FILTER (WHERE state = 'unserved')::int AS unserved,
            round(avg(wait))::float8 AS "waitMeanSeconds",
            round(percentile_disc(0.9) WITHIN GROUP (ORDER BY wait))::float8 AS "waitP90Seconds",
            round(avg(service))::float8 AS "serviceMeanSeconds",
            round(percentile_disc(0.9) WITHIN GROUP (ORDER BY service))::float8 AS "serviceP90Seconds"
     FROM t GROUP BY GROUPING SETS ((), (grp), (operator_login))`,
    [day],
  );
  const figures = ({ grp: _g, operator_login: _o, by: _b, ...f }: Row) => f;
  const total = rows.find((r) => r.by === 'total');
  return {
    day,
    total: total ? figures(total) : { issued: 0, served: 0, noShow: 0, unserved: 0, waitMeanSeconds: null, waitP90Seconds: null, serviceMeanSeconds: null, serviceP90Seconds: null },
    byGroup: rows.filter((r) => r.by === 'group').sort((a, b) => a.grp!.localeCompare(b.grp!)).map((r) => ({ group: r.grp!, ...figures(r) })),
    byOperator: rows.filter((r) => r.by === 'operator' && r.operator_login !== null).map((r) => ({ operatorLogin: r.operator_login!, ...figures(r) })),
  };
}
