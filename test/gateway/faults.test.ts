/**
 * Every fault the simulator can put on the line, one after another, against a workstation
 * configured as an administrator configures it (endpoint, sender, password, CA, a 1 s timeout).
 * For each: the message is retried with backoff (a few attempts, not a storm), the operator sees
 * the case waiting with the right failure, and once the fault clears the case moves on by itself.
 * An unknown status code is final: the message stops, failed, until the operator retries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import type { Failure } from '../../src/shared/gateway';
import type { FaultMode } from '../../src/simulator/simulator';
import { acceptForm, openSimulatedCounter, until, type SimulatedCounter } from '../support/simulatedCounter';

let counter: SimulatedCounter;
beforeAll(async () => {
  counter = await openSimulatedCounter({ configured: { timeoutSeconds: 1 } });
});
afterAll(() => counter?.dispose());

const RETRIED: [FaultMode, Failure][] = [
  ['http500', 'httpError'],
  ['soapFault', 'soapFault'],
  ['timeout', 'timeout'],
  ['drop', 'unreachable'],
  ['down', 'unreachable'],
  ['malformed', 'malformed'],
  ['entityExpansion', 'malformed'],
  ['deepNesting', 'malformed'],
  ['huge', 'malformed'],
  ['wrongNamespace', 'malformed'],
  ['wrongMessageId', 'malformed'],
  ['wrongPayload', 'malformed'],
];

const WATCH_MS = 2_500;

describe('a fault on the line is retried with backoff and cleared by itself', () => {
  it.each(RETRIED)('%s → %s', async (mode, failure) => {
    const { core, simulator } = counter;
    await simulator.setFaults({ mode });
    const receivedBefore = simulator.stats().received;
    const v = await acceptForm(core, TRAINING_PEOPLE[0]!.iin);
    expect(v.step).toBe('p3');
    await new Promise((r) => setTimeout(r, WATCH_MS));

    const waiting = await core.call('cases.get', { caseId: v.id }, 'counter-1');
    const [message] = waiting.outbox;
    expect(waiting.gatewayWaiting).toBe(true);
    expect(message).toMatchObject({ kind: 'person', state: 'pending', lastFailure: failure });
    // Backoff, not a storm: from 50 ms doubling to 400 ms with jitter, a few tries in 2.5 s.
    expect(message!.attempts).toBeGreaterThanOrEqual(mode === 'timeout' ? 2 : 3);
    expect(simulator.stats().received - receivedBefore).toBeLessThanOrEqual(mode === 'down' ? 0 : 40);
    expect(message!.attempts).toBeLessThanOrEqual(40);
    const status = await core.call('gateway.status', {}, 'counter-1');
    expect(['offline', 'degraded']).toContain(status.link);
    expect(status.lastFailure).not.toBeNull();

    await simulator.setFaults({ mode: 'none' });
    const moved = await until(async () => {
      const now = await core.call('cases.get', { caseId: v.id }, 'counter-1');
      return now.step === 'p5' && now;
    }, `the case to move on after ${mode}`, 15_000);
    expect(moved.applicant?.fullName).toBe('Сәрсенов Ерлан Қайратұлы');
  });

  it('latency only slows the answer down', async () => {
    const { core, simulator } = counter;
    await simulator.setFaults({ mode: 'latency', latencyMs: 300 });
    const v = await acceptForm(core, TRAINING_PEOPLE[1]!.iin);
    expect(v).toMatchObject({ step: 'p5', gatewayWaiting: false });
    expect(v.outbox[0]).toMatchObject({ state: 'done', attempts: 1, lastFailure: null });
    await simulator.setFaults({ mode: 'none' });
  });
});

describe('a final error stops the message until the operator acts', () => {
  it('an unknown status code is shown as failed, is not retried, and goes again when the operator retries', async () => {
    const { core, simulator } = counter;
    await simulator.setFaults({ mode: 'unknownStatus' });
    const v = await acceptForm(core, TRAINING_PEOPLE[2]!.iin);
    const [message] = v.outbox;
    expect(message).toMatchObject({ state: 'failed', lastFailure: 'unknownStatus', attempts: 1, lastCode: expect.any(String) });
    await simulator.setFaults({ mode: 'none' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await core.call('cases.get', { caseId: v.id }, 'counter-1')).outbox[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await core.call('gateway.status', {}, 'counter-1')).failed).toBe(1);

    await core.call('gateway.retry', { messageId: message!.messageId }, 'counter-1');
    await until(async () => (await core.call('cases.get', { caseId: v.id }, 'counter-1')).step === 'p5', 'the retried case to move on');
  });
});
