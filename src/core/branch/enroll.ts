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

/**
 * The API address is the branch's API, under the CA given — checked before the one-time code is
 * spent, so a mistyped address costs the administrator nothing but a correction. Asked without a
 * client certificate, the branch's API refuses in the handshake ("certificate required"); any
 * HTTP answer means another port (the enrollment port, say), any other failure no branch there.
 */
export async function checkApiAddress(apiUrl: string, caPem: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = request(new URL('/api/hello', apiUrl), { method: 'POST', ca: caPem, agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      reject(new BranchUnreachable(`${apiUrl} answers without asking for this workstation's certificate: not the branch's API address`));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || /certificate required/i.test(err.message)) resolve();
      else reject(new BranchUnreachable(`the API address ${apiUrl}: ${err.message}`));
    });
    req.end();
  });
}

export async function enrollWithBranch(params: { enrollUrl: string; apiUrl: string; caPem: string; code: string }): Promise<BranchIdentity> {
  await checkApiAddress(params.apiUrl, params.caPem);
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
