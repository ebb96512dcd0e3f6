/**
 * Enrolling this workstation with its branch: a new P-256 key made here (it never leaves the
 * workstation), the administrator's one-time code, and the branch's CA given by the
 * administrator — the enrollment connection already trusts only that CA.
 */
import { generateKeyPair } from 'node:crypto';
import { request } from 'node:https';
import { promisify } from 'node:util';
import { EnrollAnswer } from '../../shared/branch/wire';
import { BranchRefusal, BranchUnreachable, type BranchIdentity } from './branchClient';
import { BranchError } from '../../shared/branch/wire';

const makeKeys = promisify(generateKeyPair);

export async function enrollWithBranch(params: { enrollUrl: string; apiUrl: string; caPem: string; code: string }): Promise<BranchIdentity> {
  const { publicKey, privateKey } = await makeKeys('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const body = JSON.stringify({ code: params.code.trim().toUpperCase(), publicKeyPem: publicKey });
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      new URL('/enroll', params.enrollUrl),
      { method: 'POST', ca: params.caPem, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => reject(new BranchUnreachable(err.message)));
    req.end(body);
  });
  const envelope = JSON.parse(text) as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) throw new BranchRefusal(BranchError.parse(envelope.error));
  const answer = EnrollAnswer.parse(envelope.value);
  return {
    url: params.apiUrl,
    branchId: answer.branchId,
    branchName: answer.branchName,
    device: answer.device.name,
    caPem: answer.caPem,
    certPem: answer.certificatePem,
    keyPem: privateKey,
  };
}
