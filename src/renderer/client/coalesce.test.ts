import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('a coalesced reload', () => {
  it('runs once more after a burst of asks, not once per ask', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const reload = coalesce(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((done) => (release = done));
    });
    const first = reload();
    const burst = [reload(), reload(), reload()];
    release();
    await Promise.all([first, ...burst]);
    expect(runs).toBe(2);
  });

  it('runs again when asked after the last run ended', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
    });
    await reload();
    await reload();
    expect(runs).toBe(2);
  });

  it('is free again after a failed run', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
      if (runs === 1) throw new Error('no answer');
    });
    await expect(reload()).rejects.toThrow('no answer');
    await reload();
    expect(runs).toBe(2);
  });
});
