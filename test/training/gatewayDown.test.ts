/**
 * Scenario 07 on the simulator of the state systems over real HTTPS: the run sets the gateway
 * down as the walk-in's ticket is issued; the trainee accepts, signs and forwards ahead and gives
 * a pending receipt; the run lifts the fault once the counter part is done, the outbox catches
 * up by itself, and the run ends with the case registered and its result ready.
 */
import { afterEach, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/simulator';
import { signRequest } from '../support/signing';
import { until } from '../support/simulatedCounter';
import type { TestCore } from '../support/workstation';
import { TRAINEE, TRAINEE_CLIENT, callAndOpen, openTrainingCounter, scenarioFile } from './walk';

let simulator: RunningSimulator | undefined;
let core: TestCore | undefined;
let maintenance: NodeJS.Timeout | undefined;
afterEach(async () => {
  clearInterval(maintenance);
  core?.dispose();
  await simulator?.close();
});

it('07-gateway-down: a pending receipt while the gateway is down, the sync after, a passing score', async () => {
  simulator = await startSimulator({ tls: true, decisionDelayMs: 100, population: 50, senderId: 'AZHO-TRAIN', password: 'sender-secret-1' });
  core = await openTrainingCounter({
    running: true,
    gateway: null,
    gatewayConnection: { endpoint: simulator.url, senderId: 'AZHO-TRAIN', password: 'sender-secret-1', caPem: simulator.caPem ?? null, controlUrl: simulator.controlUrl, pollIntervalSeconds: 1 },
    outbox: { backoff: { baseMs: 50, capMs: 400, floorMs: 10 }, concurrency: 4, settleMs: 300 },
  });
  const c = core;
  maintenance = setInterval(() => c.ws.maintain(), 200);
  const sc = scenarioFile('07-gateway-down');

  const run = await c.call('training.start', { scenarioId: sc.id, trainee: TRAINEE, window: '1' }, 'trainer');
  expect(run.scenario.faults).toEqual(['down']);
  expect(c.auditActions()).toContain('training.started');

  const { opened } = await callAndOpen(c, sc);
  let v = await c.call('cases.handOver', { caseId: opened.id, version: opened.version, documents: sc.walkIn.brings }, TRAINEE_CLIENT);
  v = await c.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: sc.walkIn.applicantIin, representative: null }, TRAINEE_CLIENT);
  // The gateway is down: process 3 waits for its answer.
  expect(v).toMatchObject({ step: 'p3', gatewayWaiting: true });
  await signRequest(c, v.id, TRAINEE_CLIENT);
  v = await c.call('cases.get', { caseId: v.id }, TRAINEE_CLIENT);
  v = await c.call('cases.forward', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
  expect(v).toMatchObject({ counterDone: true, registrationNumber: null });
  expect(v.documents.map((d) => d.kind)).toEqual(['receipt']);

  // The counter part is done: the fault is lifted and the case catches up by itself.
  const done = await until(async () => {
    const r = (await c.call('training.runs', {}, 'trainer')).runs.find((x) => x.id === run.id)!;
    return r.state === 'finished' && r;
  }, 'the run to finish after the sync');
  const after = await c.call('cases.get', { caseId: v.id }, TRAINEE_CLIENT);
  expect(after).toMatchObject({ status: 'resultReady', step: 'p8', registrationNumber: expect.stringMatching(/^ЭҮАШ|^ЕС/) });
  expect(done.score).toMatchObject({ passed: true, mistakes: [], stepsRight: 9, stepsTotal: 9 });
  expect(done.caseNumber).toBe(after.number);
  expect(c.events.some((e) => e.event.name === 'training.changed')).toBe(true);
}, 60_000);
