/** The simulator over real loopback HTTP, spoken to with the wire module and nothing else. */
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, parseAnswer, type ResponseEnvelope } from '../shared/smartBridge/envelope';
import { SERVICES, decodeAnswer, encodeRequest, type ServiceName, type WireSubmission } from '../shared/smartBridge/services';
import { TRAINING_PEOPLE } from '../shared/training/people';
import { startSimulator, type RunningSimulator } from './simulator';

interface Raw {
  status: number;
  body: string;
}

function post(url: string, body: string, method = 'POST'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: { 'Content-Type': 'text/xml; charset=utf-8' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let sequence = 0;
function envelope(service: ServiceName, data: ReturnType<typeof encodeRequest>, over: { messageId?: string; password?: string; serviceId?: string } = {}) {
  return buildRequest({
    messageId: over.messageId ?? `m-${++sequence}`,
    correlationId: 'case',
    serviceId: over.serviceId ?? SERVICES[service].serviceId,
    messageDate: new Date().toISOString(),
    senderId: 'azho-test',
    password: over.password ?? 'secret-test',
    data,
  });
}

function response(raw: Raw): ResponseEnvelope {
  const answer = parseAnswer(raw.body);
  if (answer.kind !== 'response') throw new Error(`fault: ${answer.fault.faultstring}`);
  return answer.response;
}

const submission = (caseNumber: string, missing: boolean): WireSubmission => ({
  caseNumber,
  targetSystem: missing ? 'regionalGateway' : 'eSobes',
  regulationId: 'reg',
  serviceCode: '0001',
  applicantIin: '900101300007',
  representativeIin: null,
  documents: ['identity'],
  missingDocuments: missing ? [{ id: 'birth', title: { kk: 'Туу туралы куәлік', ru: 'Свидетельство о рождении' } }] : [],
  signature: null,
});

describe('state systems simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ population: 500, decisionDelayMs: 400, senderId: 'azho-test', password: 'secret-test' });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.setFaults({ mode: 'none' }));

  it('listens on loopback only, both ports', () => {
    expect(new URL(sim.url).hostname).toBe('127.0.0.1');
    expect(new URL(sim.controlUrl).hostname).toBe('127.0.0.1');
    expect(sim.caPem).toBeUndefined();
  });

  it('finds a training person, and answers NFND001 for nobody', async () => {
    const found = response(await post(sim.url, envelope('person', encodeRequest('person', { iin: TRAINING_PEOPLE[1]!.iin }))));
    expect(found.status.code).toBe('SCSS001');
    expect(decodeAnswer('person', found.data)).toEqual({ person: TRAINING_PEOPLE[1] });
    const missing = response(await post(sim.url, envelope('person', encodeRequest('person', { iin: '010101500003' }))));
    expect(missing.status.code).toBe('NFND001');
    expect(missing.data).toEqual([]);
  });

  it('echoes the messageId in responseInfo', async () => {
    const r = response(await post(sim.url, envelope('person', encodeRequest('person', { iin: TRAINING_PEOPLE[0]!.iin }), { messageId: 'echo-me' })));
    expect(r.messageId).toBe('echo-me');
  });

  it('registers a submission and decides it only after the delay, by the Standard', async () => {
    const number = async (s: WireSubmission) =>
      decodeAnswer('submit', response(await post(sim.url, envelope('submit', encodeRequest('submit', { submission: s })))).data).registrationNumber;
    const complete = await number(submission('C-1', false));
    const incomplete = await number(submission('C-2', true));
    expect(complete).toMatch(/^ЕС-\d{6}$/);
    expect(incomplete).toMatch(/^ЭҮАШ-\d{6}$/);
    const status = async (registrationNumber: string) =>
      decodeAnswer('status', response(await post(sim.url, envelope('status', encodeRequest('status', { registrationNumber })))).data).status;
    expect(await status(complete)).toEqual({ state: 'registered', registrationNumber: complete });
    expect((await status(incomplete)).state).toBe('registered');
    await new Promise((r) => setTimeout(r, 500));
    const ready = await status(complete);
    expect(ready.state).toBe('resultReady');
    const refused = await status(incomplete);
    expect(refused.state).toBe('refused');
    if (refused.state === 'refused') {
      expect(refused.reason.kk).toContain('Туу туралы куәлік');
      expect(refused.reason.ru).toContain('Свидетельство о рождении');
      expect(refused.reason.ru).toContain('9');
    }
    const unknown = response(await post(sim.url, envelope('status', encodeRequest('status', { registrationNumber: 'ЕС-999999' }))));
    expect(unknown.status.code).toBe('NFND001');
  });

  it('answers a repeated messageId with the first answer byte for byte and applies it once', async () => {
    const before = sim.stats();
    const body = envelope('submit', encodeRequest('submit', { submission: submission('C-REPEAT', false) }), { messageId: 'repeat-1' });
    const first = await post(sim.url, body);
    await new Promise((r) => setTimeout(r, 5)); // a later responseDate, were it built again
    const second = await post(sim.url, body);
    expect(second.body).toBe(first.body);
    const after = sim.stats();
    expect(after.applied[SERVICES.submit.serviceId]).toBe((before.applied[SERVICES.submit.serviceId] ?? 0) + 1);
    expect(after.repeats).toBe(before.repeats + 1);
    expect(after.received).toBe(before.received + 2);
    expect(after.submissionsByCase['C-REPEAT']).toBe(1);
    // A new message for the same case is a second submission, and the count shows it.
    await post(sim.url, envelope('submit', encodeRequest('submit', { submission: submission('C-REPEAT', false) })));
    expect(sim.stats().submissionsByCase['C-REPEAT']).toBe(2);
  });

  it('refuses a wrong sender with AUTH001 without applying or remembering it', async () => {
    const data = encodeRequest('submit', { submission: submission('C-AUTH', false) });
    const wrong = response(await post(sim.url, envelope('submit', data, { messageId: 'auth-1', password: 'guess' })));
    expect(wrong.status.code).toBe('AUTH001');
    expect(sim.stats().submissionsByCase['C-AUTH']).toBeUndefined();
    const right = response(await post(sim.url, envelope('submit', data, { messageId: 'auth-1' })));
    expect(right.status.code).toBe('SCSS001');
    expect(sim.stats().submissionsByCase['C-AUTH']).toBe(1);
  });

  it('answers BDRQ001 for a payload that does not fit, USVC001 for an unknown service, a Client fault for a broken envelope', async () => {
    const bad = response(await post(sim.url, envelope('person', [{ name: 'iin', text: '123' }])));
    expect(bad.status.code).toBe('BDRQ001');
    const unknown = response(await post(sim.url, envelope('person', [], { serviceId: 'NOPE.v1' })));
    expect(unknown.status.code).toBe('USVC001');
    for (const broken of ['not xml', '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', buildRequest({ messageId: 'x', correlationId: 'c', serviceId: 's', messageDate: 'd', senderId: 'azho-test', password: 'secret-test', data: [] }).replace('SendMessage', 'SendMessageX')]) {
      const raw = await post(sim.url, broken);
      expect(raw.status).toBe(500);
      const answer = parseAnswer(raw.body);
      expect(answer.kind === 'fault' && answer.fault.kind).toBe('Client');
    }
    expect((await post(sim.url, '', 'GET')).status).toBe(405);
    expect((await post(sim.url.replace('/bip-sync/', '/other'), '')).status).toBe(404);
  });

  it('shows its statistics and takes faults over the control port', async () => {
    const stats = JSON.parse((await post(`${sim.controlUrl}/stats`, '', 'GET')).body);
    expect(stats).toEqual(sim.stats());
    const set = await post(`${sim.controlUrl}/faults`, JSON.stringify({ mode: 'http500', rate: 0.5 }));
    expect(set.status).toBe(200);
    expect(JSON.parse(set.body)).toMatchObject({ mode: 'http500', rate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(sim.url, envelope('person', encodeRequest('person', { iin: TRAINING_PEOPLE[0]!.iin })))).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
    expect((await post(`${sim.controlUrl}/faults`, JSON.stringify({ mode: 'sideways' }))).status).toBe(400);
    expect((await post(`${sim.controlUrl}/faults`, '{not json')).status).toBe(400);
    expect(JSON.parse((await post(`${sim.controlUrl}/reset`, '')).body).mode).toBe('none');
    expect((await post(sim.url, envelope('person', encodeRequest('person', { iin: TRAINING_PEOPLE[0]!.iin })))).status).toBe(200);
  });

  it('goes down and comes back on the same port while the control port stays up', async () => {
    await post(`${sim.controlUrl}/faults`, JSON.stringify({ mode: 'down' }));
    await expect(post(sim.url, 'x')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect((await post(`${sim.controlUrl}/stats`, '', 'GET')).status).toBe(200);
    await post(`${sim.controlUrl}/reset`, '');
    expect((await post(sim.url, envelope('person', encodeRequest('person', { iin: TRAINING_PEOPLE[0]!.iin })))).status).toBe(200);
  });

  it('applies the request but loses the answer when dropping, and the repeat gets the first answer', async () => {
    await sim.setFaults({ mode: 'drop' });
    const body = envelope('submit', encodeRequest('submit', { submission: submission('C-DROP', false) }), { messageId: 'drop-1' });
    await expect(post(sim.url, body)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sim.stats().submissionsByCase['C-DROP']).toBe(1);
    await sim.setFaults({ mode: 'none' });
    const again = response(await post(sim.url, body));
    expect(again.status.code).toBe('SCSS001');
    expect(sim.stats().submissionsByCase['C-DROP']).toBe(1);
  });
});
