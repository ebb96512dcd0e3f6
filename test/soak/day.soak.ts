/**
 * The soak: a simulated day of one counter (issue 12, item 6). Tickets arrive through the day
 * and are served in order — half of them with a case (hand-over, request form, two scans, the
 * operator's signature, forward to the state systems), the rest no-shows, the last tenth left
 * waiting at the close. Meanwhile the simulator's gateway fails in a new way every few seconds
 * (the day's "every few minutes", compressed) and the core's process is SIGKILLed at random
 * moments and restarted on the same folder. At the end every count must reconcile with the
 * plan, every forwarded case be registered exactly once at the simulator, the footprint of the
 * final run be flat, and the audit chain verify.
 *
 * Not in CI: `npm run test:soak`. Full size by default; SOAK_TICKETS, SOAK_CASES, SOAK_KILLS,
 * SOAK_FAULT_MS and SOAK_SAMPLE_MS make it smaller or denser.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/simulator';
import type { FaultSettings } from '../../src/simulator/faults';
import { startCoreRun, type CoreRun } from './coreRun';
import { flatness, TOLERANCE, type Sample } from './footprint';
import { dayPlan } from './plan';

const ROOT = resolve(__dirname, '../..');
const knob = (name: string, full: number) => Number(process.env[name] ?? full);
const TICKETS = knob('SOAK_TICKETS', 300);
const CASES = knob('SOAK_CASES', 150);
const KILLS = knob('SOAK_KILLS', 20);
const FAULT_MS = knob('SOAK_FAULT_MS', 3000);
const SAMPLE_MS = knob('SOAK_SAMPLE_MS', 250);
const plan = dayPlan(TICKETS, CASES);

/** Transport faults, lost answers and garbled ones, each between two quiet spells. */
const FAULTS: FaultSettings[] = [
  { mode: 'http500', rate: 0.5 }, { mode: 'drop', rate: 0.5 }, { mode: 'soapFault', rate: 0.5 }, { mode: 'down' },
  { mode: 'malformed', rate: 0.5 }, { mode: 'wrongMessageId', rate: 0.5 }, { mode: 'latency', latencyMs: 300 },
];

let dir: string;
let script: string;
let simulator: RunningSimulator;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'out', 'soak-'));
  script = join(dir, 'counterDay.js');
  await build({ entryPoints: [join(__dirname, 'counterDay.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
  simulator = await startSimulator({ decisionDelayMs: 0, population: 500, senderId: 'AZHO-SOAK', password: 'soak-sender' });
});
afterAll(async () => {
  await simulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kill moments as tickets handled, at random within the first half of the day: the final,
 * uninterrupted run does the other half, long enough to judge its footprint. */
function killPoints(): number[] {
  const called = TICKETS - plan.unserved;
  return Array.from({ length: KILLS }, () => 1 + Math.floor(Math.random() * Math.floor(called / 2))).sort((a, b) => a - b);
}

async function reached(run: CoreRun, handled: number) {
  let exit: number | null | undefined;
  void run.exited.then((code) => (exit = code));
  while (run.progress() < handled) {
    if (exit !== undefined) throw new Error(`the core exited (${exit}):\n${run.output()}`);
    await sleep(10);
  }
}

const table = (rows: (string | number)[][]) => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c]!)).join('  ')).join('\n') + '\n';
};

