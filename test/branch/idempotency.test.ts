/**
 * A change sent again while its first try is still running — the workstation's answer timed out,
 * or the server was killed after the change reached PostgreSQL — is the same change: every try
 * of one key gets the first try's answer, never a refusal caused by the first try itself
 * (WINDOW_BUSY for a call-next, TICKET_CHANGED for a change to the ticket).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchClient } from '../../src/core/branch/branchClient';
import { startTestBranch, type TestBranch } from '../support/branch';
import { postgresAvailable } from '../support/postgres';

const op = { login: 'aigerim', name: 'Айгерим' };
let key = 0;
const idem = (p: string) => `${p}:${process.pid}:${++key}`;
const TRIES = 4;

describe.skipIf(!postgresAvailable)('one idempotency key in flight several times at once', () => {
  let branch: TestBranch;
  let window: BranchClient;
  let kiosk: BranchClient;

  beforeAll(async () => {
    branch = await startTestBranch('IDEM-01');
    [window, kiosk] = await Promise.all([branch.client('W-01'), branch.client('K-01', 'kiosk')]);
    await window.call('queue.setWindow', { window: '1', groups: ['A'], paused: false, operator: op });
  });
  afterAll(async () => branch?.close());

  it('gets one answer for every try, whatever the call', async () => {
    // Several rounds: the tries must overlap inside the server for the race to be there.
    for (let round = 0; round < 10; round++) {
      const issueKey = idem('issue');
      const prints = await Promise.all(Array.from({ length: TRIES }, () => kiosk.call('queue.issue', { group: 'A', priority: null, regulationId: null, idemKey: issueKey })));
      expect(new Set(prints.map((p) => p.ticket.id)).size).toBe(1);

      const callKey = idem('call');
      const called = await Promise.all(Array.from({ length: TRIES }, () => window.call('queue.callNext', { window: '1', operator: op, idemKey: callKey })));
      expect(called.map((t) => t.id)).toEqual(Array(TRIES).fill(prints[0]!.ticket.id));

      const t = called[0]!;
      const startKey = idem('start');
      const started = await Promise.all(
        Array.from({ length: TRIES }, () => window.call('queue.startService', { ticketId: t.id, version: t.version, window: '1', caseNumber: 'K-1', idemKey: startKey })),
      );
      expect(started.map((s) => s.version)).toEqual(Array(TRIES).fill(t.version + 1));

      const finishKey = idem('finish');
      const done = await Promise.all(Array.from({ length: TRIES }, () => window.call('queue.finish', { ticketId: t.id, version: t.version + 1, window: '1', idemKey: finishKey })));
      expect(done.map((d) => d.state)).toEqual(Array(TRIES).fill('done'));
    }
    const { rows } = await branch.server.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`);
    expect(rows[0]!.n).toBe(10);
  });
});
