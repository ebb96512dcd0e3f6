/** The training PKI as committed in resources/training-pki/ does what its README says. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { Pkcs12Signer } from './pkcs12Signer';
import { buildRequestXml } from './requestXml';
import { ADMIN_IIN, OPERATOR_IIN, TRAINING_PASSWORD } from './trainingPki';
import { verifySignedXml } from './verify';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'training-pki');
const read = (file: string) => readFileSync(join(dir, file));
const trust = () => ({ trustedRootsPem: read('trusted-roots.pem').toString(), crlPem: read('crl.pem').toString() });

const xml = buildRequestXml({
  caseNumber: 'ЦОН-2026-000001',
  serviceCode: '00301001',
  regulationId: 'birth-registration',
  act: { number: '112', date: '2020-05-28' },
  applicantIin: ADMIN_IIN,
  representative: null,
  operatorIin: OPERATOR_IIN,
  scans: [],
});

async function outcome(file: string, expectedIin: string): Promise<string> {
  try {
    const signed = await new Pkcs12Signer(read(file), TRAINING_PASSWORD).sign(xml);
    const v = await verifySignedXml(signed, { ...trust(), expectedIin });
    return `signed by ${v.iin}`;
  } catch (e) {
    if (e instanceof AppError) return e.data.code;
    throw e;
  }
}

describe('resources/training-pki', () => {
  it('documents the password the containers open with', () => {
    expect(read('README.md').toString()).toContain(`\`${TRAINING_PASSWORD}\``);
  });

  it.each([
    ['operator-valid.p12', OPERATOR_IIN, `signed by ${OPERATOR_IIN}`],
    ['operator-expired.p12', OPERATOR_IIN, 'CERT_EXPIRED'],
    ['operator-revoked.p12', OPERATOR_IIN, 'CERT_REVOKED'],
    ['operator-auth-only.p12', OPERATOR_IIN, 'CERT_KEY_USAGE'],
    ['operator-untrusted-root.p12', OPERATOR_IIN, 'CERT_UNTRUSTED'],
    ['admin-valid.p12', OPERATOR_IIN, 'CERT_IIN_MISMATCH'],
    ['admin-valid.p12', ADMIN_IIN, `signed by ${ADMIN_IIN}`],
  ])('%s, with %s logged in: %s', async (file, iin, expected) => {
    expect(await outcome(file, iin)).toBe(expected);
  });

  it('the untrusted root is what the untrusted container chains to, and is not trusted', async () => {
    const withIt = { trustedRootsPem: read('untrusted-root-ca.pem').toString(), crlPem: '' };
    const signed = await new Pkcs12Signer(read('operator-untrusted-root.p12'), TRAINING_PASSWORD).sign(xml);
    // Trusting that root gets past the chain, to the missing CRL.
    await expect(verifySignedXml(signed, { ...withIt, expectedIin: OPERATOR_IIN })).rejects.toMatchObject({ data: { code: 'CERT_REVOCATION_UNKNOWN' } });
  });
});
