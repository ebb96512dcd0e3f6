/**
 * The core process's footprint over the day: resident memory and open file descriptors read
 * from /proc by the parent (the kernel's figures, not the process's own account), the V8 heap
 * after a full collection as the process reports it. "Flat" is judged on the uninterrupted run
 * that ends the day: a leak per ticket, per case or per request would grow there, while a kill
 * would hide it by starting a fresh process.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Sample {
  run: number;
  atMs: number;
  rssMb: number;
  heapMb: number;
  fds: number;
}

const MB = 1024 * 1024;

/** Reads the kernel's figures for `pid`, paired with the heap the process just reported. */
export function sample(pid: number, run: number, atMs: number, heapBytes: number): Sample | undefined {
  try {
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return { run, atMs, rssMb: (rssKb * 1024) / MB, heapMb: heapBytes / MB, fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return undefined; // killed between its line and our read
  }
}

/** Stated tolerances: the last third of the final run against its first third. */
export const TOLERANCE = { heapMb: 16, heapShare: 0.25, rssMb: 48, rssShare: 0.25, fds: 4 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Flatness {
  samples: number;
  heap: [number, number];
  rss: [number, number];
  fds: [number, number];
  problems: string[];
}

/** Medians (memory) and maxima (descriptors) of the first and last thirds, and what grew past tolerance. */
export function flatness(samples: Sample[]): Flatness {
  const third = Math.floor(samples.length / 3);
  if (third < 2) throw new Error(`too few samples (${samples.length}) in the final run to judge it flat`);
  const first = samples.slice(0, third);
  const last = samples.slice(-third);
  const heap: [number, number] = [median(first.map((s) => s.heapMb)), median(last.map((s) => s.heapMb))];
  const rss: [number, number] = [median(first.map((s) => s.rssMb)), median(last.map((s) => s.rssMb))];
  const fds: [number, number] = [Math.max(...first.map((s) => s.fds)), Math.max(...last.map((s) => s.fds))];
  const problems: string[] = [];
  if (heap[1] > heap[0] * (1 + TOLERANCE.heapShare) + TOLERANCE.heapMb) problems.push(`heap grew ${heap[0].toFixed(1)} → ${heap[1].toFixed(1)} MB`);
  if (rss[1] > rss[0] * (1 + TOLERANCE.rssShare) + TOLERANCE.rssMb) problems.push(`RSS grew ${rss[0].toFixed(1)} → ${rss[1].toFixed(1)} MB`);
  if (fds[1] > fds[0] + TOLERANCE.fds) problems.push(`file descriptors grew ${fds[0]} → ${fds[1]}`);
  return { samples: samples.length, heap, rss, fds, problems };
}
