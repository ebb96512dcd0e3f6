import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/regulation';
import { flowMachine, nextState, walkAll } from './flowMachine';

const cite = { seed: '000_9c000d9434ad5727.txt', item: '7' };
const text = (s: string) => ({ kk: s, ru: s, en: s });
const channel: Channel = {
  kind: 'stateCorporation',
  deadline: null,
  citation: cite,
  steps: [
    { id: 'p1', kind: 'process', number: 1, actor: 'operator', title: text('login'), norm: null, effect: 'login', citation: cite, next: 'c1' },
    { id: 'c1', kind: 'condition', number: 1, actor: 'personDatabase', title: text('found?'), norm: null, effect: 'stateDatabaseCheck', citation: cite, ifYes: 'p3', ifNo: 'p2' },
    { id: 'p2', kind: 'process', number: 2, actor: 'workstation', title: text('refuse'), norm: null, effect: 'refusalDataUnavailable', citation: cite, next: 'end', ends: 'refusal' },
    { id: 'p3', kind: 'process', number: 3, actor: 'operator', title: text('issue'), norm: null, effect: 'issueResult', citation: cite, next: 'end', ends: 'result' },
  ],
};

describe('a channel as a state machine', () => {
  const machine = flowMachine('t', channel);

  it('moves a process on by COMPLETE and a condition by its answer', () => {
    expect(nextState(machine, 'p1', { type: 'COMPLETE' })).toBe('c1');
    expect(nextState(machine, 'c1', { type: 'ANSWER', yes: true })).toBe('p3');
    expect(nextState(machine, 'c1', { type: 'ANSWER', yes: false })).toBe('p2');
    expect(nextState(machine, 'p2', { type: 'COMPLETE' })).toBe('endedWithRefusal');
    expect(nextState(machine, 'p3', { type: 'COMPLETE' })).toBe('endedWithResult');
  });

  it('refuses an event the current step does not take: a condition cannot be completed, a process not answered', () => {
    expect(nextState(machine, 'c1', { type: 'COMPLETE' })).toBeNull();
    expect(nextState(machine, 'p1', { type: 'ANSWER', yes: true })).toBeNull();
    expect(nextState(machine, 'endedWithResult', { type: 'COMPLETE' })).toBeNull();
  });

  it('walks every path, each condition true and false', () => {
    expect(walkAll(channel)).toEqual([
      { answers: { c1: true }, steps: ['p1', 'c1', 'p3'], ends: 'result' },
      { answers: { c1: false }, steps: ['p1', 'c1', 'p2'], ends: 'refusal' },
    ]);
  });
});
