import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { Pkcs12Signer } from './pkcs12Signer';
import { SigningError } from './signer';
import { buildRequestXml, parseRequestXml, type SignedRequestData } from './requestXml';
import { ADMIN_IIN, OPERATOR_IIN, createTrainingPki, type TrainingHolder, type TrainingPki } from './trainingPki';
import { verifyCms, verifySignedXml, type VerifyOptions } from './verify';

let pki: TrainingPki;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const request: SignedRequestData = {
  caseNumber: 'ЦОН-2026-000123',
  serviceCode: '00301001',
  regulationId: 'birth-registration',
  act: { number: '112', date: '2020-05-28' },
  applicantIin: ADMIN_IIN,
  representative: null,
  operatorIin: OPERATOR_IIN,
  scans: [
    { scanId: 's1', documentId: 'identity', sha256: sha('page one') },
    { scanId: 's2', documentId: 'birth-certificate', sha256: sha('page two') },
  ],
};

function options(extra: Partial<VerifyOptions> = {}): VerifyOptions {
  return { trustedRootsPem: pki.trustedPem, crlPem: pki.crlPem, expectedIin: OPERATOR_IIN, ...extra };
}

function signerFor(holder: TrainingHolder): Pkcs12Signer {
  return new Pkcs12Signer(pki.containers[holder].p12, pki.password);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.data.code;
    throw e;
  }
  return 'OK';
}

