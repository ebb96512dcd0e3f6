import { describe, expect, it } from 'vitest';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../training/people';
import { buildRequest, buildResponse, parseAnswer, parseRequest, type DataNode } from './envelope';
import { SERVICES, decodeAnswer, decodeRequest, encodeAnswer, encodeRequest, serviceById, type WireSubmission } from './services';
import { MalformedXml } from './xml';

/** Through the whole envelope and back, as the other end would read it. */
function overTheWire(data: DataNode[]): DataNode[] {
  const xml = buildResponse({ messageId: 'm', responseDate: 'd', status: { code: 'SCSS001', message: '' }, data });
  const answer = parseAnswer(xml);
  if (answer.kind !== 'response') throw new Error('fault');
  return answer.response.data;
}

const submission: WireSubmission = {
  caseNumber: 'АКТ-2025-000042',
  targetSystem: 'eSobes',
  regulationId: 'ps-birth-benefit',
  serviceCode: '00301001',
  applicantIin: '850315400035',
  representativeIin: null,
  documents: ['identity'],
  missingDocuments: [{ id: 'birth-certificate', title: { kk: 'Баланың туу туралы куәлігі', ru: 'Свидетельство о рождении ребёнка' } }],
  signature: null,
};

describe('SmartBridge services', () => {
  it('names each service by a distinct id', () => {
    const ids = Object.values(SERVICES).map((s) => s.serviceId);
    expect(new Set(ids).size).toBe(4);
    expect(serviceById('TARGET.Submit.v1')).toBe('submit');
    expect(serviceById('nope')).toBeNull();
  });

  it('round-trips every training person and power of attorney exactly', () => {
    for (const person of TRAINING_PEOPLE) {
      expect(decodeAnswer('person', overTheWire(encodeAnswer('person', { person })))).toEqual({ person });
    }
    for (const powerOfAttorney of TRAINING_POWERS_OF_ATTORNEY) {
      expect(decodeAnswer('powerOfAttorney', overTheWire(encodeAnswer('powerOfAttorney', { powerOfAttorney })))).toEqual({ powerOfAttorney });
    }
  });

  it('keeps nulls, empty lists and one-item lists apart', () => {
    const person = { ...TRAINING_PEOPLE[0]!, patronymic: null, identityDocument: null };
    expect(decodeAnswer('person', overTheWire(encodeAnswer('person', { person })))).toEqual({ person });
    const signed = { ...submission, representativeIin: '900101300007', documents: [], missingDocuments: [], signature: 'QUJD\nREVG' };
    for (const s of [submission, signed]) {
      expect(decodeRequest('submit', overTheWire(encodeRequest('submit', { submission: s })))).toEqual({ submission: s });
    }
  });

  it('round-trips the requests and each target status', () => {
    const q = { number: 'НҚ-2025-0412', principalIin: '850315400035', representativeIin: '900101300007' };
    expect(decodeRequest('powerOfAttorney', overTheWire(encodeRequest('powerOfAttorney', q)))).toEqual(q);
    expect(decodeRequest('person', overTheWire(encodeRequest('person', { iin: '900101300007' })))).toEqual({ iin: '900101300007' });
    const statuses = [
      { state: 'registered' as const, registrationNumber: 'ЕС-000001' },
      { state: 'refused' as const, registrationNumber: 'ЕС-000001', reason: { kk: 'Толық емес', ru: 'Неполный' } },
      { state: 'resultReady' as const, registrationNumber: 'ЕС-000001', result: { number: 'Ш-1', issuedAt: '2025-03-02', title: { kk: 'Шешім', ru: 'Решение' } } },
    ];
    for (const status of statuses) expect(decodeAnswer('status', overTheWire(encodeAnswer('status', { status })))).toEqual({ status });
    expect(decodeAnswer('submit', overTheWire(encodeAnswer('submit', { registrationNumber: 'ЭҮАШ-000001' })))).toEqual({ registrationNumber: 'ЭҮАШ-000001' });
  });

  it('refuses a payload that does not fit its service, naming fields but not values', () => {
    const bad: [string, () => unknown][] = [
      ['bad IIN', () => decodeRequest('person', [{ name: 'iin', text: '900101300008' }])],
      ['missing field', () => decodeAnswer('person', encodeAnswer('person', { person: TRAINING_PEOPLE[0]! }).map((n) => ('children' in n ? { ...n, children: n.children.filter((c) => c.name !== 'surname') } : n)))],
      ['unknown state', () => decodeAnswer('status', [{ name: 'status', children: [{ name: 'state', text: 'lost' }, { name: 'registrationNumber', text: 'x' }] }])],
      ['boolean spelled otherwise', () => decodeAnswer('powerOfAttorney', overTheWire(encodeAnswer('powerOfAttorney', { powerOfAttorney: TRAINING_POWERS_OF_ATTORNEY[0]! })).map((n) => ('children' in n ? { ...n, children: n.children.map((c) => (c.name === 'revoked' ? { name: 'revoked', text: 'yes' } : c)) } : n)))],
      ['field twice', () => decodeRequest('status', [{ name: 'registrationNumber', text: 'a' }, { name: 'registrationNumber', text: 'b' }])],
      ['element instead of text', () => decodeRequest('status', [{ name: 'registrationNumber', children: [{ name: 'x', text: 'a' }] }])],
      ['empty data', () => decodeAnswer('submit', [])],
    ];
    for (const [what, run] of bad) {
      let error: unknown;
      try {
        run();
      } catch (err) {
        error = err;
      }
      expect(error, what).toBeInstanceOf(MalformedXml);
      expect((error as MalformedXml).reason, what).toBe('payload');
      expect((error as MalformedXml).message).not.toMatch(/\d{12}/);
    }
  });

  it('carries a submission inside a real request envelope', () => {
    const xml = buildRequest({ messageId: 'm', correlationId: 'c', serviceId: SERVICES.submit.serviceId, messageDate: 'd', senderId: 's', password: 'p', data: encodeRequest('submit', { submission }) });
    expect(decodeRequest('submit', parseRequest(xml).data)).toEqual({ submission });
  });
});
