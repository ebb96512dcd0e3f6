/**
 * The report's one percentile rule, the queue statistics' own (`core/queue/stats.ts`): the
 * nearest rank — the p-th percentile of n values is the ⌈p·n⌉-th smallest — so every figure is a
 * time that really happened, and a median of an even count is the lower middle, never an average
 * of two. Figures are whole seconds, rounded half up, as the queue statistics give them.
 */

/** The nearest-rank percentile (0 < p ≤ 1) of values sorted ascending; null for none. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return Math.round(sorted[rank - 1]!);
}

/** The median and the 90th percentile of some durations, in any order. */
export function medianAndP90(durations: number[]): { median: number | null; p90: number | null } {
  // A typed array sorts numerically without a comparator call per pair: a month's step has thousands.
  const sorted = Float64Array.from(durations).sort();
  return { median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

const digits = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/**
 * Milliseconds of an ISO moment. Both stores write 'YYYY-MM-DDTHH:MM:SS.sssZ'; read by hand, that
 * is several times quicker than `Date.parse`, which a month's report calls half a million times.
 */
export function isoMs(s: string): number {
  if (s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84 /* T */) {
    return Date.UTC(digits(s, 0, 4), digits(s, 5, 7) - 1, digits(s, 8, 10), digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19), digits(s, 20, 23));
  }
  return Date.parse(s);
}

/** Seconds from one ISO moment to another; null when either is missing. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  return from && to ? (isoMs(to) - isoMs(from)) / 1000 : null;
}
