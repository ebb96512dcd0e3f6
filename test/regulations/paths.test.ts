/**
 * The data walks the act's paths: a walker of its own (no engine) follows next / ifYes / ifNo per
 * the `when` of each hand-written path in expectedPaths.ts and must meet exactly those steps and
 * that ending. Then, the other way round, every way through every channel must be one of the
 * hand-written paths, every step must lie on some path, and every path must end.
 */
import { describe, expect, it } from 'vitest';
import { Regulation, type Channel, type Step } from '../../src/shared/regulation';
import { EXPECTED_PATHS, type ExpectedPath } from './expectedPaths';
import { readRegulationJson, regulationFileNames } from './regulationFiles';

const regulations = new Map<string, Regulation>(
  regulationFileNames().map((file) => {
    const reg = Regulation.parse(readRegulationJson(file));
    return [reg.id, reg];
  }),
);

interface Walked {
  steps: string[];
  ends: 'result' | 'refusal' | undefined;
}

function channelOf(act: string, kind: string): Channel {
  const reg = regulations.get(act);
  if (!reg) throw new Error(`no regulation ${act}`);
  const ch = reg.channels.find((c) => c.kind === kind);
  if (!ch) throw new Error(`${act} has no ${kind} channel`);
  return ch;
}

/** Follows the channel from its first step, answering each condition from `when`. */
function walk(channel: Channel, when: Record<string, boolean>): Walked {
  const byId = new Map(channel.steps.map((s) => [s.id, s]));
  const steps: string[] = [];
  let current: Step | undefined = channel.steps[0];
  while (current) {
    if (steps.includes(current.id)) throw new Error(`loop at ${current.id}`);
    steps.push(current.id);
    let target: string;
    if (current.kind === 'condition') {
      const answer = when[current.id];
      if (answer === undefined) throw new Error(`no answer for ${current.id}`);
      target = answer ? current.ifYes : current.ifNo;
    } else {
      target = current.next;
    }
    if (target === 'end') return { steps, ends: current.kind === 'process' ? current.ends : undefined };
    current = byId.get(target);
    if (!current) throw new Error(`unknown step ${target}`);
  }
  throw new Error('empty channel');
}

/** Every way through the channel, trying both answers at each condition met. */
function allPaths(channel: Channel): Array<Walked & { when: Record<string, boolean> }> {
  const byId = new Map(channel.steps.map((s) => [s.id, s]));
  const out: Array<Walked & { when: Record<string, boolean> }> = [];
  const go = (id: string, steps: string[], when: Record<string, boolean>): void => {
    if (steps.length > channel.steps.length) throw new Error('a path longer than the channel: a loop');
    const step = byId.get(id);
    if (!step) throw new Error(`unknown step ${id}`);
    const here = [...steps, step.id];
    const follow = (target: string, w: Record<string, boolean>): void => {
      if (target === 'end') out.push({ steps: here, ends: step.kind === 'process' ? step.ends : undefined, when: w });
      else go(target, here, w);
    };
    if (step.kind === 'condition') {
      follow(step.ifYes, { ...when, [step.id]: true });
      follow(step.ifNo, { ...when, [step.id]: false });
    } else {
      follow(step.next, when);
    }
  };
  go(channel.steps[0]!.id, [], {});
  return out;
}

const key = (when: Record<string, boolean>): string =>
  Object.keys(when)
    .sort()
    .map((k) => `${k}=${when[k]}`)
    .join(',');

describe('expected paths', () => {
  it.each(EXPECTED_PATHS.map((p) => [`${p.act} ${p.channel} ${key(p.when) || '(no condition)'}`, p] as const))(
    '%s',
    (_name, expected: ExpectedPath) => {
      const walked = walk(channelOf(expected.act, expected.channel), expected.when);
      expect(walked.steps).toEqual(expected.steps);
      expect(walked.ends).toBe(expected.ends);
      // `when` answers exactly the conditions the path meets.
      const met = walked.steps.filter((id) => id.startsWith('c')).sort();
      expect(Object.keys(expected.when).sort()).toEqual(met);
    },
  );
});

describe('every channel of every act', () => {
  const channels = [...regulations.values()].flatMap((reg) => reg.channels.map((ch) => [`${reg.id} ${ch.kind}`, reg.id, ch] as const));

  it('has hand-written paths, and every hand-written path is of a channel that exists', () => {
    const inData = new Set(channels.map(([name]) => name));
    const inTable = new Set(EXPECTED_PATHS.map((p) => `${p.act} ${p.channel}`));
    expect([...inTable].sort()).toEqual([...inData].sort());
  });

  it.each(channels)('%s: its ways through are exactly the hand-written ones', (_name, act, channel) => {
    const found = allPaths(channel).map((p) => ({ when: key(p.when), steps: p.steps, ends: p.ends }));
    const expected = EXPECTED_PATHS.filter((p) => p.act === act && p.channel === channel.kind).map((p) => ({
      when: key(p.when),
      steps: p.steps,
      ends: p.ends,
    }));
    const byWhen = (a: { when: string }, b: { when: string }) => a.when.localeCompare(b.when);
    expect(found.sort(byWhen)).toEqual(expected.sort(byWhen));
  });

  it.each(channels)('%s: every step lies on some path, and every path ends with a result or a refusal', (_name, _act, channel) => {
    const paths = allPaths(channel);
    const reached = new Set(paths.flatMap((p) => p.steps));
    expect(channel.steps.map((s) => s.id).filter((id) => !reached.has(id))).toEqual([]);
    for (const p of paths) expect(p.ends).toMatch(/^(result|refusal)$/);
  });

  it.each(channels)('%s: every condition is met both ways on some path', (_name, act, channel) => {
    const expected = EXPECTED_PATHS.filter((p) => p.act === act && p.channel === channel.kind);
    for (const c of channel.steps.filter((s) => s.kind === 'condition')) {
      expect(expected.some((p) => p.when[c.id] === true), `${c.id} yes`).toBe(true);
      expect(expected.some((p) => p.when[c.id] === false), `${c.id} no`).toBe(true);
    }
  });
});
