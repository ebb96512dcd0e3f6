/**
 * A whole branch on loopback, from the built programs (`npm run build`): the branch server on a
 * given PostgreSQL database, and web hosts joined to it at start — one per counter, one for the
 * hall's kiosk, one for the hall's board — each with its own data folder and enrollment code.
 * `npm run demo:branch` (scripts/branch-demo.ts) and the browser journey test/e2e/branch.e2e.ts
 * both start their branch here. It runs the programs as an administrator would and imports
 * nothing from src/.
 *
 *   <dataDir>/branch   the branch server's folder (its CA: ca.crt)
 *   <dataDir>/W-01 …   a counter's host (enrolled as a workstation)
 *   <dataDir>/K-01     the kiosk's host (enrolled as a kiosk)
 *   <dataDir>/B-01     the board's host (enrolled as a board)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../out/host/', import.meta.url));
const START_TIMEOUT_MS = 45_000;
const STOP_GRACE_MS = 5_000;

export type DeviceRole = 'workstation' | 'kiosk' | 'board';

/** A person for a host's first run (the administrator of a hall device's host). */
export interface Person {
  login: string;
  fullName: string;
  iin: string;
  password: string;
}

export interface BranchLaunchOptions {
  /** The branch's PostgreSQL database (created beforehand; the server makes its schema). */
  dsn: string;
  /** Every folder of the branch goes under it (see the head of this file). */
  dataDir: string;
  /** How many counters: one web host each, enrolled as W-01, W-02, … */
  counters: number;
  branchId?: string;
  branchName?: string;
  /** Training mode on every host (the demo). */
  training?: boolean;
  /** More arguments for the counters' hosts (the tests: the simulator deciding at once, the training PKI trusted). */
  counterArgs?: string[];
  /**
   * The administrator made on the kiosk's and the board's hosts at their first run, so their
   * screens answer (a host serves nothing before its administrator exists); left out, their
   * one-time `url` opens the set-up screen instead.
   */
  hallAdmin?: Person;
  /** Progress, a line at a time. */
  log?: (line: string) => void;
  /** Aborted while starting (Ctrl+C, a test's time up): whatever was started is stopped and the launch fails. */
  signal?: AbortSignal;
}

export interface LaunchedHost {
  device: string;
  role: DeviceRole;
  dataDir: string;
  /** The one-time links the host printed (each lets one browser in). */
  url: string;
  boardUrl: string;
  kioskUrl: string;
  /** The hall's hosts: whether hallAdmin was made on this run (a host started before has one already). */
  adminMade: boolean;
  output(): string;
}

export interface LaunchedBranch {
  branch: { port: number; enrollPort: number; caFile: string; dataDir: string; output(): string };
  /** The counters, W-01 first. */
  counters: LaunchedHost[];
  kiosk: LaunchedHost;
  board: LaunchedHost;
  /** Everything each program printed, for a failure's report. */
  output(): string;
  /** Ends every host, then the branch server. */
  stop(): Promise<void>;
}

interface Running {
  name: string;
  child: ChildProcess;
  output(): string;
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv = process.env): Running {
  // The Node running this (22, through npm scripts) runs the programs: the same ABI as its SQLite build.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let log = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  return { name, child, output: () => log };
}

/** Waits until `ready` finds what it needs in the program's output; fails when it exits or says `failed`. */
function waitFor<T>(p: Running, what: string, ready: (output: string) => T | undefined, failed?: RegExp, signal?: AbortSignal): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const done = (err: Error | null, value?: T) => {
      clearTimeout(timer);
      p.child.stdout?.off('data', check);
      p.child.stderr?.off('data', check);
      p.child.off('exit', exited);
      signal?.removeEventListener('abort', aborted);
      if (err) reject(err);
      else resolvePromise(value as T);
    };
    const check = () => {
      const out = p.output();
      const problem = failed?.exec(out);
      if (problem) return done(new Error(`${p.name}: ${problem[0]}\n${out}`));
      const value = ready(out);
      if (value !== undefined) done(null, value);
    };
    const exited = (code: number | null) => done(new Error(`${p.name} exited with ${code} before ${what}:\n${p.output()}`));
    const aborted = () => done(new Error(`${p.name}: stopped before ${what}`));
    const timer = setTimeout(() => done(new Error(`${p.name}: no ${what} within ${START_TIMEOUT_MS} ms:\n${p.output()}`)), START_TIMEOUT_MS);
    p.child.stdout?.on('data', check);
    p.child.stderr?.on('data', check);
    p.child.once('exit', exited);
    signal?.addEventListener('abort', aborted, { once: true });
    if (signal?.aborted) return aborted();
    check();
  });
}

