import { describe, expect, it } from 'vitest';
import { SOAP_NS, TYPES_NS, buildFault, buildRequest, buildResponse, parseAnswer, parseRequest, type RequestEnvelope, type ResponseEnvelope } from './envelope';
import { MalformedXml, type MalformedReason } from './xml';

function reasonOf(run: () => unknown): MalformedReason | 'accepted' | 'other' {
  try {
    run();
    return 'accepted';
  } catch (err) {
    return err instanceof MalformedXml ? err.reason : 'other';
  }
}

const request: RequestEnvelope = {
  messageId: 'm-1',
  correlationId: 'case-7',
  serviceId: 'ZHTMDK.PersonByIin.v1',
  messageDate: '2025-03-01T09:00:00.000Z',
  senderId: 'azho-akt',
  password: 'p<&>"\'ss',
  data: [{ name: 'iin', text: '900101300007' }, { name: 'list', children: [{ name: 'item', text: 'Ғ' }] }],
};

const response: ResponseEnvelope = {
  messageId: 'm-1',
  responseDate: '2025-03-01T09:00:01.000Z',
  status: { code: 'SCSS001', message: 'Сәтті' },
  data: [{ name: 'registrationNumber', text: 'ЭҮАШ-000001' }, { name: 'empty', text: '' }],
};

describe('SmartBridge envelope', () => {
  it('round-trips a request', () => {
    expect(parseRequest(buildRequest(request))).toEqual(request);
  });

  it('round-trips a response and a fault', () => {
    expect(parseAnswer(buildResponse(response))).toEqual({ kind: 'response', response });
    expect(parseAnswer(buildFault('Server', 'busy & tired'))).toEqual({
      kind: 'fault',
      fault: { faultcode: 'Server', kind: 'Server', faultstring: 'busy & tired' },
    });
    expect(parseAnswer(buildFault('Client', 'no')).kind).toBe('fault');
  });

  it('reads a message by namespace, whatever the prefixes and layout', () => {
    const xml = `<e:Envelope xmlns:e="${SOAP_NS}">
      <e:Header/>
      <e:Body>
        <t:SendMessageResponse xmlns:t="${TYPES_NS}"><response>
          <responseInfo><messageId>m</messageId><responseDate>d</responseDate><status><code>SCSS001</code><message/></status></responseInfo>
          <responseData><data>
            <a>1</a>
          </data></responseData>
        </response></t:SendMessageResponse>
      </e:Body></e:Envelope>`;
    const answer = parseAnswer(xml);
    expect(answer.kind === 'response' && answer.response.data).toEqual([{ name: 'a', text: '1' }]);
  });

  it('classifies fault codes by their SOAP class, subcodes included', () => {
    const fault = (code: string) => `<s:Envelope xmlns:s="${SOAP_NS}"><s:Body><s:Fault><faultcode>${code}</faultcode><faultstring>x</faultstring><detail/></s:Fault></s:Body></s:Envelope>`;
    const kind = (code: string) => {
      const a = parseAnswer(fault(code));
      return a.kind === 'fault' ? a.fault.kind : null;
    };
    expect(kind('s:Server.Busy')).toBe('Server');
    expect(kind('s:Client.Authentication')).toBe('Client');
    expect(kind('s:VersionMismatch')).toBe('Client');
    expect(reasonOf(() => parseAnswer(fault('other:Server')))).toBe('namespace');
  });

  it('refuses the wrong namespace for the envelope, the operation and the payload', () => {
    const good = buildResponse(response);
    expect(reasonOf(() => parseAnswer(good.replace(SOAP_NS, 'http://www.w3.org/2003/05/soap-envelope')))).toBe('namespace');
    expect(reasonOf(() => parseAnswer(good.replace(TYPES_NS, 'http://bip.bee.kz/SyncChannel/v11/Types')))).toBe('namespace');
    expect(reasonOf(() => parseAnswer(good.replace('<response>', '<response xmlns="urn:x">')))).toBe('namespace');
    expect(reasonOf(() => parseRequest(buildRequest(request).replace(TYPES_NS, 'urn:other')))).toBe('namespace');
  });

  it('refuses a request read as an answer and the other way round', () => {
    expect(reasonOf(() => parseAnswer(buildRequest(request)))).toBe('structure');
    expect(reasonOf(() => parseRequest(buildResponse(response)))).toBe('structure');
  });

  it('refuses missing, doubled and unexpected parts', () => {
    const good = buildResponse(response);
    expect(reasonOf(() => parseAnswer(good.replace(/<messageId>.*?<\/messageId>/, '')))).toBe('structure');
    expect(reasonOf(() => parseAnswer(good.replace('<responseDate>', '<messageId>x</messageId><responseDate>')))).toBe('structure');
    expect(reasonOf(() => parseAnswer(good.replace('<responseDate>', '<extra/><responseDate>')))).toBe('structure');
    expect(reasonOf(() => parseAnswer(good.replace('<code>SCSS001</code>', '<code><b>SCSS001</b></code>')))).toBe('structure');
    expect(reasonOf(() => parseAnswer(good.replace('<empty></empty>', '<empty>t<x/></empty>')))).toBe('payload');
  });

  it('refuses hostile XML inside an envelope with the parser\'s reasons', () => {
    const good = buildResponse(response);
    expect(reasonOf(() => parseAnswer(`<!DOCTYPE x [<!ENTITY a "b">]>${good.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`))).toBe('doctype');
    expect(reasonOf(() => parseAnswer(good.replace('<empty></empty>', '<d>'.repeat(100_000) + '</d>'.repeat(100_000)), { maxBytes: 4_000_000, maxDepth: 64 }))).toBe('tooDeep');
    expect(reasonOf(() => parseAnswer(good.slice(0, good.length / 2)))).toBe('syntax');
    expect(reasonOf(() => parseAnswer(good, { maxBytes: 100, maxDepth: 64 }))).toBe('tooLarge');
  });

  it('answers any cut or corruption of a message with MalformedXml, never another error', () => {
    const good = buildResponse(response);
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const inputs: string[] = [];
    for (let cut = 0; cut < good.length; cut += 7) inputs.push(good.slice(0, cut));
    const noise = '<>&"/!?x\u0000]';
    for (let i = 0; i < 300; i++) {
      const chars = [...good];
      for (let k = 0; k < 3; k++) chars[Math.floor(next() * chars.length)] = noise[Math.floor(next() * noise.length)]!;
      inputs.push(chars.join(''));
    }
    for (const input of inputs) {
      try {
        parseAnswer(input);
      } catch (err) {
        expect(err, input).toBeInstanceOf(MalformedXml);
      }
    }
  });
});
