/**
 * One run of the soak's core process (counterDay.ts built to JS), as the crash test starts its
 * core: a child process we can SIGKILL. Its printed lines are watched as they come: progress,
 * the memory samples (paired with /proc figures the moment each arrives) and the result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sample, type Sample } from './footprint';

export interface CoreRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves when the process has printed `line` (the first word of it); rejects if it exits first. */
  printed(line: string): Promise<string>;
  progress(): number;
  samples: Sample[];
  output(): string;
}

export function startCoreRun(script: string, env: Record<string, string>, run: number, dayStart: number): CoreRun {
  // --expose-gc: the heap is sampled after a full collection.
  const child = spawn(process.execPath, ['--expose-gc', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let pending = '';
  let progress = 0;
  const samples: Sample[] = [];
  const waiters: { word: string; resolve(line: string): void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [word, ...rest] = line.split(' ');
      if (word === 'PROGRESS') progress = Number(rest[0]);
      else if (word === 'MEM') {
        const s = sample(child.pid!, run, Date.now() - dayStart, Number(rest[1]));
        if (s) samples.push(s);
      } else out += line + '\n';
      for (const w of waiters.filter((w) => w.word === word)) w.resolve(line);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const printed = (word: string) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ word, resolve });
      void exited.then((code) => reject(new Error(`the core exited (${code}) before ${word}:\n${out}`)));
    });
  return { child, exited, printed, progress: () => progress, samples, output: () => out };
}
