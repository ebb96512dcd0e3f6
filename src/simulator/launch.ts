/**
 * Starts the simulator as a child process and waits for the lines it prints on start (see
 * ./cli), for tests and benchmarks that need the state systems in a process of their own (so
 * that killing the workstation's process leaves them running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface LaunchOptions {
  /** The simulator's script: out/host/simulator.js. */
  script: string;
  args?: string[];
  /** Added to this process's environment (e.g. SIMULATOR_SENDER_PASSWORD). */
  env?: Record<string, string>;
  /** How long to wait for the start lines. Default 15 s. */
  timeoutMs?: number;
}

export interface LaunchedSimulator {
  url: string;
  controlUrl: string;
  caPem?: string;
  /** Where the simulator wrote its CA (removed when it stops). */
  caFile?: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s; resolves when it has exited. */
  stop(): Promise<void>;
}

const STDERR_KEPT = 8 * 1024;

export function launchSimulator(options: LaunchOptions): Promise<LaunchedSimulator> {
  const args = options.args ?? [];
  const wantsCa = args.includes('--tls');
  const child = spawn(process.execPath, [options.script, ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
