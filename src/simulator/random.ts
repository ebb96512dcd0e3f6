/**
 * A small seeded generator (mulberry32), so the same seed gives the same population on every
 * machine and every run: a trainer's script and a test can name a generated person by IIN.
 * Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/**
 * A 32-bit seed from any text (FNV-1a), so `--seed azho` works as well as `--seed 42`; digits
 * are the number they spell, so `--seed 42` on the command line is `seed: 42` in a test.
 */
export function seedOf(seed: string | number): number {
  if (typeof seed === 'string' && /^\d{1,9}$/.test(seed)) return Number(seed) >>> 0;
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seededRandom(seed: string | number): Random {
  let state = seedOf(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}
