/**
 * The SmartBridge client against the simulator of the state systems, in-process but over real
 * loopback HTTP(S): every service, every fault the simulator can inject, TLS trust, and what
 * reaches the log.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../../shared/training/people';
import { SERVICES } from '../../shared/smartBridge/services';
import { startSimulator, type FaultSettings, type RunningSimulator } from '../../simulator/simulator';
import { GatewayRejected, GatewayUnavailable, type GatewayFailure, type Submission } from './port';
import { SmartBridgeClient, type GatewayLogEntry, type SmartBridgeClientConfig } from './smartBridgeClient';

const SENDER = 'azho-akt-01';
const PASSWORD = 'Сыр-пароль-42!';
const DELAY_MS = 300;

let sim: RunningSimulator;
let client: SmartBridgeClient;
const logged: GatewayLogEntry[] = [];
const clients: SmartBridgeClient[] = [];
let sequence = 0;

const meta = () => ({ messageId: `msg-${++sequence}`, correlationId: 'case-1' });

function makeClient(over: Partial<SmartBridgeClientConfig> = {}): SmartBridgeClient {
  const c = new SmartBridgeClient({ endpoint: sim.url, senderId: SENDER, password: PASSWORD, timeoutMs: 2000, log: (e) => logged.push(e), ...over });
  clients.push(c);
  return c;
}

/** The failure a call ends in: its class and kind (and code when final). */
async function failureOf(run: Promise<unknown>): Promise<{ retryable: boolean; failure: GatewayFailure; code?: string }> {
  try {
    await run;
  } catch (err) {
    if (err instanceof GatewayUnavailable) return { retryable: true, failure: err.failure };
    if (err instanceof GatewayRejected) return { retryable: false, failure: err.failure, code: err.code };
    throw err;
  }
  throw new Error('the call succeeded');
}

const submission = (caseNumber: string, missing = false): Submission => ({
  caseNumber,
  targetSystem: 'eSobes',
  regulationId: 'ps-001',
  serviceCode: '00301001',
  applicantIin: TRAINING_PEOPLE[1]!.iin,
  representativeIin: TRAINING_PEOPLE[0]!.iin,
  documents: ['identity', 'application'],
  missingDocuments: missing ? [{ id: 'income', title: { kk: 'Табыс туралы анықтама', ru: 'Справка о доходах' } }] : [],
  signature: null,
});

const ada = TRAINING_PEOPLE[0]!;
const withFaults = (settings: FaultSettings) => sim.setFaults(settings);

beforeAll(async () => {
  sim = await startSimulator({ population: 1000, decisionDelayMs: DELAY_MS, senderId: SENDER, password: PASSWORD });
  client = makeClient();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await sim.close();
});
afterEach(() => withFaults({ mode: 'none' }));

describe('SmartBridge client: the four services', () => {
  it('finds a person, and returns null for nobody', async () => {
    expect(await client.findPerson(ada.iin, meta())).toEqual(ada);
    expect(await client.findPerson('010101500003', meta())).toBeNull();
  });

  it('finds a power of attorney only on all three keys, else null', async () => {
    const poa = TRAINING_POWERS_OF_ATTORNEY[1]!;
    const query = { number: poa.number, principalIin: poa.principalIin, representativeIin: poa.representativeIin };
    expect(await client.findPowerOfAttorney(query, meta())).toEqual(poa);
    expect(await client.findPowerOfAttorney({ ...query, representativeIin: ada.iin }, meta())).toBeNull();
  });

  it('submits, then follows the status from registered to decided', async () => {
    const { registrationNumber: done } = await client.submit(submission('АКТ-1'), meta());
    const { registrationNumber: short } = await client.submit({ ...submission('АКТ-2', true), targetSystem: 'regionalGateway' }, meta());
    expect(done).toMatch(/^ЕС-\d{6}$/);
    expect(short).toMatch(/^ЭҮАШ-\d{6}$/);
    expect(await client.status(done, meta())).toEqual({ state: 'registered', registrationNumber: done });
    await new Promise((r) => setTimeout(r, DELAY_MS + 100));
    expect(await client.status(done, meta())).toMatchObject({ state: 'resultReady', registrationNumber: done, result: { number: `Ш-${done}` } });
    const refused = await client.status(short, meta());
    expect(refused.state).toBe('refused');
    expect(refused.state === 'refused' && refused.reason.ru).toContain('Справка о доходах');
  });

  it('refuses finally when the target system has no such number, or the sender is wrong', async () => {
    expect(await failureOf(client.status('ЕС-999999', meta()))).toEqual({ retryable: false, failure: 'rejected', code: 'NFND001' });
    expect(await failureOf(makeClient({ password: 'wrong' }).findPerson(ada.iin, meta()))).toEqual({ retryable: false, failure: 'rejected', code: 'AUTH001' });
  });

  it('repeats a message by its id: the simulator applies it once and the answer is the same', async () => {
    const m = meta();
    const first = await client.submit(submission('АКТ-REPEAT'), m);
    const again = await client.submit(submission('АКТ-REPEAT'), m);
    expect(again).toEqual(first);
    const stats = sim.stats();
    expect(stats.submissionsByCase['АКТ-REPEAT']).toBe(1);
    expect(stats.repeats).toBeGreaterThanOrEqual(1);
  });

  it('repeats safely after a lost answer: the retry gets the registration, the case is registered once', async () => {
    const m = meta();
    await withFaults({ mode: 'drop' });
    expect(await failureOf(client.submit(submission('АКТ-LOST'), m))).toEqual({ retryable: true, failure: 'unreachable' });
    await withFaults({ mode: 'none' });
    const { registrationNumber } = await client.submit(submission('АКТ-LOST'), m);
    expect(registrationNumber).toMatch(/^ЕС-/);
    expect(sim.stats().submissionsByCase['АКТ-LOST']).toBe(1);
  });
});