async function stopProcess(p: Running): Promise<void> {
  const { child } = p;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Runs a program to its end; its output, or an error with it. */
async function runToEnd(name: string, args: string[]): Promise<string> {
  const p = run(name, args);
  const code = await new Promise<number | null>((done) => p.child.once('exit', done));
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${p.output()}`);
  return p.output();
}

const link = (output: string, name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(output)?.[1];

/** The host's first run, as its set-up screen does it: the administrator made through the host's own calls, then logged out. */
async function makeAdministrator(url: string, person: Person): Promise<boolean> {
  const origin = new URL(url).origin;
  const entry = await fetch(url, { redirect: 'manual' });
  const cookie = entry.headers.get('set-cookie')?.split(';')[0];
  if (entry.status !== 303 || !cookie) throw new Error(`the host's one-time link did not let the launcher in (${entry.status})`);
  const call = async (name: string, input: unknown) => {
    const res = await fetch(`${origin}/api/call/${name}`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    if (!body.ok) throw new Error(`${name} on ${origin}: ${body.error?.code}`);
    return body.value;
  };
  const status = (await call('app.status', {})) as { firstRun: boolean };
  if (!status.firstRun) return false;
  await call('setup.createAdmin', { login: person.login, fullName: person.fullName, iin: person.iin, password: person.password });
  await call('auth.logout', {});
  return true;
}

export async function launchBranch(o: BranchLaunchOptions): Promise<LaunchedBranch> {
  for (const program of ['branch.js', 'cli.js', 'coreWorker.js']) {
    if (!existsSync(join(OUT, program))) throw new Error(`${join(OUT, program)} is missing: run \`npm run build\` first`);
  }
  if (!Number.isInteger(o.counters) || o.counters < 1 || o.counters > 20) throw new Error('counters: a whole number from 1 to 20');
  const log = o.log ?? (() => undefined);
  const dataDir = resolve(o.dataDir);
  const branchDir = join(dataDir, 'branch');
  mkdirSync(branchDir, { recursive: true });
  const branchArgs = ['--dsn', o.dsn, '--branch-id', o.branchId ?? 'DEMO-01', '--name', o.branchName ?? 'Оқу филиалы'];
  const processes: Running[] = [];
  const hosts: LaunchedHost[] = [];

  const stop = async () => {
    // The hosts first (their last calls still find the branch), then the branch server.
    const [server, ...rest] = processes;
    await Promise.all(rest.map(stopProcess));
    if (server) await stopProcess(server);
  };
  const output = () => processes.map((p) => `==== ${p.name}\n${p.output()}`).join('\n');

  try {
    // Free ports the first time; the same ones again for a folder used before, since its hosts
    // keep the branch's addresses with their enrollment.
    const portsFile = join(branchDir, 'ports.json');
    const known = existsSync(portsFile) ? (JSON.parse(readFileSync(portsFile, 'utf8')) as { port: number; enrollPort: number }) : null;
    const server = run('branch server', [
      join(OUT, 'branch.js'), ...branchArgs, '--data-dir', branchDir, '--port', String(known?.port ?? 0), '--enroll-port', String(known?.enrollPort ?? 0),
    ]);
    processes.push(server);
    const ports = await waitFor(server, 'AZHO_BRANCH line', (out) => {
      const m = /^AZHO_BRANCH port=(\d+) enrollPort=(\d+)$/m.exec(out);
      return m ? { port: Number(m[1]), enrollPort: Number(m[2]) } : undefined;
    }, undefined, o.signal);
    writeFileSync(portsFile, `${JSON.stringify(ports)}\n`);
    const caFile = join(branchDir, 'ca.crt');
    log(`branch server: https://127.0.0.1:${ports.port} (enrollment and health: https://127.0.0.1:${ports.enrollPort})`);

    const devices: { device: string; role: DeviceRole }[] = [
      ...Array.from({ length: o.counters }, (_, i) => ({ device: `W-${String(i + 1).padStart(2, '0')}`, role: 'workstation' as const })),
      { device: 'K-01', role: 'kiosk' },
      { device: 'B-01', role: 'board' },
    ];
    // One-time codes, as the administrator makes them (the last line printed). A host already
    // enrolled keeps its identity and leaves its new code unused.
    const codes = await Promise.all(
      devices.map(async ({ device, role }) => {
        const printed = await runToEnd(`enroll ${device}`, [join(OUT, 'branch.js'), 'enroll', '--device', device, '--role', role, ...branchArgs]);
        return printed.trim().split('\n').at(-1)!.trim();
      }),
    );

    o.signal?.throwIfAborted();
    const started = await Promise.all(
      devices.map(async ({ device, role }, i) => {
        const hostDir = join(dataDir, device);
        mkdirSync(hostDir, { recursive: true });
        const args = [join(OUT, 'cli.js'), '--data-dir', hostDir, '--port', '0'];
        if (o.training) args.push('--training');
        if (role === 'workstation') args.push(...(o.counterArgs ?? []));
        // The hall's hosts send nothing to the state systems: no simulator beside them.
        else if (o.training) args.push('--no-simulator');
        args.push(
          '--branch-enroll-url', `https://127.0.0.1:${ports.enrollPort}`,
          '--branch-api-url', `https://127.0.0.1:${ports.port}`,
          '--branch-ca', caFile,
          '--branch-code', codes[i]!,
        );
        // A passphrase in the caller's environment is not this branch's: each host keeps a key file in its folder.
        const host = run(`host ${device}`, args, { ...process.env, AZHO_PASSPHRASE: '' });
        processes.push(host);
        const links = await waitFor(host, 'AZHO_URL and the hall links', (out) => {
          const [url, boardUrl, kioskUrl] = [link(out, 'AZHO_URL'), link(out, 'AZHO_BOARD_URL'), link(out, 'AZHO_KIOSK_URL')];
          return url && boardUrl && kioskUrl ? { url, boardUrl, kioskUrl } : undefined;
        }, undefined, o.signal);
        // Joined and online: until then the queue would number from the host's own fallback range.
        const up = (out: string) => (/ core branch link up$/m.test(out) ? true : undefined);
        await waitFor(host, 'branch link up', up, /branch enrollment at start failed: .*/, o.signal);
        const adminMade = role !== 'workstation' && o.hallAdmin ? await makeAdministrator(links.url, o.hallAdmin) : false;
        log(`${device} (${role}) joined the branch`);
        return { device, role, dataDir: hostDir, ...links, adminMade, output: host.output } satisfies LaunchedHost;
      }),
    );
    hosts.push(...started);
    return {
      branch: { ...ports, caFile, dataDir: branchDir, output: server.output },
      counters: hosts.filter((h) => h.role === 'workstation'),
      kiosk: hosts.find((h) => h.role === 'kiosk')!,
      board: hosts.find((h) => h.role === 'board')!,
      output,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
