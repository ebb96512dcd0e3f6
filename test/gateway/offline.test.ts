/**
 * Offline acceptance against the simulator over HTTPS: the gateway is down, twenty applicants are
 * accepted and leave with pending receipts; the gateway comes back and every case goes through
 * process 3 → condition 1 → process 5 in the act's order, the missing people getting the
 * process-4 notice to collect, and no request registered twice.
 */
import { afterEach, expect, it } from 'vitest';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import type { CaseView } from '../../src/shared/cases';
import { makeIin } from '../support/iins';
import { acceptForm, openSimulatedCounter, until, type SimulatedCounter } from '../support/simulatedCounter';
import { signRequest } from '../support/signing';

let counter: SimulatedCounter;
afterEach(() => counter?.dispose());

it('accepts 20 cases with the gateway down and forwards them all, in order, when it is back', async () => {
  counter = await openSimulatedCounter();
  const { core, simulator } = counter;
  await simulator.setFaults({ mode: 'down' });

  const living = TRAINING_PEOPLE.filter((p) => !p.deceased);
  // Born in 1801: no register has them.
  const absent = (i: number) => makeIin('010203', '1', 100 + i * 7);
  const accepted: { view: CaseView; found: boolean }[] = [];
  for (let i = 0; i < 20; i++) {
    const found = i % 4 !== 3;
    let v = await acceptForm(core, found ? living[i % living.length]!.iin : absent(i));
    expect(v).toMatchObject({ step: 'p3', gatewayWaiting: true });
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v.counterDone).toBe(true);
    expect((await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1')).pending).toBe(true);
    accepted.push({ view: v, found });
  }
  expect(await core.call('gateway.status', {}, 'counter-1')).toMatchObject({ link: 'offline', casesWaiting: 20 });
  expect(simulator.stats().applied).toEqual({});

  await simulator.setFaults({ mode: 'none' });
  const get = (id: number) => core.call('cases.get', { caseId: id }, 'counter-1');
  await until(
    async () => (await Promise.all(accepted.map((a) => get(a.view.id)))).every((v) => v.step === 'p8' || v.step === 'endedWithRefusal'),
    'every case forwarded or refused',
  );

  for (const { view, found } of accepted) {
    const v = await get(view.id);
    if (found) {
      expect(v.steps.map((s) => s.step)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8']);
      expect(v.outbox.map((m) => m.kind).filter((k) => k !== 'status')).toEqual(['person', 'submit']);
      // In order: each message answered before the next one was sent.
      const done = v.outbox.map((m) => m.doneAt!);
      expect([...done].sort()).toEqual(done);
      expect(simulator.stats().submissionsByCase[v.number]).toBe(1);
      expect((await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1')).pending).toBe(false);
    } else {
      expect(v).toMatchObject({ step: 'endedWithRefusal', awaitingCollection: true });
      expect(v.steps.map((s) => s.step)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p4']);
      expect(simulator.stats().submissionsByCase[v.number]).toBeUndefined();
    }
  }
  const toIssue = await core.call('cases.toIssue', {}, 'counter-1');
  expect(toIssue.cases).toHaveLength(20);
  expect(toIssue.cases.filter((c) => c.awaitingCollection)).toHaveLength(5);
  expect((await core.call('gateway.status', {}, 'counter-1'))).toMatchObject({ pending: 0, failed: 0, casesWaiting: 0 });
});
