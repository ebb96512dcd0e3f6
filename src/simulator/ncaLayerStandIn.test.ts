/** The NCALayer stand-in's wire messages, as a raw WebSocket client sees them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTrainingPki } from '../core/pki/trainingPki';
import { startNcaLayerStandIn, type NcaLayerStandIn } from './ncaLayerStandIn';
import { Pkcs12Signer } from '../core/pki/pkcs12Signer';

let standIn: NcaLayerStandIn;

/** Connects, collects the greeting, sends one request and returns the texts received. */
async function exchange(request: unknown): Promise<string[]> {
  const ws = new WebSocket(standIn.url, { ca: standIn.caPem });
  const texts: string[] = [];
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (raw) => {
      texts.push(raw.toString());
      if (texts.length === 1) ws.send(JSON.stringify(request));
      else {
        ws.close();
        resolve(texts);
      }
    });
    ws.on('close', () => resolve(texts));
  });
}

beforeAll(async () => {
  const pki = await createTrainingPki();
  standIn = await startNcaLayerStandIn({ signer: new Pkcs12Signer(pki.containers.valid.p12, pki.password), port: 0 });
});

afterAll(async () => {
  await standIn?.close();
});

describe('the NCALayer stand-in', () => {
  it('listens on loopback over TLS and greets with its version', async () => {
    expect(standIn.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    standIn.mode = 'sign';
    const [greeting] = await exchange({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens', args: [] });
    expect(JSON.parse(greeting!)).toEqual({ result: { version: '1.4 (AZhO stand-in)' } });
  });

  it('answers commonUtils as NCALayer does: 200 with responseObject, 500 action.canceled', async () => {
    standIn.mode = 'sign';
    const [, tokens] = await exchange({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens', args: [] });
    expect(JSON.parse(tokens!)).toEqual({ code: '200', message: '', responseObject: [] });
    const [, signed] = await exchange({ module: 'kz.gov.pki.knca.commonUtils', method: 'signXml', args: ['PKCS12', 'SIGNATURE', '<a>1</a>', '', ''] });
    const answer = JSON.parse(signed!) as { code: string; responseObject: string };
    expect(answer.code).toBe('200');
    expect(answer.responseObject).toMatch(/^<a>1<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">.*<\/Signature><\/a>$/s);
    standIn.mode = 'cancel';
    const [, cancelled] = await exchange({ module: 'kz.gov.pki.knca.commonUtils', method: 'signXml', args: ['PKCS12', 'SIGNATURE', '<a/>', '', ''] });
    expect(JSON.parse(cancelled!)).toEqual({ code: '500', message: 'action.canceled' });
  });

  it('answers basics sign with a list of results, a cancel with an empty body', async () => {
    standIn.mode = 'sign';
    const args = { allowedStorages: ['PKCS12'], format: 'xml', data: '<a/>', signingParams: {}, signerParams: { extKeyUsageOids: [] }, locale: 'kk' };
    const [, signed] = await exchange({ module: 'kz.gov.pki.knca.basics', method: 'sign', args });
    const answer = JSON.parse(signed!) as { status: boolean; body: { result: string[] } };
    expect(answer.status).toBe(true);
    expect(answer.body.result).toHaveLength(1);
    expect(answer.body.result[0]).toContain('<SignatureValue>');
    standIn.mode = 'cancel';
    const [, cancelled] = await exchange({ module: 'kz.gov.pki.knca.basics', method: 'sign', args });
    expect(JSON.parse(cancelled!)).toEqual({ status: true, body: {} });
    standIn.mode = 'wrongPassword';
    const [, wrong] = await exchange({ module: 'kz.gov.pki.knca.basics', method: 'sign', args });
    expect(JSON.parse(wrong!)).toEqual({ status: false, code: 'SIGNING_FAILURE', message: 'password.incorrect', details: '' });
  });

  it('a module it does not have is MODULE_NOT_FOUND', async () => {
    standIn.mode = 'sign';
    const [, answer] = await exchange({ module: 'kz.gov.pki.other', method: 'x', args: [] });
    expect(JSON.parse(answer!)).toEqual({ success: false, errorCode: 'MODULE_NOT_FOUND' });
  });

  it('keeps the requests it received', () => {
    expect(standIn.requests.map((r) => r.method)).toContain('signXml');
  });
});