it(`a day of ${TICKETS} tickets and ${CASES} cases through ${KILLS} kills and gateway faults: every count reconciled, footprint flat, audit intact`, async () => {
  const dataDir = join(dir, 'data');
  const env = {
    SOAK_DATA_DIR: dataDir, SOAK_KEY: randomBytes(32).toString('hex'), SOAK_RESOURCES: join(ROOT, 'resources'),
    SOAK_GATEWAY: simulator.url, SOAK_TICKETS: String(TICKETS), SOAK_CASES: String(CASES), SOAK_SAMPLE_MS: String(SAMPLE_MS),
  };
  const dayStart = Date.now();
  let faultsSet = 0;
  const faults = setInterval(() => {
    // Odd turns are quiet: each fault is followed by a spell in which the backlog can drain.
    const next = faultsSet % 2 === 0 ? FAULTS[(faultsSet / 2) % FAULTS.length]! : { mode: 'none' as const };
    faultsSet++;
    void simulator.setFaults(next);
  }, FAULT_MS);

  const runs: { run: number; ms: number; from: number; to: number; killedAt: string; samples: Sample[] }[] = [];
  let final: CoreRun;
  let result: { closed: { unserved: number }; queue: Record<string, number>; audit: { ok: boolean; checked: number; problem: string | null } };
  try {
    for (const [k, point] of killPoints().entries()) {
      const started = Date.now();
      const run = startCoreRun(script, env, k, dayStart);
      await run.printed('READY');
      const from = runs.at(-1)?.to ?? 0;
      // Every fifth kill lands during the start and the log-in; the rest while the counter works.
      if (k % 5 === 4) await sleep(Math.random() * 300);
      else await reached(run, point).then(() => sleep(Math.random() * 300));
      run.child.kill('SIGKILL');
      expect(await run.exited, run.output()).toBeNull();
      runs.push({ run: k, ms: Date.now() - started, from, to: Math.max(from, run.progress()), killedAt: k % 5 === 4 ? 'start-up' : `≥${point}`, samples: run.samples });
    }
    const started = Date.now();
    final = startCoreRun(script, env, KILLS, dayStart);
    await final.printed('READY');
    const from = runs.at(-1)?.to ?? 0;
    await final.printed('ACCEPTED');
    // The counter's work is done: let the last messages through and the day close.
    clearInterval(faults);
    await simulator.setFaults({ mode: 'none' });
    result = JSON.parse((await final.printed('RESULT')).slice('RESULT '.length));
    final.child.kill('SIGTERM');
    await final.exited;
    runs.push({ run: KILLS, ms: Date.now() - started, from, to: Math.max(from, final.progress()), killedAt: '— (final)', samples: final.samples });
  } finally {
    clearInterval(faults);
  }

  const db = new Database(join(dataDir, 'azho.db'), { readonly: true });
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const cases = all<{ id: number; number: string; step: string; status: string }>('SELECT id, number, step, status FROM cases ORDER BY id');
  const tickets = all<{ number: string; state: string; case_id: number | null }>('SELECT number, state, case_id FROM tickets ORDER BY seq');
  const scans = all<{ case_id: number; n: number }>('SELECT case_id, count(*) AS n FROM scans GROUP BY case_id');
  const signed = all<{ n: number }>('SELECT count(*) AS n FROM case_signatures')[0]!.n;
  db.close();

  // The plan is the driver's registry: each ticket's fate, each case's applicant.
  const expected = tickets.map((_, i) => ({ case: 'done', noShow: 'noShow', unserved: 'unserved' })[plan.fate(i)]);
  const refused = cases.filter((_, c) => plan.refused(c));
  const forwarded = cases.filter((_, c) => !plan.refused(c));
  const stats = simulator.stats();
  const submissions = Object.values(stats.submissionsByCase);
  const flat = flatness(final!.samples.filter((s) => s.atMs > final!.samples[0]!.atMs + 2000));
  const q = result!.queue;

  const day = ((Date.now() - dayStart) / 1000).toFixed(0);
  process.stdout.write(
    `\nsoak: ${TICKETS} tickets, ${CASES} cases, ${KILLS} kills, ${faultsSet} fault switches every ${FAULT_MS} ms, ${day} s\n` +
      table([
        ['run', 'seconds', 'tickets handled', 'killed', 'RSS max MB', 'heap max MB', 'fds max'],
        ...runs.map((r) => [
          r.run, (r.ms / 1000).toFixed(1), `${r.from}→${r.to}`, r.killedAt,
          r.samples.length ? Math.max(...r.samples.map((s) => s.rssMb)).toFixed(0) : '-',
          r.samples.length ? Math.max(...r.samples.map((s) => s.heapMb)).toFixed(1) : '-',
          r.samples.length ? Math.max(...r.samples.map((s) => s.fds)) : '-',
        ]),
      ]) +
      table([
        ['check', 'planned', 'recorded'],
        ['tickets issued', TICKETS, q.issued!],
        ['served (with a case)', CASES, q.served!],
        ['no-show', TICKETS - plan.unserved - CASES, q.noShow!],
        ['unserved at close', plan.unserved, `${q.unserved} (closeDay: ${result!.closed.unserved})`],
        ['cases opened', CASES, cases.length],
        ['forwarded cases scanned ×2 / signed', forwarded.length, `${forwarded.filter((c) => scans.some((s) => s.case_id === c.id && s.n === 2)).length} / ${signed}`],
        ['registered at the simulator', forwarded.length, `${submissions.length} (max ${Math.max(0, ...submissions)} each)`],
        ['refused (no register)', refused.length, cases.filter((c) => c.step === 'endedWithRefusal').length],
        ['requests received / repeats / faulted', '', `${stats.received} / ${stats.repeats} / ${stats.faulted}`],
        [`final run heap MB (1st→last third, tol +${TOLERANCE.heapShare * 100}%+${TOLERANCE.heapMb})`, '', flat.heap.map((x) => x.toFixed(1)).join(' → ')],
        [`final run RSS MB (tol +${TOLERANCE.rssShare * 100}%+${TOLERANCE.rssMb})`, '', flat.rss.map((x) => x.toFixed(0)).join(' → ')],
        [`final run fds (tol +${TOLERANCE.fds})`, '', flat.fds.join(' → ')],
        ['audit.verify', 'ok', `${result!.audit.ok ? 'ok' : `BROKEN (${result!.audit.problem})`}, ${result!.audit.checked} rows`],
      ]),
  );

  expect(q).toMatchObject({ issued: TICKETS, served: CASES, noShow: TICKETS - plan.unserved - CASES, unserved: plan.unserved });
  expect(q.served! + q.noShow! + q.unserved!).toBe(q.issued);
  expect(result!.closed.unserved).toBe(plan.unserved);
  expect(tickets.map((t) => t.state)).toEqual(expected);
  // Each served ticket opened exactly one case, and every case belongs to one served ticket.
  expect(tickets.filter((t) => t.case_id !== null).map((t) => t.case_id).sort((a, b) => a! - b!)).toEqual(cases.map((c) => c.id));
  expect(tickets.every((t, i) => (t.case_id !== null) === (plan.fate(i) === 'case'))).toBe(true);
  for (const c of forwarded) expect(c).toMatchObject({ step: 'p8', status: 'resultReady' });
  for (const c of refused) expect(c).toMatchObject({ step: 'endedWithRefusal', status: 'refused' });
  // A forwarded case carries its two scans; a refused one stopped wherever the refusal found it.
  const scansOf = new Map(scans.map((s) => [s.case_id, s.n]));
  expect(forwarded.map((c) => scansOf.get(c.id))).toEqual(forwarded.map(() => 2));
  expect(signed).toBeGreaterThanOrEqual(forwarded.length);
  // Exactly once: every forwarded case registered by one submission, refused ones by none.
  expect(Object.keys(stats.submissionsByCase).sort()).toEqual(forwarded.map((c) => c.number).sort());
  expect(submissions.every((n) => n === 1)).toBe(true);
  expect(stats.applied['TARGET.Submit.v1']).toBe(forwarded.length);
  expect(stats.faulted).toBeGreaterThan(0);
  expect(flat.problems).toEqual([]);
  expect(result!.audit).toMatchObject({ ok: true, problem: null });
});
