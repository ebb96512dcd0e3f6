/** The day's figures for the branch: every ticket and case counted once, whichever workstation reported it. */
import type { Pool } from 'pg';
import type { DayReport } from '../shared/branch/wire';

export async function dayReport(pool: Pool, day: string, timeZone: string): Promise<DayReport> {
  const [tickets, cases, audit, byWorkstation] = await Promise.all([
    pool.query<{ issued: number; served: number; noShow: number; unserved: number; waiting: number; fallback: number }>(
      `SELECT count(*)::int AS issued, count(*) FILTER (WHERE state = 'done')::int AS served,
              count(*) FILTER (WHERE state = 'noShow')::int AS "noShow", count(*) FILTER (WHERE state = 'unserved')::int AS unserved,
              count(*) FILTER (WHERE state = 'waiting')::int AS waiting, count(*) FILTER (WHERE origin_device IS NOT NULL)::int AS fallback
       FROM tickets WHERE day = $1`,
      [day],
    ),
    pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM cases WHERE (created_at AT TIME ZONE $2)::date = $1 GROUP BY status`,
      [day, timeZone],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit WHERE (at AT TIME ZONE $2)::date = $1`, [day, timeZone]),
    pool.query<{ workstation: string; tickets: number; cases: number }>(
      `SELECT d.name AS workstation,
              (SELECT count(*)::int FROM tickets t WHERE t.day = $1 AND (t.origin_device = d.id OR t.issued_by = d.id)) AS tickets,
              (SELECT count(*)::int FROM cases k WHERE k.device_id = d.id AND (k.created_at AT TIME ZONE $2)::date = $1) AS cases
       FROM devices d WHERE d.role = 'workstation' ORDER BY d.name`,
      [day, timeZone],
    ),
  ]);
  const t = tickets.rows[0]!;
  const byStatus = Object.fromEntries(cases.rows.map((r) => [r.status, r.n]));
  return {
    day,
    tickets: { issued: t.issued, served: t.served, noShow: t.noShow, unserved: t.unserved, waiting: t.waiting },
    fallbackTickets: t.fallback,
    cases: { total: cases.rows.reduce((a, r) => a + r.n, 0), byStatus },
    auditRows: audit.rows[0]!.n,
    byWorkstation: byWorkstation.rows,
  };
}
