/**
 * Benchmark of the supervisor's reports: a month's report over 20,000 cases (9 steps each,
 * 180,000 steps), 60,000 tickets and 9,000 surveys, asked of the worker-run core as a host asks,
 * against the bare SQL aggregate over the same rows (one GROUP BY of the month's steps) in the same
 * run; medians of several runs, and the main loop's lag while the reports are made.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCore } from '../../src/core/runtime/startCore';
import { databasePath } from '../../src/core/workstation';
import { median, ms, report, withLoopLag, type Verdict } from './measure';
import { ADMIN, CASES, TICKETS, isoOf, plantCounter } from './plantedMonth';

const WORKER = new URL('../../out/host/coreWorker.js', import.meta.url);
const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const MONTH = { period: 'month', from: '2026-01-01', to: '2026-01-31' };
const RUNS = 7;

async function monthReport(root: string): Promise<Verdict[]> {
  const dataDir = join(root, 'reports');
  const masterKey = randomBytes(32);
  const plantedIn = await plantCounter(dataDir, masterKey);

  const core = await startCore({ dataDir, masterKey, workerUrl: WORKER, resourcesDir: RESOURCES });
  const login = await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, { clientId: 'supervisor' });
  if (!login.ok) throw new Error(`login: ${JSON.stringify(login.error)}`);
  const reportTimes: number[] = [];
  let figures = { cases: 0, tickets: 0, breaches: 0 };
  const busy = await withLoopLag(async () => {
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const r = await core.call('reports.get', MONTH, { clientId: 'supervisor' });
      reportTimes.push(performance.now() - t0);
      if (!r.ok) throw new Error(`reports.get: ${JSON.stringify(r.error)}`);
      const value = r.value as { cases: { total: number }; queue: { total: { issued: number } }; breachesTotal: number };
      figures = { cases: value.cases.total, tickets: value.queue.total.issued, breaches: value.breachesTotal };
    }
  });
  await core.close();

  // The bare aggregate: the month's ended steps per act and step, their count, total time and breaches.
  const db = new Database(databasePath(dataDir), { readonly: true });
  const bare = db.prepare(
    `SELECT c.regulation_id, s.step, count(*) AS n, sum(julianday(s.ended_at) - julianday(s.started_at)) AS took, sum(s.breached) AS late
     FROM case_steps s JOIN cases c ON c.id = s.case_id
     WHERE s.ended_at >= ? AND s.ended_at < ? GROUP BY c.regulation_id, s.step`,
  );
  const bareTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    bare.all(isoOf(Date.parse('2026-01-01T00:00:00+05:00')), isoOf(Date.parse('2026-02-01T00:00:00+05:00')));
    bareTimes.push(performance.now() - t0);
  }
  db.close();

  const reportMs = median(reportTimes);
  const bareMs = median(bareTimes);
  const complete = figures.cases === CASES && figures.tickets === TICKETS;
  return [
    {
      name: "a month's report (20,000 cases, 180,000 steps, 60,000 tickets) through the worker-run core",
      figure: `median ${ms(reportMs)} of ${RUNS} (bare SQL GROUP BY of the steps ${ms(bareMs)}: ${(reportMs / bareMs).toFixed(1)}×); ` +
        `${figures.cases} cases, ${figures.tickets} tickets, ${figures.breaches} breaches; month written in ${(plantedIn / 1000).toFixed(1)} s`,
      goal: '< 1 s, every case and ticket counted',
      pass: reportMs < 1000 && complete,
    },
    {
      name: "main loop lag while the month's reports are made",
      figure: `p99 ${ms(busy.lag.p99)} (max ${ms(busy.lag.max)})`,
      goal: 'p99 < 10 ms',
      pass: busy.lag.p99 < 10,
    },
  ];
}

const root = mkdtempSync(join(tmpdir(), 'azho-bench-reports-'));
try {
  report(await monthReport(root));
} finally {
  rmSync(root, { recursive: true, force: true });
}
