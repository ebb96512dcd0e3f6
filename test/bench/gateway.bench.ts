/**
 * Benchmarks of the gateway's outbox:
 * 1. draining 10,000 messages through the simulator (its own process), as a ratio of what a bare
 *    client gets from the same simulator with the same concurrency, in the same run;
 * 2. writing a message: the bare outbox insert, and the operator's call that writes a step with
 *    its message — both with synchronous=FULL;
 * 3. the main thread's event-loop lag while the core (in its worker) drains.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher } from '../../src/core/crypto/fieldCipher';
import { createKeyring } from '../../src/core/crypto/keys';
import { openDatabase } from '../../src/core/db/open';
import { SmartBridgeClient } from '../../src/core/gateway/smartBridgeClient';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { createOutboxStore } from '../../src/core/outbox/outboxStore';
import { startCore } from '../../src/core/runtime/startCore';
import type { CoreHandle } from '../../src/core/runtime/types';
import { launchSimulator, type LaunchedSimulator } from '../../src/simulator/launch';
import { makeIin } from '../support/iins';
import { median, ms, report, summary, withLoopLag, type Verdict } from './measure';

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const WORKER = new URL('../../out/host/coreWorker.js', import.meta.url);
const SIMULATOR = new URL('../../out/host/simulator.js', import.meta.url).pathname;
const MESSAGES = 10_000;
const CONCURRENCY = 16;
const SENDER = { senderId: 'AZHO-BENCH', password: 'bench-sender-secret' };
const PASSWORD = 'bench-password-2026';
const DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];

/** What the simulator answers a bare client: 10,000 look-ups, CONCURRENCY at a time. */
async function bareRate(sim: LaunchedSimulator, messages = MESSAGES): Promise<number> {
  const client = new SmartBridgeClient({ endpoint: sim.url, ...SENDER, timeoutMs: 15_000, maxSockets: CONCURRENCY });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < messages) {
        const i = next++;
        await client.findPerson(TRAINING_PEOPLE[i % 4]!.iin, { messageId: randomUUID(), correlationId: `bench-${i}` });
      }
    }),
  );
  const rate = messages / ((performance.now() - t0) / 1000);
  client.close();
  return rate;
}