describe('SmartBridge client: faults', () => {
  /** The mode, the failure it must end in, and the log's phrase that says why. */
  const cases: [FaultSettings['mode'], { retryable: boolean; failure: GatewayFailure; code?: string }, RegExp][] = [
    ['http500', { retryable: true, failure: 'httpError' }, /HTTP 500 without a SOAP fault/],
    ['soapFault', { retryable: true, failure: 'soapFault' }, /soap:Server/],
    ['drop', { retryable: true, failure: 'unreachable' }, /could not be reached \(ECONNRESET\)/],
    // A kept-alive socket cut as the port closes is reset; a new one is refused.
    ['down', { retryable: true, failure: 'unreachable' }, /could not be reached \((ECONNREFUSED|ECONNRESET)\)/],
    ['entityExpansion', { retryable: true, failure: 'malformed' }, /\(doctype\)/],
    ['deepNesting', { retryable: true, failure: 'malformed' }, /\(tooDeep\)/],
    ['wrongNamespace', { retryable: true, failure: 'malformed' }, /\(namespace\)/],
    ['wrongMessageId', { retryable: true, failure: 'malformed' }, /another message id/],
    ['wrongPayload', { retryable: true, failure: 'malformed' }, /does not fit the service/],
    ['unknownStatus', { retryable: false, failure: 'unknownStatus', code: 'ZZZZ999' }, /unknown status/],
  ];
  for (const [mode, expected, why] of cases) {
    it(`${mode} → ${expected.retryable ? 'GatewayUnavailable' : 'GatewayRejected'} '${expected.failure}'`, async () => {
      await withFaults({ mode });
      const m = meta();
      expect(await failureOf(client.findPerson(ada.iin, m))).toEqual(expected);
      expect(logged.find((e) => e.messageId === m.messageId)?.detail).toMatch(why);
      await withFaults({ mode: 'none' });
      expect(await client.findPerson(ada.iin, meta())).toEqual(ada); // and the client is fine afterwards
    });
  }

  it('malformed answers (garbage, then a truncated answer) → malformed', async () => {
    await withFaults({ mode: 'malformed' });
    expect(await failureOf(client.findPerson(ada.iin, meta()))).toEqual({ retryable: true, failure: 'malformed' });
    expect(await failureOf(client.findPerson(ada.iin, meta()))).toEqual({ retryable: true, failure: 'malformed' });
  });

  it('a gateway that never answers → timeout, within the configured time', async () => {
    await withFaults({ mode: 'timeout' });
    const quick = makeClient({ timeoutMs: 300 });
    const started = performance.now();
    expect(await failureOf(quick.findPerson(ada.iin, meta()))).toEqual({ retryable: true, failure: 'timeout' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 1500);
  });

  it('latency under the timeout is only slow; over it, a timeout', async () => {
    await withFaults({ mode: 'latency', latencyMs: 100 });
    expect(await makeClient({ timeoutMs: 1000 }).findPerson(ada.iin, meta())).toEqual(ada);
    await withFaults({ mode: 'latency', latencyMs: 1000 });
    expect(await failureOf(makeClient({ timeoutMs: 200 }).findPerson(ada.iin, meta()))).toEqual({ retryable: true, failure: 'timeout' });
  });

  it('a 50 MB answer is cut at the limit while it streams, not read to the end', async () => {
    await withFaults({ mode: 'huge' });
    const before = sim.stats().answersCutShort;
    const m = meta();
    expect(await failureOf(makeClient({ maxAnswerBytes: 1024 * 1024 }).findPerson(ada.iin, m))).toEqual({ retryable: true, failure: 'malformed' });
    expect(logged.find((e) => e.messageId === m.messageId)?.detail).toMatch(/passed the limit of 1048576 bytes/);
    // The simulator saw its answer cut short: the client hung up instead of reading 50 MB.
    const deadline = Date.now() + 5000;
    while (sim.stats().answersCutShort === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sim.stats().answersCutShort).toBe(before + 1);
  });

  it('only some requests fail at a rate', async () => {
    await withFaults({ mode: 'http500', rate: 0.5 });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await client.findPerson(ada.iin, meta()).then(() => 'ok', () => 'failed'));
    }
    expect(outcomes).toEqual(['ok', 'failed', 'ok', 'failed']);
  });

  it('a soap:Client fault is final: the simulator refuses a request over its size', async () => {
    const big = { ...submission('АКТ-BIG'), signature: 'A'.repeat(1_100_000) };
    expect(await failureOf(client.submit(big, meta()))).toEqual({ retryable: false, failure: 'soapFault', code: 'soap:Client' });
    expect(sim.stats().submissionsByCase['АКТ-BIG']).toBeUndefined();
  });

  it('a request XML cannot carry is refused before anything is sent', async () => {
    const received = sim.stats().received;
    expect(await failureOf(client.submit({ ...submission('АКТ-BELL'), caseNumber: 'bell\u0007' }, meta()))).toEqual({ retryable: false, failure: 'malformed', code: 'REQUEST' });
    expect(sim.stats().received).toBe(received);
  });
});

