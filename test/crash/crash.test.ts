/**
 * The crash test: the process that runs the core is killed (SIGKILL) at random moments while it
 * accepts cases and drains their messages to the simulator — before a send, with requests on
 * the wire, after answers arrived — and restarted each time. At the end the simulator has
 * applied every request exactly once and every case stands where the act says it must.
 *
 * CI runs a small size; `npm run test:crash` runs 1,000 cases and 50 kills.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/simulator';

const ROOT = resolve(__dirname, '../..');
const CASES = Number(process.env.CRASH_CASES ?? 150);
const KILLS = Number(process.env.CRASH_KILLS ?? 12);

let dir: string;
let script: string;
let simulator: RunningSimulator;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'out', 'crash-test-'));
  script = join(dir, 'coreProcess.js');
  await build({ entryPoints: [join(__dirname, 'coreProcess.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
  // Each answer takes a few milliseconds: there are always requests on the wire when the kill comes.
  simulator = await startSimulator({ decisionDelayMs: 0, population: 500, senderId: 'AZHO-CRASH', password: 'crash-sender' });
  await simulator.setFaults({ mode: 'latency', latencyMs: 8 });
});
afterAll(async () => {
  await simulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  ready: Promise<void>;
  signedIn: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

function startCore(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const printed = (line: string) =>
    new Promise<void>((resolveLine, reject) => {
      child.stdout!.on('data', () => out.includes(`${line}\n`) && resolveLine());
      void exited.then((code) => reject(new Error(`the core exited (${code}) before ${line}:\n${out}`)));
    });
  const ready = printed('READY');
  const signedIn = printed('SIGNED_IN');
  signedIn.catch(() => undefined);
  return { child, ready, signedIn, exited, output: () => out };
}

interface Tally {
  finished: number;
  open: number;
}

function tally(db: Database.Database): Tally {
  const finished = (db.prepare(`SELECT count(*) AS n FROM cases WHERE step IN ('p8', 'endedWithRefusal')`).get() as { n: number }).n;
  const open = (db.prepare(`SELECT count(*) AS n FROM outbox WHERE state != 'done'`).get() as { n: number }).n;
  return { finished, open };
}

it(`${CASES} cases drained through ${KILLS} kills: every request applied exactly once, every case in its place`, async () => {
  const dataDir = join(dir, 'data');
  const env = {
    CRASH_DATA_DIR: dataDir,
    CRASH_KEY: randomBytes(32).toString('hex'),
    CRASH_RESOURCES: join(ROOT, 'resources'),
    CRASH_GATEWAY: simulator.url,
    CRASH_CASES: String(CASES),
  };
  let repeatsAtKill = 0;
  for (let k = 0; k < KILLS; k++) {
    const run = startCore(env);
    await run.ready;
    // Most kills come while cases are being accepted and drained; some during the log-in (the
    // sender is already draining then).
    if (k % 4 !== 3) await run.signedIn;
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 380));
    run.child.kill('SIGKILL');
    expect(await run.exited, run.output()).toBeNull();
    repeatsAtKill = simulator.stats().repeats;
  }

  const last = startCore(env);
  await last.ready;
  const db = new Database(join(dataDir, 'azho.db'), { readonly: true });
  try {
    const deadline = Date.now() + 120_000;
    let t = tally(db);
    let lastExit: number | null | undefined;
    void last.exited.then((code) => (lastExit = code));
    while (t.finished < CASES || t.open > 0) {
      if (lastExit !== undefined) throw new Error(`the core exited (${lastExit}):\n${last.output()}`);
      if (Date.now() > deadline) throw new Error(`not drained: ${JSON.stringify(t)}\n${last.output()}`);
      await new Promise((r) => setTimeout(r, 200));
      t = tally(db);
    }
    last.child.kill('SIGTERM');
    await last.exited;

    const cases = db.prepare('SELECT number, step, status, awaiting_collection, counter_done FROM cases ORDER BY id').all() as {
      number: string; step: string; status: string; awaiting_collection: number; counter_done: number;
    }[];
    expect(cases).toHaveLength(CASES);
    const absent = cases.filter((_, i) => i % 10 === 9);
    const found = cases.filter((_, i) => i % 10 !== 9);
    for (const c of found) expect(c).toMatchObject({ step: 'p8', status: 'resultReady', counter_done: 1 });
    for (const c of absent) {
      expect(c).toMatchObject({ step: 'endedWithRefusal', status: 'refused' });
      // Refused before the counter part was done, the applicant was still there to take the notice.
      expect(c.awaiting_collection).toBe(c.counter_done);
    }

    const stats = simulator.stats();
    // Exactly once: each forwarded case registered by one submission, the others by none.
    expect(Object.keys(stats.submissionsByCase).sort()).toEqual(found.map((c) => c.number).sort());
    expect(Object.values(stats.submissionsByCase).every((n) => n === 1)).toBe(true);
    expect(stats.applied['TARGET.Submit.v1']).toBe(found.length);
    expect(stats.applied['ZHTMDK.PersonByIin.v1']).toBe(CASES);
    const sent = db.prepare(`SELECT kind, count(*) AS n FROM outbox GROUP BY kind`).all() as { kind: string; n: number }[];
    expect(Object.fromEntries(sent.map((r) => [r.kind, r.n]))).toMatchObject({ person: CASES, submit: found.length });
    // Some kills came with requests on the wire: their answers were lost and the messages sent
    // again under the same ids — the window the outbox's design exists for.
    expect(repeatsAtKill + stats.repeats).toBeGreaterThan(0);
    process.stdout.write(`crash test: ${CASES} cases, ${KILLS} kills, ${stats.received} requests received, ${stats.repeats} repeats answered from the first answer\n`);
  } finally {
    db.close();
  }
}, 600_000);