async function called<T>(core: CoreHandle, name: string, input: unknown, clientId: string): Promise<T> {
  const r = await core.call(name, input, { clientId });
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** 10,000 cases accepted with no gateway configured yet (each waiting at process 3 with its look-up). */
async function acceptedWithoutGateway(core: CoreHandle, messages: number): Promise<number[]> {
  await called(core, 'setup.createAdmin', { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password: PASSWORD }, 'admin');
  await called(core, 'operators.create', { login: 'operator', fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 77), role: 'operator', password: PASSWORD }, 'admin');
  await called(core, 'auth.login', { login: 'operator', password: PASSWORD }, 'w1');
  await called(core, 'auth.changePassword', { current: PASSWORD, next: 'bench-password-2027' }, 'w1');
  const writes: number[] = [];
  for (let i = 0; i < messages; i++) {
    let v = await called<{ id: number; version: number }>(core, 'cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'w1');
    v = await called(core, 'cases.handOver', { caseId: v.id, version: v.version, documents: DOCUMENTS }, 'w1');
    const t = performance.now();
    await called(core, 'cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[i % 4]!.iin, representative: null }, 'w1');
    writes.push(performance.now() - t);
  }
  return writes;
}

/** The bare write: one message into the outbox in its own transaction, synchronous=FULL. */
function bareEnqueue(root: string): number[] {
  const db = openDatabase(join(root, 'bare.db'), { checkIntegrity: false });
  const store = createOutboxStore(db, createFieldCipher(createKeyring(randomBytes(32))));
  db.prepare(
    `INSERT INTO operators (login, full_name_enc, iin_enc, iin_index, role, password_hash, must_change_password, created_at, password_changed_at)
     VALUES ('o', x'00', x'00', 'i', 'operator', 'h', 0, '2026-01-01', '2026-01-01')`,
  ).run();
  db.prepare(`INSERT INTO cases (number, regulation_id, channel, step, status, document_locale, operator_id, created_at, updated_at)
     VALUES ('A-1', 's1', 'stateCorporation', 'p3', 'inProgress', 'kk', 1, '2026-01-01', '2026-01-01')`).run();
  const times: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const t = performance.now();
    db.transaction(() => store.enqueue(1, 'A-1', { kind: 'person', iin: TRAINING_PEOPLE[0]!.iin }, Date.now())).immediate();
    times.push(performance.now() - t);
  }
  db.close();
  return times;
}

/** Accepts `messages` cases with no gateway, then configures it and times the outbox draining them. */
async function drainOnce(root: string, name: string, sim: LaunchedSimulator, messages: number) {
  const core = await startCore({ dataDir: join(root, name), masterKey: randomBytes(32), workerUrl: WORKER, resourcesDir: RESOURCES });
  try {
    const writes = summary(await acceptedWithoutGateway(core, messages));
    await called(core, 'auth.login', { login: 'admin', password: PASSWORD }, 'admin');
    const { result: seconds, lag } = await withLoopLag(async () => {
      const t0 = performance.now();
      // Configuring the gateway lets the backlog go: the drain starts here.
      await called(core, 'gateway.updateSettings', { endpoint: sim.url, ...SENDER, caPem: null, timeoutSeconds: 15, pollIntervalSeconds: 3600 }, 'admin');
      for (;;) {
        const s = await called<{ pending: number; failed: number }>(core, 'gateway.status', {}, 'w1');
        if (s.failed > 0) throw new Error(`${s.failed} messages failed`);
        if (s.pending === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      return (performance.now() - t0) / 1000;
    });
    return { rate: messages / seconds, lag, writes };
  } finally {
    await core.close();
  }
}

async function setLatency(sim: LaunchedSimulator, latencyMs: number) {
  const res = await fetch(`${sim.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(latencyMs ? { mode: 'latency', latencyMs } : { mode: 'none' }),
  });
  if (!res.ok) throw new Error(`simulator control: ${res.status}`);
}

async function drain(root: string): Promise<Verdict[]> {
  const sim = await launchSimulator({
    script: SIMULATOR,
    args: ['--port', '0', '--control-port', '0', '--population', '2000', '--decision-delay-ms', '0', '--sender-id', SENDER.senderId],
    env: { SIMULATOR_SENDER_PASSWORD: SENDER.password },
  });
  try {
    await bareRate(sim); // warms the simulator and the client up; not counted
    const bare = [await bareRate(sim)];
    const fast = await drainOnce(root, 'fast', sim, MESSAGES);
    bare.push(await bareRate(sim), await bareRate(sim));
    const baseline = median(bare);
    const ratio = fast.rate / baseline;
    // The same with each answer 20 ms away, nearer a real gateway's round trip.
    await setLatency(sim, 20);
    const slowBare = await bareRate(sim, 3000);
    const slow = await drainOnce(root, 'slow', sim, 3000);
    await setLatency(sim, 0);
    const bareWrites = summary(bareEnqueue(root));
    return [
      {
        name: 'drain 10,000 messages through the simulator',
        figure: `${Math.round(fast.rate)}/s vs a bare client ${Math.round(baseline)}/s (${bare.map(Math.round).join(', ')}) → ratio ${ratio.toFixed(2)}; each answer stored, its case moved two steps, audited`,
        goal: 'ratio ≥ 0.5',
        pass: ratio >= 0.5,
      },
      {
        name: 'drain with 20 ms answers (3,000 messages)',
        figure: `${Math.round(slow.rate)}/s vs a bare client ${Math.round(slowBare)}/s → ratio ${(slow.rate / slowBare).toFixed(2)}`,
        goal: 'ratio ≥ 0.5',
        pass: slow.rate / slowBare >= 0.5,
      },
      {
        name: 'outbox write, synchronous=FULL',
        figure: `bare message insert p50 ${ms(bareWrites.p50)} p99 ${ms(bareWrites.p99)}; the request form's call (step + message + audit, through the worker) p50 ${ms(fast.writes.p50)} p99 ${ms(fast.writes.p99)}`,
        goal: 'p99 < 5 ms',
        pass: bareWrites.p99 < 5 && fast.writes.p99 < 5,
      },
      {
        name: 'main event-loop lag during the drain',
        figure: `p50 ${ms(fast.lag.p50)} p99 ${ms(fast.lag.p99)} max ${ms(fast.lag.max)}`,
        goal: 'p99 < 20 ms',
        pass: fast.lag.p99 < 20,
      },
    ];
  } finally {
    await sim.stop();
  }
}

const root = mkdtempSync(join(tmpdir(), 'azho-bench-gateway-'));
try {
  report(await drain(root));
} finally {
  rmSync(root, { recursive: true, force: true });
}
