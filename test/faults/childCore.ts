/**
 * Runs test/faults/storageChild.ts as a process of its own: bundled once (as the crash test does)
 * into out/, beside node_modules so its packages resolve, and started as the user asked for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '../..');
export const RESOURCES = join(ROOT, 'resources');

export async function bundleChild(): Promise<{ script: string; remove(): void }> {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'out', 'faults-'));
  // Readable by the other user a test may start it as (mkdtemp makes the folder owner-only).
  chmodSync(dir, 0o755);
  const script = join(dir, 'storageChild.mjs');
  await build({ entryPoints: [join(__dirname, 'storageChild.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildRun {
  child: ChildProcess;
  /** Resolves once the child printed a line starting with `prefix`; rejects if it exits first. */
  line(prefix: string): Promise<string>;
  exited: Promise<number | null>;
  output(): string;
}

export function runChild(script: string, env: Record<string, string>, user?: { uid: number; gid: number }): ChildRun {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const line = (prefix: string) =>
    new Promise<string>((found, reject) => {
      const look = () => {
        const hit = out.split('\n').find((l) => l.startsWith(prefix));
        if (hit) found(hit);
      };
      child.stdout!.on('data', look);
      look();
      void exited.then((code) => {
        look();
        reject(new Error(`the child exited (${code}) before "${prefix}":\n${out}`));
      });
    });
  return { child, line, exited, output: () => out };
}
