/**
 * A counter whose gateway is the simulator of the state systems over real HTTPS on loopback:
 * the SmartBridge client, TLS under the simulator's CA, the sender password, the outbox — all
 * real. The clock starts at the test day and runs in real time, so timeouts and backoff are real.
 */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator/simulator';
import type { CaseView } from '../../src/shared/cases';
import { openCounter, S1_DOCUMENTS } from './counter';
import { ADMIN, type TestCore } from './workstation';

export interface SimulatedCounter {
  core: TestCore;
  simulator: RunningSimulator;
  dispose(): Promise<void>;
}

export { S1_DOCUMENTS };

export async function openSimulatedCounter(
  options: {
    simulator?: SimulatorOptions;
    concurrency?: number;
    /** Configure the gateway as an administrator does (settings), instead of the training override. */
    configured?: { timeoutSeconds: number };
  } = {},
): Promise<SimulatedCounter> {
  const simulator = await startSimulator({ tls: true, decisionDelayMs: 100, population: 2000, senderId: 'AZHO-TEST', password: 'sender-secret-1', ...options.simulator });
  const connection = { endpoint: simulator.url, senderId: 'AZHO-TEST', password: 'sender-secret-1', caPem: simulator.caPem ?? null };
  const core = await openCounter({
    running: true,
    gateway: null,
    gatewayConnection: options.configured ? undefined : { ...connection, controlUrl: simulator.controlUrl, pollIntervalSeconds: 1 },
    outbox: { backoff: { baseMs: 50, capMs: 400, floorMs: 10 }, concurrency: options.concurrency ?? 8 },
  });
  if (options.configured) {
    await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    await core.call('gateway.updateSettings', { ...connection, timeoutSeconds: options.configured.timeoutSeconds, pollIntervalSeconds: 5 }, 'admin');
  }
  // The worker runtime's maintenance tick (status polling, the link's judgement), quicker.
  const maintenance = setInterval(() => core.ws.maintain(), 200);
  return {
    core,
    simulator,
    async dispose() {
      clearInterval(maintenance);
      core.dispose();
      await simulator.close();
    },
  };
}

/** Waits, in real time, until `done` holds. */
export async function until<T>(done: () => Promise<T | false | undefined> | T | false | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await done();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`never happened within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An S1 Aktobe case through the hand-over and the request form (process 3's look-up on its way). */
export async function acceptForm(core: TestCore, applicantIin: string, documents = S1_DOCUMENTS): Promise<CaseView> {
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents }, 'counter-1');
  return core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin, representative: null }, 'counter-1');
}
