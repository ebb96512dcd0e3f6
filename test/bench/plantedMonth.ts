/**
 * A month of one branch counter written with SQL straight into the core's own schema (the core
 * made it): 20,000 cases of 9 steps, 60,000 tickets, 9,000 surveys. Walking them through the engine
 * would take an hour and measure the engine; the reports and backup benchmarks measure what is
 * done with such a month.
 */
import Database from 'better-sqlite3';
import { databasePath, openWorkstation } from '../../src/core/workstation';
import { makeIin } from '../support/iins';

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
export const ADMIN = { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password: 'bench-password-2026' };

export const CASES = 20_000;
export const TICKETS = 60_000;

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
export const isoOf = (msValue: number) => new Date(msValue).toISOString();

export function plantMonth(path: string): void {
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

/** A counter's data folder with its administrator, 12 operators and the month; resolves to the ms the month took to write. */
export async function plantCounter(dataDir: string, masterKey: Buffer): Promise<number> {
  // The schema and the accounts through the core itself; then the month.
  const ws = openWorkstation({ dataDir, masterKey, resourcesDir: RESOURCES }, () => {});
  await ws.dispatch('setup.createAdmin', ADMIN, 'a');
  for (let i = 1; i <= 12; i++) {
    await ws.dispatch('operators.create', { login: `operator${i}`, fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 100 + i), role: 'operator', password: ADMIN.password }, 'a');
  }
  ws.close();
  const planting = performance.now();
  plantMonth(databasePath(dataDir));
  return performance.now() - planting;
}