/** The code and, for a refused signature, why (the first word of SigningError's detail). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SigningError) return `${e.data.code} ${(e.detail ?? '').split(':')[0]}`;
    throw e;
  }
  return 'OK';
}

beforeAll(async () => {
  pki = await createTrainingPki();
});

describe('XML-DSig with a PKCS#12 key', () => {
  it('signs and verifies the request; the signed content reads back as the request', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const result = await verifySignedXml(signed, options());
    expect(result.iin).toBe(OPERATOR_IIN);
    expect(result.subject).toBe(`CN=СЕЙІТОВ НҰРЛАН, SURNAME=СЕЙІТОВ, SERIALNUMBER=IIN${OPERATOR_IIN}, C=KZ, GIVENNAME=ҚАЙРАТҰЛЫ`);
    expect(result.issuer).toBe('CN=AZhO TRAINING NCA (RSA), O=AZhO training PKI, C=KZ');
    expect(result.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(new Date(result.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(parseRequestXml(result.signedContent)).toEqual(request);
    expect(parseRequestXml(signed)).toEqual(request);
  });

  it.each([
    ['expired', 'CERT_EXPIRED'],
    ['revoked', 'CERT_REVOKED'],
    ['authOnly', 'CERT_KEY_USAGE'],
    ['untrusted', 'CERT_UNTRUSTED'],
    ['admin', 'CERT_IIN_MISMATCH'],
  ] as const)('refuses the %s key with %s', async (holder, code) => {
    const signed = await signerFor(holder).sign(buildRequestXml(request));
    expect(await codeOf(verifySignedXml(signed, options()))).toBe(code);
  });

  it("accepts the administrator's key when the administrator is the one logged in", async () => {
    const signed = await signerFor('admin').sign(buildRequestXml({ ...request, operatorIin: ADMIN_IIN }));
    expect((await verifySignedXml(signed, options({ expectedIin: ADMIN_IIN }))).iin).toBe(ADMIN_IIN);
  });

  it('a certificate outside its validity at the signing time is refused', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const later = new Date(pki.containers.valid.notAfter.getTime() + 1000);
    expect(await codeOf(verifySignedXml(signed, options({ signedAt: later })))).toBe('CERT_EXPIRED');
  });

  it('without a current CRL from the issuer revocation is unknown', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    expect(await codeOf(verifySignedXml(signed, options({ crlPem: '' })))).toBe('CERT_REVOCATION_UNKNOWN');
    const stale = await pki.issueCrl({ thisUpdate: new Date(Date.now() - 10 * 86_400_000), nextUpdate: new Date(Date.now() - 86_400_000) });
    const rootCrl = pki.crlPem.split(/(?<=-----END X509 CRL-----)/)[0]!;
    expect(await codeOf(verifySignedXml(signed, options({ crlPem: `${rootCrl}\n${stale}` })))).toBe('CERT_REVOCATION_UNKNOWN');
    // The revoked key stays revoked even when the only CRL listing it is stale.
    const revoked = await signerFor('revoked').sign(buildRequestXml(request));
    expect(await codeOf(verifySignedXml(revoked, options({ crlPem: `${rootCrl}\n${stale}` })))).toBe('CERT_REVOKED');
  });

  it('a CRL not signed by the issuer counts as absent', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const other = await createTrainingPki();
    expect(await codeOf(verifySignedXml(signed, options({ crlPem: other.crlPem })))).toBe('CERT_REVOCATION_UNKNOWN');
  });

  it('with no trusted root configured nothing is trusted', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    expect(await codeOf(verifySignedXml(signed, options({ trustedRootsPem: '' })))).toBe('CERT_UNTRUSTED');
    expect(await codeOf(verifySignedXml(signed, options({ trustedRootsPem: pki.intermediatePem })))).toBe('CERT_UNTRUSTED');
  });

  it('OCSP, when configured and answering, decides about the signer without the issuer’s CRL', async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/garbage') return res.end('not OCSP');
        void pki.ocspRespond(Buffer.concat(chunks)).then((der) => {
          res.setHeader('content-type', 'application/ocsp-response');
          res.end(der);
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Only the root's CRL (for the intermediate): the operator's certificate is left to OCSP.
      const rootCrl = pki.crlPem.split(/(?<=-----END X509 CRL-----)/)[0]!;
      const valid = await signerFor('valid').sign(buildRequestXml(request));
      expect((await verifySignedXml(valid, options({ crlPem: rootCrl, ocspUrl: `${url}/ocsp` }))).iin).toBe(OPERATOR_IIN);
      expect(await codeOf(verifySignedXml(valid, options({ crlPem: rootCrl })))).toBe('CERT_REVOCATION_UNKNOWN');
      const revoked = await signerFor('revoked').sign(buildRequestXml(request));
      expect(await refusal(verifySignedXml(revoked, options({ crlPem: rootCrl, ocspUrl: `${url}/ocsp` })))).toBe('CERT_REVOKED OCSP');
      // A responder that answers nonsense is as good as none: the CRL decides.
      expect(await codeOf(verifySignedXml(valid, options({ crlPem: rootCrl, ocspUrl: `${url}/garbage` })))).toBe('CERT_REVOCATION_UNKNOWN');
      expect((await verifySignedXml(valid, options({ ocspUrl: `${url}/garbage` }))).iin).toBe(OPERATOR_IIN);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('an unreachable OCSP responder falls back to the CRL', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const result = await verifySignedXml(signed, options({ ocspUrl: 'http://127.0.0.1:9/ocsp', ocspTimeoutMs: 500 }));
    expect(result.iin).toBe(OPERATOR_IIN);
    const revoked = await signerFor('revoked').sign(buildRequestXml(request));
    expect(await codeOf(verifySignedXml(revoked, options({ ocspUrl: 'http://127.0.0.1:9/ocsp', ocspTimeoutMs: 500 })))).toBe('CERT_REVOKED');
  });
});

describe('tampering', () => {
  it('a changed scan hash breaks the signature', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const tampered = signed.replace(request.scans[1]!.sha256, sha('another page'));
    expect(tampered).not.toBe(signed);
    expect(await refusal(verifySignedXml(tampered, options()))).toBe('SIGNATURE_INVALID signature.invalid');
  });

  it('a changed signature value or a removed signature is refused', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const value = /<SignatureValue>([^<]+)<\/SignatureValue>/.exec(signed)![1]!;
    const flipped = (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
    expect(await refusal(verifySignedXml(signed.replace(value, flipped), options()))).toBe('SIGNATURE_INVALID signature.invalid');
    expect(await refusal(verifySignedXml(buildRequestXml(request), options()))).toBe('SIGNATURE_INVALID signature.malformed');
    expect(await refusal(verifySignedXml('not xml at all', options()))).toBe('SIGNATURE_INVALID signature.malformed');
  });

  it('signature wrapping: a signed element moved under a forged document is refused', async () => {
    // The attacker keeps the genuine signed request inside a wrapper and puts their own scans first.
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const body = signed.replace(/^<\?xml[^>]*>\s*/, '');
    const forged = buildRequestXml({ ...request, scans: [{ scanId: 'x', documentId: 'identity', sha256: sha('forged') }] })
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace('</request>', `<wrapper xmlns="urn:other">${body}</wrapper></request>`);
    expect(await refusal(verifySignedXml(forged, options()))).toBe('SIGNATURE_INVALID signature.scope');
  });

  it('signature wrapping: a reference to an inner element by Id is refused', async () => {
    const inner = buildRequestXml(request).replace('<scans>', '<scans Id="signed-part">');
    const { SignedXml } = await import('xml-crypto');
    const { openPkcs12 } = await import('./pkcs12Signer');
    const opened = openPkcs12(pki.containers.valid.p12, pki.password);
    const sig = new SignedXml({
      privateKey: opened.key,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      getKeyInfoContent: () => `<X509Data><X509Certificate>${Buffer.from(opened.certificate).toString('base64')}</X509Certificate></X509Data>`,
    });
    sig.addReference({
      xpath: "//*[@Id='signed-part']",
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sig.computeSignature(inner, { location: { reference: '/*', action: 'append' } });
    const partlySigned = sig.getSignedXml();
    // The signature is cryptographically fine, but it covers only <scans>: the case data around it could be anything.
    expect(await refusal(verifySignedXml(partlySigned, options()))).toBe('SIGNATURE_INVALID signature.scope');
    expect(await refusal(verifySignedXml(partlySigned.replace(request.caseNumber, 'ЦОН-2026-999999'), options()))).toBe(
      'SIGNATURE_INVALID signature.scope',
    );
  });

  it('a second signature or a DOCTYPE is refused', async () => {
    const signed = await signerFor('valid').sign(buildRequestXml(request));
    const twice = await signerFor('valid').sign(signed);
    expect(await refusal(verifySignedXml(twice, options()))).toBe('SIGNATURE_INVALID signature.scope');
    const doctype = signed.replace('<request', '<!DOCTYPE request [<!ENTITY x "y">]>\n<request');
    expect(await refusal(verifySignedXml(doctype, options()))).toBe('SIGNATURE_INVALID signature.malformed');
  });
});

