/**
 * The branch server as its own process, the way an administrator runs it (src/branch/cli.ts), so
 * a test can SIGKILL it and start it again on the same ports and data folder. It runs as
 * `node --import tsx`, not through the tsx wrapper: the wrapper starts the server as a child of
 * its own, and a SIGKILL of the wrapper would leave that child serving.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DeviceRole } from '../../src/shared/branch/wire';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/branch/cli.ts'];
const run = promisify(execFile);

export interface BranchProcessOptions {
  dsn: string;
  dataDir: string;
  branchId: string;
  port: number;
  enrollPort: number;
}

export interface BranchProcess {
  child: ChildProcess;
  /** performance.now() when it printed that it listens. */
  readyAt: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The last lines it wrote, for a failure's message. */
  tail(): string;
}

/**
 * Ports free now, chosen once so that every restart listens where the devices were enrolled.
 * Taken below Linux's ephemeral range (32768 and up): while the server is down, no outgoing
 * connection of this or any other process can be handed one of them as its own local port.
 */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (ports.includes(port)) continue;
    const s = createServer();
    const free = await new Promise<boolean>((resolveFree) => {
      s.once('error', () => resolveFree(false));
      s.listen(port, '127.0.0.1', () => resolveFree(true));
    });
    if (free) {
      ports.push(port);
      await new Promise((r) => s.close(r));
    }
  }
  return ports;
}

export async function startBranchProcess(o: BranchProcessOptions): Promise<BranchProcess> {
  const args = [...CLI, '--dsn', o.dsn, '--data-dir', o.dataDir, '--branch-id', o.branchId, '--port', String(o.port), '--enroll-port', String(o.enrollPort)];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Only the tail is kept: the server logs a line per call, which is most of what it writes.
  let tail = '';
  const keep = (s: string) => (tail = (tail + s).slice(-4000));
  const exited = once(child, 'exit');
  const ready = new Promise<number>((resolveReady, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      keep(s);
      if (tail.includes('AZHO_BRANCH port=')) resolveReady(performance.now());
    });
    child.stderr!.setEncoding('utf8').on('data', keep);
    void exited.then(() => reject(new Error(`the branch server exited before it listened:\n${tail}`)));
  });
  const readyAt = await ready;
  return {
    child,
    readyAt,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    tail: () => tail,
  };
}

/** A one-time enrollment code, made the administrator's way: `branch enroll --device … --role …`. */
export async function enrollmentCode(o: { dsn: string; branchId: string }, device: string, role: DeviceRole): Promise<string> {
  const { stdout } = await run(process.execPath, [...CLI, 'enroll', '--device', device, '--role', role, '--dsn', o.dsn, '--branch-id', o.branchId], { cwd: ROOT });
  const code = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/m.exec(stdout)?.[0];
  if (!code) throw new Error(`no enrollment code in: ${stdout}`);
  return code;
}
