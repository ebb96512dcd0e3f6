/**
 * The branch's pushes to the other windows: a call at one window is announced to the boards
 * (`queue.called`) and also tells every workstation's queue panel that its lines changed
 * (`queue.changed`) — the ticket called at window 2 is no longer waiting at window 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchClient } from '../../src/core/branch/branchClient';
import type { BranchEvent } from '../../src/shared/branch/wire';
import { startTestBranch, type TestBranch } from '../support/branch';
import { postgresAvailable } from '../support/postgres';
import { until } from '../support/simulatedCounter';

let key = 0;
const idem = (p: string) => `${p}:${process.pid}:${++key}`;
const OPERATOR = { login: 'gulnur', name: 'Гүлнұр Әміржанқызы' };

describe.skipIf(!postgresAvailable)('the branch telling the other windows', () => {
  let branch: TestBranch;
  let w1: BranchClient;
  let w2: BranchClient;
  let stream: { close(): void };
  const seen: BranchEvent[] = [];

  beforeAll(async () => {
    branch = await startTestBranch();
    [w1, w2] = await Promise.all([branch.client('W-01'), branch.client('W-02')]);
    let up = false;
    stream = w1.events((e) => void seen.push(e), (u) => void (up = u));
    await until(() => up, "window 1's event stream is open");
  });

  afterAll(async () => {
    stream?.close();
    await branch?.close();
  });

  it('sends queue.changed after a call-next at another window, not only queue.called', async () => {
    await w2.call('queue.setWindow', { window: '2', groups: ['A'], paused: false, operator: OPERATOR });
    await w2.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: idem('issue') });
    await until(() => seen.some((e) => e.type === 'queue.changed'), 'the issue is pushed');
    seen.length = 0;
    const called = await w2.call('queue.callNext', { window: '2', operator: OPERATOR, idemKey: idem('call') });
    expect(called.number).toBe('A-001');
    await until(() => seen.some((e) => e.type === 'queue.called') && seen.some((e) => e.type === 'queue.changed'), 'the call and the change are pushed');
    expect(seen.find((e) => e.type === 'queue.called')).toMatchObject({ number: 'A-001', window: '2', recall: false });
  });
});