describe('SmartBridge client: endpoint and TLS', () => {
  it('refuses plain http to anything but this machine, at construction', () => {
    const config = { senderId: SENDER, password: PASSWORD, timeoutMs: 1000 };
    for (const endpoint of ['http://10.0.0.5/bip-sync/', 'http://gateway.example.kz/bip-sync/', 'http://127.0.0.1.example.kz/']) {
      expect(() => new SmartBridgeClient({ ...config, endpoint }), endpoint).toThrow(/https/);
    }
    expect(() => new SmartBridgeClient({ ...config, endpoint: 'ftp://127.0.0.1/' })).toThrow(/https/);
    for (const endpoint of ['http://127.0.0.1:1/', 'http://localhost:1/', 'http://[::1]:1/', 'https://gateway.example.kz/']) {
      new SmartBridgeClient({ ...config, endpoint }).close();
    }
  });

  it('talks TLS to a gateway whose certificate chains to the given CA, and to no other', async () => {
    const secure = await startSimulator({ tls: true, population: 10, senderId: SENDER, password: PASSWORD });
    const stranger = await startSimulator({ tls: true, population: 10 });
    try {
      expect(secure.url.startsWith('https://')).toBe(true);
      const trusting = makeClient({ endpoint: secure.url, caPem: secure.caPem! });
      expect(await trusting.findPerson(ada.iin, meta())).toEqual(ada);
      const systemCas = makeClient({ endpoint: secure.url });
      expect(await failureOf(systemCas.findPerson(ada.iin, meta()))).toEqual({ retryable: false, failure: 'untrusted', code: 'TLS' });
      const wrongCa = makeClient({ endpoint: secure.url, caPem: stranger.caPem! });
      expect(await failureOf(wrongCa.findPerson(ada.iin, meta()))).toEqual({ retryable: false, failure: 'untrusted', code: 'TLS' });
      expect(secure.stats().received).toBe(1);
    } finally {
      await Promise.all([secure.close(), stranger.close()]);
    }
  });
});

describe('SmartBridge client: the log', () => {
  it('records each exchange by message and service, never the password, an IIN or a name', async () => {
    const m = meta();
    await client.findPerson(ada.iin, m);
    await withFaults({ mode: 'soapFault' });
    await client.findPerson(ada.iin, meta()).catch(() => {});
    await withFaults({ mode: 'none' });
    await makeClient({ password: 'another-secret' }).findPerson(ada.iin, meta()).catch(() => {});
    const entry = logged.find((e) => e.messageId === m.messageId)!;
    expect(entry).toEqual({ messageId: m.messageId, serviceId: SERVICES.person.serviceId, failure: null, code: 'SCSS001', detail: 'answered' });
    expect(logged.some((e) => e.failure === 'soapFault')).toBe(true);
    expect(logged.some((e) => e.code === 'AUTH001')).toBe(true);

    const text = JSON.stringify(logged);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('another-secret');
    expect(text).not.toMatch(/\d{12}/);
    for (const p of TRAINING_PEOPLE) {
      expect(text).not.toContain(p.surname);
      expect(text).not.toContain(p.name);
    }
    expect(logged.length).toBeGreaterThan(20);
  });
});