describe('CMS with a PKCS#12 key', () => {
  const data = new TextEncoder().encode('scan bytes — 1');

  it('detached: signs and verifies against the bytes, refuses other bytes', async () => {
    const cms = await signerFor('valid').signCms(data);
    const result = await verifyCms(cms, { ...options(), data });
    expect(result.iin).toBe(OPERATOR_IIN);
    expect(Buffer.from(result.content).equals(Buffer.from(data))).toBe(true);
    expect(await codeOf(verifyCms(cms, { ...options(), data: new TextEncoder().encode('scan bytes — 2') }))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyCms(cms, options()))).toBe('SIGNATURE_INVALID');
  });

  it('bytes in a Buffer (a view on a shared pool) sign and verify as themselves', async () => {
    const pooled = Buffer.from('scan bytes — 1');
    const cms = await signerFor('valid').signCms(pooled);
    expect((await verifyCms(cms, { ...options(), data: Buffer.from('scan bytes — 1') })).iin).toBe(OPERATOR_IIN);
    const attached = await signerFor('valid').signCms(pooled, { attached: true });
    expect(Buffer.from((await verifyCms(attached, options())).content).toString()).toBe('scan bytes — 1');
  });

  it('attached: the bytes come out of the signature', async () => {
    const cms = await signerFor('valid').signCms(data, { attached: true });
    const result = await verifyCms(cms, options());
    expect(Buffer.from(result.content).equals(Buffer.from(data))).toBe(true);
  });

  it.each([
    ['expired', 'CERT_EXPIRED'],
    ['revoked', 'CERT_REVOKED'],
    ['authOnly', 'CERT_KEY_USAGE'],
    ['untrusted', 'CERT_UNTRUSTED'],
    ['admin', 'CERT_IIN_MISMATCH'],
  ] as const)('refuses the %s key with %s', async (holder, code) => {
    const cms = await signerFor(holder).signCms(data);
    expect(await codeOf(verifyCms(cms, { ...options(), data }))).toBe(code);
  });

  it('a corrupted CMS is refused', async () => {
    const cms = await signerFor('valid').signCms(data, { attached: true });
    const broken = cms.slice();
    broken[broken.length - 10] = broken[broken.length - 10]! ^ 0xff;
    expect(await codeOf(verifyCms(broken, options()))).toBe('SIGNATURE_INVALID');
    expect(await codeOf(verifyCms(new Uint8Array([1, 2, 3]), options()))).toBe('SIGNATURE_INVALID');
  });
});
