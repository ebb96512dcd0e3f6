/**
 * The NCALayer client against the NCALayer stand-in over real loopback TLS: signing through
 * both APIs (the signature then verifies like any other), the operator cancelling, a wrong
 * password, garbage, a closed connection, no answer, nothing listening, and a certificate the
 * client was not told to trust.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNcaLayerStandIn, type NcaLayerStandIn } from '../../simulator/ncaLayerStandIn';
import { makeSimulatorTls } from '../../simulator/tls';
import { NcaLayerClient, type NcaLayerOptions } from './ncaLayerClient';
import { buildRequestXml, parseRequestXml, type SignedRequestData } from './requestXml';
import { SigningError } from './signer';
import { OPERATOR_IIN, createTrainingPki, type TrainingPki } from './trainingPki';
import { verifyCms, verifySignedXml } from './verify';
import { Pkcs12Signer } from './pkcs12Signer';

let pki: TrainingPki;
let standIn: NcaLayerStandIn;

const request: SignedRequestData = {
  caseNumber: 'ЦОН-2026-000777',
  serviceCode: '00301001',
  regulationId: 'birth-registration',
  act: { number: '112', date: '2020-05-28' },
  applicantIin: OPERATOR_IIN,
  representative: null,
  operatorIin: OPERATOR_IIN,
  scans: [{ scanId: '1', documentId: 'identity', sha256: 'ab'.repeat(32) }],
};

function client(extra: NcaLayerOptions = {}): NcaLayerClient {
  return new NcaLayerClient({ url: standIn.url, caPem: standIn.caPem, ...extra });
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; detail: string | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SigningError) return { code: e.data.code, detail: e.detail };
    throw e;
  }
  return { code: 'OK', detail: undefined };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  pki = await createTrainingPki();
  standIn = await startNcaLayerStandIn({ signer: new Pkcs12Signer(pki.containers.valid.p12, pki.password), port: 0 });
});

afterAll(async () => {
  await standIn?.close();
});

describe('signing through NCALayer', () => {
  it.each(['commonUtils', 'basics'] as const)('%s: the signed request verifies and reads back', async (api) => {
    standIn.mode = 'sign';
    const signed = await client({ api }).sign(buildRequestXml(request));
    const verified = await verifySignedXml(signed, { trustedRootsPem: pki.trustedPem, crlPem: pki.crlPem, expectedIin: OPERATOR_IIN });
    expect(parseRequestXml(verified.signedContent)).toEqual(request);
    const last = standIn.requests.at(-1)!;
    if (api === 'commonUtils') {
      expect(last).toEqual({ module: 'kz.gov.pki.knca.commonUtils', method: 'signXml', args: ['PKCS12', 'SIGNATURE', buildRequestXml(request), '', ''] });
    } else {
      expect(last).toEqual({
        module: 'kz.gov.pki.knca.basics',
        method: 'sign',
        args: {
          allowedStorages: ['PKCS12'],
          format: 'xml',
          data: buildRequestXml(request),
          signingParams: {},
          signerParams: { extKeyUsageOids: [] },
          locale: 'kk',
        },
      });
    }
  });

  it.each(['commonUtils', 'basics'] as const)('%s: CMS, detached and attached', async (api) => {
    standIn.mode = 'sign';
    const data = new TextEncoder().encode('scan bytes');
    const trust = { trustedRootsPem: pki.trustedPem, crlPem: pki.crlPem, expectedIin: OPERATOR_IIN };
    const detached = await client({ api }).signCms(data);
    expect((await verifyCms(detached, { ...trust, data })).iin).toBe(OPERATOR_IIN);
    const attached = await client({ api }).signCms(data, { attached: true });
    expect(Buffer.from((await verifyCms(attached, trust)).content).toString()).toBe('scan bytes');
  });
});

describe('when NCALayer does not sign', () => {
  it.each(['commonUtils', 'basics'] as const)('%s: the operator cancels → NCALAYER_CANCELLED', async (api) => {
    standIn.mode = 'cancel';
    expect((await refusal(client({ api }).sign('<a/>'))).code).toBe('NCALAYER_CANCELLED');
  });

  it.each(['commonUtils', 'basics'] as const)("%s: a wrong password → NCALAYER_FAILED with NCALayer's message", async (api) => {
    standIn.mode = 'wrongPassword';
    const r = await refusal(client({ api }).sign('<a/>'));
    expect(r.code).toBe('NCALAYER_FAILED');
    expect(r.detail).toContain('password.incorrect');
  });

  it('the key container NCALayer was given does not open → NCALAYER_FAILED', async () => {
    const wrong = await startNcaLayerStandIn({ signer: new Pkcs12Signer(pki.containers.valid.p12, 'not it'), port: 0 });
    try {
      const r = await refusal(new NcaLayerClient({ url: wrong.url, caPem: wrong.caPem }).sign('<a/>'));
      expect(r).toEqual({ code: 'NCALAYER_FAILED', detail: '500: password.incorrect' });
    } finally {
      await wrong.close();
    }
  });

  it('garbage, a closed connection or no answer → NCALAYER_FAILED', async () => {
    standIn.mode = 'garbage';
    expect(await refusal(client().sign('<a/>'))).toEqual({ code: 'NCALAYER_FAILED', detail: 'the answer is not JSON' });
    standIn.mode = 'close';
    expect(await refusal(client().sign('<a/>'))).toEqual({ code: 'NCALAYER_FAILED', detail: 'NCALayer closed the connection' });
    standIn.mode = 'silent';
    expect(await refusal(client({ answerTimeoutMs: 300 }).sign('<a/>'))).toEqual({ code: 'NCALAYER_FAILED', detail: 'no answer in time' });
  });

  it('an answer that is not a signed document → NCALAYER_FAILED', async () => {
    standIn.mode = 'sign';
    // NCALayer cannot sign what is not XML and says so.
    const r = await refusal(client({ api: 'commonUtils' }).sign('not xml'));
    expect(r.code).toBe('NCALAYER_FAILED');
  });

  it('nothing listening → NCALAYER_NOT_RUNNING', async () => {
    const port = await freePort();
    const r = await refusal(new NcaLayerClient({ url: `wss://127.0.0.1:${port}`, caPem: standIn.caPem, connectTimeoutMs: 1000 }).sign('<a/>'));
    expect(r.code).toBe('NCALAYER_NOT_RUNNING');
  });

  it('a server whose certificate is not from the configured CA is not NCALayer → NCALAYER_FAILED', async () => {
    standIn.mode = 'sign';
    const before = standIn.requests.length;
    const other = await makeSimulatorTls();
    const r = await refusal(client({ caPem: other.caPem }).sign('<a/>'));
    expect(r.code).toBe('NCALAYER_FAILED');
    const none = await refusal(new NcaLayerClient({ url: standIn.url }).sign('<a/>'));
    expect(none.code).toBe('NCALAYER_FAILED');
    // The document never left the workstation.
    expect(standIn.requests.length).toBe(before);
  });
});
