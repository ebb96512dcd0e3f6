/** Small measuring tools for the benchmarks: percentiles, event-loop lag, a report line. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

export const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** The main thread's event-loop delay while `work` runs (Node's own histogram, 1 ms resolution). */
export async function withLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; lag: { p50: number; p99: number; max: number } }> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    const result = await work();
    return { result, lag: { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 } };
  } finally {
    h.disable();
  }
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export interface Verdict {
  name: string;
  figure: string;
  goal: string;
  pass: boolean;
}

export function report(verdicts: Verdict[]): void {
  const width = Math.max(...verdicts.map((v) => v.name.length));
  for (const v of verdicts) {
    process.stdout.write(`${v.pass ? 'ok  ' : 'MISS'}  ${v.name.padEnd(width)}  ${v.figure}   (goal: ${v.goal})\n`);
  }
}
