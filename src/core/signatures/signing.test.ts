/**
 * The operator's signature through the contract, as the counter uses it: the request and its scans
 * signed with the training keys, each kind of bad key refused with its reason, forwarding only with
 * a signature that still covers the scans, and the signed request carried to the target system.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATOR, openCounter, S1_DOCUMENTS } from '../../../test/support/counter';
import { signRequest, trainingKey } from '../../../test/support/signing';
import { SwitchableGateway } from '../../../test/support/switchableGateway';
import type { TestCore } from '../../../test/support/workstation';
import type { CaseView } from '../../shared/cases';
import { TRAINING_PEOPLE } from '../gateway/trainingGateway';
import type { MessageMeta, Submission } from '../gateway/port';

let core: TestCore;
afterEach(() => core?.dispose());


/** Keeps what the target system was sent. */
class RecordingGateway extends SwitchableGateway {
  readonly submissions: Submission[] = [];
  override submit(s: Submission, meta: MessageMeta) {
    this.submissions.push(s);
    return super.submit(s, meta);
  }
}

async function atForward(gateway = new RecordingGateway()): Promise<CaseView> {
  core = await openCounter({ gateway });
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: S1_DOCUMENTS }, 'counter-1');
  v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: TRAINING_PEOPLE[0]!.iin, representative: null }, 'counter-1');
  expect(v.step).toBe('p5');
  return v;
}

const page = (shade: number) =>
  sharp({ create: { width: 400, height: 560, channels: 3, background: { r: shade, g: shade, b: shade } } }).jpeg().toBuffer();

async function addScan(caseId: number, documentId: string, shade: number) {
  return core.call('scans.add', { caseId, documentId, source: 'file', content: new Uint8Array(await page(shade)) }, 'counter-1');
}

describe('signing the request', () => {
  it('signs the request and the SHA-256 of every scan, and forwards the signed request', async () => {
    const gateway = new RecordingGateway();
    const v = await atForward(gateway);
    const first = await addScan(v.id, 'application', 200);
    const second = await addScan(v.id, 'applicantIdentity', 120);

    const request = await core.call('signing.prepare', { caseId: v.id }, 'counter-1');
    expect(request.scans.map((s) => s.sha256).sort()).toEqual([first.sha256, second.sha256].sort());
    expect(request.xml).toContain(first.sha256);
    expect(request.xml).toContain(v.number);

    const signature = await signRequest(core, v.id);
    expect(signature).toMatchObject({ signer: 'pkcs12', iin: OPERATOR.iin, verified: true });
    expect(signature.subject).toContain(`SERIALNUMBER=IIN${OPERATOR.iin}`);
    expect(await core.call('signing.get', { caseId: v.id }, 'counter-1')).toEqual(signature);
    expect(core.auditActions()).toContain('signing.signed');

    const forwarded = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(forwarded.step).toBe('p8');
    const sent = Buffer.from(gateway.submissions[0]!.signature!, 'base64').toString('utf8');
    expect(sent).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect(sent).toContain(second.sha256);
    // Once forwarded, the scans are fixed.
    expect((await core.fail('scans.remove', { scanId: first.id }, 'counter-1')).code).toBe('SCANS_LOCKED');
  });

  it('refuses to forward an unsigned request, or one whose scans changed after signing', async () => {
    const v = await atForward();
    expect((await core.fail('cases.forward', { caseId: v.id, version: v.version }, 'counter-1')).code).toBe('SIGNATURE_REQUIRED');
    await addScan(v.id, 'application', 200);
    await signRequest(core, v.id);
    await addScan(v.id, 'application', 90);
    expect((await core.call('signing.get', { caseId: v.id }, 'counter-1'))?.verified).toBe(false);
    expect((await core.fail('cases.forward', { caseId: v.id, version: v.version }, 'counter-1')).code).toBe('SIGNATURE_REQUIRED');
    await signRequest(core, v.id);
    expect((await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1')).counterDone).toBe(true);
  });

  it.each([
    ['operator-expired.p12', 'CERT_EXPIRED'],
    ['operator-revoked.p12', 'CERT_REVOKED'],
    ['operator-auth-only.p12', 'CERT_KEY_USAGE'],
    ['operator-untrusted-root.p12', 'CERT_UNTRUSTED'],
    ['admin-valid.p12', 'CERT_IIN_MISMATCH'],
  ])('refuses a signature made with %s: %s', async (file, code) => {
    const v = await atForward();
    const error = await core.fail('signing.sign', { caseId: v.id, version: v.version, signer: trainingKey(file) }, 'counter-1');
    expect(error.code).toBe(code);
    expect(await core.call('signing.get', { caseId: v.id }, 'counter-1')).toBeNull();
  });

  it('says when the key password is wrong or the file is no key container', async () => {
    const v = await atForward();
    const wrong = { ...trainingKey(), password: 'not-the-password' };
    expect((await core.fail('signing.sign', { caseId: v.id, version: v.version, signer: wrong }, 'counter-1')).code).toBe('KEY_PASSWORD_WRONG');
    const notAKey = { kind: 'pkcs12', container: Buffer.from('just some text, not a key').toString('base64'), password: 'x' };
    expect((await core.fail('signing.sign', { caseId: v.id, version: v.version, signer: notAKey }, 'counter-1')).code).toBe('KEY_CONTAINER_INVALID');
  });
});
