/**
 * Starts the simulator as a child process and waits for the lines it prints on start (see
 * ./cli), for tests and benchmarks that need the state systems in a process of their own (so
 * that killing the workstation's process leaves them running).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface LaunchOptions {
  /** The simulator's script: out/host/simulator.js. */
  script: string;
  args?: string[];
  /** Added to this process's environment (e.g. SIMULATOR_SENDER_PASSWORD). */
  env?: Record<string, string>;
  /** How long to wait for the start lines. Default 15 s. */
  timeoutMs?: number;
  /** Starts the process; by default this Node runs the script (Electron passes its utility process). */
  spawnProcess?: SpawnSimulator;
}

/** What the launcher needs of the simulator's process: a child process, or one that looks like it. */
export interface SimulatorChild {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
}

export type SpawnSimulator = (script: string, args: string[], env: Record<string, string>) => SimulatorChild;

const spawnWithNode: SpawnSimulator = (script, args, env) =>
  spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

export interface LaunchedSimulator {
  url: string;
  controlUrl: string;
  caPem?: string;
  /** Where the simulator wrote its CA (removed when it stops). */
  caFile?: string;
  child: SimulatorChild;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s; resolves when it has exited. */
  stop(): Promise<void>;
}

const STDERR_KEPT = 8 * 1024;

export function launchSimulator(options: LaunchOptions): Promise<LaunchedSimulator> {
  const args = options.args ?? [];
  const wantsCa = args.includes('--tls');
  const child = (options.spawnProcess ?? spawnWithNode)(options.script, args, options.env ?? {});
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr = (stderr + s).slice(-STDERR_KEPT);
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise((resolve, reject) => {
    const found: Record<string, string> = {};
    let stdout = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(new Error(`the simulator did not start: ${why}${stderr ? `\n--- its stderr ---\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no start lines within ${options.timeoutMs ?? 15_000} ms`), options.timeoutMs ?? 15_000);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => setImmediate(() => fail(`it exited (${signal ?? `code ${code}`})`)));
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline).trim();
        stdout = stdout.slice(newline + 1);
        const m = /^(SIMULATOR_[A-Z_]+)=(.*)$/.exec(line);
        if (m) found[m[1]!] = m[2]!;
      }
      const url = found.SIMULATOR_URL;
      const controlUrl = found.SIMULATOR_CONTROL_URL;
      const caFile = found.SIMULATOR_CA_FILE;
      if (settled || !url || !controlUrl || (wantsCa && !caFile)) return;
      let caPem: string | undefined;
      try {
        caPem = caFile ? readFileSync(caFile, 'utf8') : undefined;
      } catch (err) {
        return fail(`its CA file could not be read: ${(err as Error).message}`);
      }
      settled = true;
      clearTimeout(timer);
      resolve({ url, controlUrl, ...(caPem ? { caPem, caFile } : {}), child, stop });
    });
  });
}

/** How a workstation reaches the training simulator: endpoint, sender, CA, its control port. */
export interface TrainingConnection {
  endpoint: string;
  senderId: string;
  password: string;
  caPem: string | null;
  controlUrl: string;
  pollIntervalSeconds: number;
}

/**
 * The simulated state systems for training, in a process of their own, over TLS with a CA made
 * for this run and a sender password made for this run: the workstation talks to them exactly as
 * to the real gateway. `spawnProcess` lets the Electron shell run it as a utility process.
 */
export async function startTrainingSimulator(
  script: string,
  decisionDelaySeconds: number,
  spawnProcess?: SpawnSimulator,
): Promise<{ launched: LaunchedSimulator; connection: TrainingConnection }> {
  const password = randomBytes(18).toString('base64url');
  const senderId = 'AZHO-TRAINING';
  const launched = await launchSimulator({
    script,
    args: ['--port', '0', '--control-port', '0', '--tls', '--sender-id', senderId, '--decision-delay-ms', String(decisionDelaySeconds * 1000)],
    env: { SIMULATOR_SENDER_PASSWORD: password },
    spawnProcess,
  });
  return {
    launched,
    connection: { endpoint: launched.url, senderId, password, caPem: launched.caPem ?? null, controlUrl: launched.controlUrl, pollIntervalSeconds: 5 },
  };
}
