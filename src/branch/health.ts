/** The branch server's health page for the administrator: the database, the devices, today's queue. No personal data. */
import type pg from 'pg';

export interface HealthReport {
  ok: boolean;
  branch: { id: string; name: string };
  schemaVersion: number;
  uptimeSeconds: number;
  database: { reachable: boolean; latencyMs: number | null; version: string | null };
  devices: { name: string; role: string; lastSeen: string | null; revoked: boolean }[];
  eventListeners: number;
  today: { day: string; issued: number; waiting: number; called: number };
}

export async function healthReport(
  pool: pg.Pool,
  o: { branch: { id: string; name: string }; schemaVersion: number; listeners: number; startedAt: number; today: string },
): Promise<HealthReport> {
  const began = performance.now();
  try {
    const [version, devices, today] = await Promise.all([
      pool.query<{ v: string }>('SHOW server_version'),
      pool.query<{ name: string; role: string; last_seen: Date | null; revoked: boolean }>(
        'SELECT name, role, last_seen, revoked_at IS NOT NULL AS revoked FROM devices ORDER BY name',
      ),
      pool.query<{ issued: number; waiting: number; called: number }>(
        `SELECT count(*)::int AS issued, count(*) FILTER (WHERE state = 'waiting')::int AS waiting,
                count(*) FILTER (WHERE called_at IS NOT NULL)::int AS called FROM tickets WHERE day = $1`,
        [o.today],
      ),
    ]);
    return {
      ok: true,
      branch: o.branch,
      schemaVersion: o.schemaVersion,
      uptimeSeconds: Math.round((Date.now() - o.startedAt) / 1000),
      database: { reachable: true, latencyMs: Math.round((performance.now() - began) * 10) / 10, version: version.rows[0]!.v },
      devices: devices.rows.map((d) => ({ name: d.name, role: d.role, lastSeen: d.last_seen?.toISOString() ?? null, revoked: d.revoked })),
      eventListeners: o.listeners,
      today: { day: o.today, ...today.rows[0]! },
    };
  } catch {
    return {
      ok: false, branch: o.branch, schemaVersion: o.schemaVersion, uptimeSeconds: Math.round((Date.now() - o.startedAt) / 1000),
      database: { reachable: false, latencyMs: null, version: null }, devices: [], eventListeners: o.listeners,
      today: { day: o.today, issued: 0, waiting: 0, called: 0 },
    };
  }
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function healthPage(r: HealthReport): string {
  const rows = r.devices
    .map((d) => `<tr><td>${esc(d.name)}</td><td>${esc(d.role)}</td><td>${esc(d.lastSeen ?? '—')}</td><td>${d.revoked ? 'revoked' : ''}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="kk"><meta charset="utf-8"><title>АЖО — ${esc(r.branch.name)}</title>
<body style="font-family:sans-serif;margin:2rem">
<h1>${esc(r.branch.name)} (${esc(r.branch.id)}) — ${r.ok ? 'жұмыс істеп тұр / работает / up' : 'ДЕРЕКҚОР ЖОҚ / НЕТ БАЗЫ / DATABASE DOWN'}</h1>
<p>PostgreSQL ${esc(r.database.version ?? '—')}, ${r.database.latencyMs ?? '—'} ms · schema ${r.schemaVersion} · uptime ${r.uptimeSeconds} s · event streams ${r.eventListeners}</p>
<p>${esc(r.today.day)}: issued ${r.today.issued}, waiting ${r.today.waiting}, called ${r.today.called}</p>
<table border="1" cellpadding="4"><tr><th>device</th><th>role</th><th>last seen</th><th></th></tr>${rows}</table>
</body></html>`;
}
