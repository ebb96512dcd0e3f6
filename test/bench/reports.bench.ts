/**
 * Benchmark of the supervisor's reports: a month's report over 20,000 cases (9 steps each,
 * 180,000 steps), 60,000 tickets and 9,000 surveys, asked of the worker-run core as a host asks,
 * against the bare SQL aggregate over the same rows (one GROUP BY of the month's steps) in the same
 * run; medians of several runs, and the main loop's lag while the reports are made.
 *
 * The month is written with SQL into the core's own schema (the core made it): walking 20,000
 * cases through the engine would take the benchmark an hour and measure the engine, not the report.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCore } from '../../src/core/runtime/startCore';
import { databasePath, openWorkstation } from '../../src/core/workstation';
import { makeIin } from '../support/iins';
import { median, ms, report, withLoopLag, type Verdict } from './measure';

const WORKER = new URL('../../out/host/coreWorker.js', import.meta.url);
const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const ADMIN = { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password: 'bench-password-2026' };
const MONTH = { period: 'month', from: '2026-01-01', to: '2026-01-31' };
const CASES = 20_000;
const TICKETS = 60_000;
const RUNS = 7;

// The counter's acts and their steps, as the seeds have them (S1's flow; S2 has no 'start').
const ACTS = [
  { id: 's1-aktobe-285', group: 'A', steps: ['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'] },
  { id: 's1-karaganda-38-08', group: 'A', steps: ['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'] },
  { id: 's2-ekibastuz-168-2', group: 'B', steps: ['p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'p7', 'c2', 'p9'] },
];

/** January's working days (the 1st, 2nd and 7th are holidays), 09:00–18:00 at UTC+5. */
const WORKING_DAYS = Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`).filter((d) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !['2026-01-01', '2026-01-02', '2026-01-07'].includes(d);
});
const openingOf = (day: string) => Date.parse(`${day}T09:00:00+05:00`);
const isoOf = (msValue: number) => new Date(msValue).toISOString();

function plantMonth(path: string): void {
  const db = new Database(path);
  const operators = (db.prepare('SELECT id FROM operators').all() as { id: number }[]).map((r) => r.id);
  const insertCase = db.prepare(
    `INSERT INTO cases (number, regulation_id, channel, step, status, outcome, document_locale, checks, refusal_reason, operator_id, created_at, updated_at)
     VALUES (?, ?, 'stateCorporation', ?, ?, ?, 'kk', '{"personFound":true}', ?, ?, ?, ?)`,
  );
  const insertStep = db.prepare('INSERT INTO case_steps (case_id, step, started_at, ended_at, outcome, norm_due_at, breached, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertSurvey = db.prepare('INSERT INTO case_surveys (case_id, process_quality, information_quality, answered_at) VALUES (?, ?, ?, ?)');
  const insertTicket = db.prepare(
    `INSERT INTO tickets (day, grp, line, seq, number, state, operator_id, issued_at, line_order, called_at, service_started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  const reason = JSON.stringify({ kk: 'Құжаттар толық емес', ru: 'Неполный пакет документов' });
  db.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      const act = ACTS[i % ACTS.length]!;
      const day = WORKING_DAYS[i % WORKING_DAYS.length]!;
      const perDay = Math.floor(i / WORKING_DAYS.length);
      let t = openingOf(day) + (perDay * 31_000) % (8 * 3_600_000);
      const operator = operators[i % operators.length]!;
      // One in twenty still at its last step, one in ten refused, the rest issued.
      const open = i % 20 === 0;
      const refused = !open && i % 10 === 3;
      const status = open ? 'resultReady' : refused ? 'refused' : 'issued';
      const caseId = Number(
        insertCase.run(`${act.group}-${day.replaceAll('-', '')}-${String(perDay + 1).padStart(4, '0')}`, act.id, open ? act.steps.at(-1)! : 'endedWithResult', status,
          open ? null : refused ? 'refusal' : 'result', refused ? reason : null, operator, isoOf(t), isoOf(t)).lastInsertRowid,
      );
      act.steps.forEach((step, k) => {
        const duration = 20_000 + ((i * 7 + k * 13) % 150) * 1000;
        const due = t + 120_000;
        const last = k === act.steps.length - 1;
        const end = open && last ? null : t + duration;
        insertStep.run(caseId, step, isoOf(t), end === null ? null : isoOf(end), end === null ? null : 'done', isoOf(due), end !== null && end > due ? 1 : 0, operator);
        if (end !== null) t = end;
      });
      if (i % 2 === 0 && !open) insertSurvey.run(caseId, 1 + (i % 3), 1 + ((i >> 1) % 3), isoOf(t + 30_000));
    }
    const states = ['done', 'done', 'done', 'done', 'done', 'done', 'done', 'noShow', 'done', 'unserved'];
    for (let i = 0; i < TICKETS; i++) {
      const day = WORKING_DAYS[i % WORKING_DAYS.length]!;
      const seq = Math.floor(i / WORKING_DAYS.length) + 1;
      const grp = 'ABCD'[seq % 4]!;
      const issued = openingOf(day) + seq * 10_000;
      const state = states[i % states.length]!;
      const called = state === 'unserved' ? null : issued + (60 + (i % 900)) * 1000;
      const started = state === 'done' ? called! + 15_000 : null;
      insertTicket.run(day, grp, grp, seq, `${grp}-${seq}`, state, called === null ? null : operators[i % operators.length]!, isoOf(issued),
        called === null ? null : isoOf(called), started === null ? null : isoOf(started), started === null ? null : isoOf(started + (120 + (i % 600)) * 1000));
    }
  })();
  db.close();
}

async function monthReport(root: string): Promise<Verdict[]> {
  const dataDir = join(root, 'reports');
  const masterKey = randomBytes(32);
  // The schema and the accounts through the core itself; then the month, and the worker-run core.
  const ws = openWorkstation({ dataDir, masterKey, resourcesDir: RESOURCES }, () => {});
  await ws.dispatch('setup.createAdmin', ADMIN, 'a');
  for (let i = 1; i <= 12; i++) {
    await ws.dispatch('operators.create', { login: `operator${i}`, fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 100 + i), role: 'operator', password: ADMIN.password }, 'a');
  }
  ws.close();
  const planting = performance.now();
  plantMonth(databasePath(dataDir));
  const plantedIn = performance.now() - planting;

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
