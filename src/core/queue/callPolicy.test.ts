import { describe, expect, it } from 'vitest';
import { chooseNext } from './callPolicy';

describe('call-next policy', () => {
  it('calls priority first, but never more than the streak allows while a regular ticket waits', () => {
    const priority = ['P1', 'P2', 'P3', 'P4', 'P5'];
    const regular = ['R1', 'R2'];
    const called: string[] = [];
    let streak = 0;
    for (let i = 0; i < 7; i++) {
      const choice = chooseNext({ reserved: undefined, priority: priority[0], regular: regular[0] }, streak, 2)!;
      called.push(choice.ticket);
      streak = choice.streak;
      (choice.ticket.startsWith('P') ? priority : regular).shift();
    }
    expect(called).toEqual(['P1', 'P2', 'R1', 'P3', 'P4', 'R2', 'P5']);
  });

  it('calls a ticket transferred to this window before any line, and nothing on an empty queue', () => {
    expect(chooseNext({ reserved: 'T', priority: 'P', regular: 'R' }, 0, 3)).toEqual({ ticket: 'T', streak: 0 });
    expect(chooseNext({ reserved: undefined, priority: undefined, regular: undefined }, 5, 3)).toBeNull();
    expect(chooseNext({ reserved: undefined, priority: 'P', regular: undefined }, 3, 3)).toEqual({ ticket: 'P', streak: 0 });
  });
});
