/**
 * The branch server's doors, against the real server on PostgreSQL: an unenrolled client, a wrong
 * certificate, a replayed request and a request from another branch are refused — and nothing is
 * written. Every refusal is checked twice: the exact answer (a code of the branch contract and its
 * HTTP status, or the TLS alert of a refused handshake), and the row counts of the tables a call
 * could write, taken before and after the refused request.
 */
import { generateKeyPair, webcrypto } from 'node:crypto';
import { request } from 'node:https';
import { promisify } from 'node:util';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeDevice } from '../../src/branch/enrollment';
import { BranchClient, BranchUnreachable, type BranchIdentity } from '../../src/core/branch/branchClient';
import { enrollWithBranch } from '../../src/core/branch/enroll';
import { BRANCH_CONTRACT_VERSION, BRANCH_HEADERS, type BranchErrorCode } from '../../src/shared/branch/wire';
import { startTestBranch, type TestBranch } from '../support/branch';
import { postgresAvailable } from '../support/postgres';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Every table a call of the branch contract can add rows to. */
const TABLES = ['tickets', 'requests', 'cases', 'audit', 'windows', 'devices', 'ticket_sequences', 'events'] as const;
type RowCounts = Record<(typeof TABLES)[number], number>;

async function rowCounts(pool: pg.Pool): Promise<RowCounts> {
  const { rows } = await pool.query<RowCounts>(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return rows[0]!;
}

/** Runs a request that must be refused; the tables must hold exactly the rows they held before it. */
async function refusedWithoutWriting<T>(pool: pg.Pool, attempt: () => Promise<T>): Promise<T> {
  const before = await rowCounts(pool);
  const outcome = await attempt();
  expect(await rowCounts(pool)).toEqual(before);
  return outcome;
}

/** The server remembers a device look-up this long (DeviceDirectory in src/branch/server.ts). */
const DEVICE_CACHE_MS = 5_000;

let key = 0;
const idem = (p: string) => `${p}:${process.pid}:${++key}`;
const issueInput = (idemKey = idem('sec')) => ({ group: 'A', priority: null, regulationId: null, idemKey });

interface Tls {
  ca: string;
  cert?: string;
  key?: string;
}
interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: BranchErrorCode; issues?: { path: string; reason: string }[]; update?: string; serverVersion?: number } };
}
/** What an HTTPS request came to: the server's answer, or the error of a connection that never got one. */
type Outcome = Answer | { failed: string };

const tlsOf = (identity: BranchIdentity): Tls => ({ ca: identity.caPem, cert: identity.certPem, key: identity.keyPem });

/** One HTTPS request on its own connection (no agent, no TLS session reuse), byte for byte as given. */
function send(url: string, tls: Tls, headers: Record<string, string | number>, body: string | Buffer = '', method = 'POST'): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { method, agent: false, headers, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ failed: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ failed: err.code ?? err.message }));
    req.end(body);
  });
}

/** The headers the workstation's own client sends (a fresh nonce and the time), with any of them changed. */
function branchHeaders(identity: BranchIdentity, body: string, change: Record<string, string> = {}): Record<string, string | number> {
  const client = new BranchClient(identity);
  client.close();
  return { ...client.headers(), ...change, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
}

/** A call to the branch API as a device: its certificate, and the headers its client would send. */
function callAs(identity: BranchIdentity, name: string, input: unknown, change: Record<string, string> = {}): Promise<Outcome> {
  const body = typeof input === 'string' ? input : JSON.stringify(input);
  return send(new URL(`/api/${name}`, identity.url).toString(), tlsOf(identity), branchHeaders(identity, body, change), body);
}

const refusal = (status: number, code: BranchErrorCode) => ({ status, body: { ok: false, error: { code } } });

const crypto = webcrypto as webcrypto.Crypto;
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

/**
 * A forgery of an enrolled device's certificate: a CA that is not the branch's but is named exactly
 * like it, and from it a client certificate with the enrolled one's subject and serial number.
 * Only the chain to the branch's real CA tells it apart.
 */
async function forgedCopyOf(identity: BranchIdentity): Promise<{ certPem: string; keyPem: string }> {
  const real = new x509.X509Certificate(identity.certPem);
  const realCa = new x509.X509Certificate(identity.caPem);
  const caKeys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: realCa.serialNumber,
      name: realCa.subject,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 365 * DAY),
      keys: caKeys,
      signingAlgorithm: EC,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ],
    },
    crypto,
  );
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: real.serialNumber,
      subject: real.subject,
      issuer: ca.subject,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 365 * DAY),
      signingKey: caKeys.privateKey,
      publicKey: keys.publicKey,
      signingAlgorithm: EC,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      ],
    },
    crypto,
  );
  return { certPem: cert.toString('pem'), keyPem: x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY') };
}

const makeKeys = promisify(generateKeyPair);

/** An enrollment attempt as a new device makes it: a fresh public key and the code, on the enrollment port. */
async function enrollRaw(branch: TestBranch, code: string): Promise<Outcome> {
  const { publicKey } = await makeKeys('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const body = JSON.stringify({ code, publicKeyPem: publicKey });
  return send(`https://127.0.0.1:${branch.server.enrollPort}/enroll`, { ca: branch.server.caPem }, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, body);
}

// How a refused handshake looks from the client's side.
/** No client certificate: OpenSSL itself ends the handshake with the certificate_required alert. */
const NO_CERTIFICATE = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';
/**
 * A certificate that does not chain to the branch's CA: Node's TLS server checks the chain when
 * the handshake completes and closes the connection without a word, before any request is read.
 */
const CLOSED_AT_HANDSHAKE = 'ECONNRESET';

// ---------------------------------------------------------------------------------------------

describe.skipIf(!postgresAvailable)('branch server refuses, and writes nothing', () => {
  let branch: TestBranch;
  let other: TestBranch;
  let w1: BranchIdentity;
  let apiUrl: string;

  beforeAll(async () => {
    [branch, other] = await Promise.all([startTestBranch('TEST-01'), startTestBranch('OTHER-02')]);
    w1 = await branch.enroll('W-01');
    apiUrl = `https://127.0.0.1:${branch.server.port}`;
    // Something on the tables, so that "nothing written" compares real counts.
    const c = new BranchClient(w1);
    await c.call('queue.setWindow', { window: '1', groups: ['A'], paused: false, operator: { login: 'aigerim', name: 'Aigerim' } });
    await c.call('queue.issue', issueInput());
    c.close();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => Promise.all([branch?.close(), other?.close()]));

  describe('an unenrolled client', () => {
    it('is refused at the TLS handshake when it has no client certificate', async () => {
      const body = JSON.stringify(issueInput());
      const outcome = await refusedWithoutWriting(branch.server.pool, () =>
        send(`${apiUrl}/api/queue.issue`, { ca: branch.server.caPem }, branchHeaders(w1, body), body),
      );
      expect(outcome).toEqual({ failed: NO_CERTIFICATE });
    });
  });

  describe('a wrong certificate', () => {
    it('is refused at the TLS handshake when another CA issued it, even with an enrolled device’s names and serial', async () => {
      const forged = await forgedCopyOf(w1);
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs({ ...w1, certPem: forged.certPem, keyPem: forged.keyPem }, 'queue.issue', issueInput()));
      expect(outcome).toEqual({ failed: CLOSED_AT_HANDSHAKE });
      // The same request with the genuine certificate is answered: it is the certificate that was refused.
      expect(await callAs(w1, 'hello', {})).toMatchObject({ status: 200, body: { ok: true } });
    });

    it('is refused with NOT_ENROLLED once its device is revoked', async () => {
      const identity = await branch.enroll('W-REVOKED');
      const client = new BranchClient(identity);
      await client.call('hello', {}); // the server now remembers the device
      expect(await revokeDevice(branch.server.pool, 'W-REVOKED')).toBe(true);
      // A revocation takes effect when the server's remembered look-up runs out: move its clock past it.
      const now = Date.now.bind(Date);
      vi.spyOn(Date, 'now').mockImplementation(() => now() + DEVICE_CACHE_MS + 1_000);
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(identity, 'queue.issue', issueInput()));
      expect(outcome).toEqual(refusal(403, 'NOT_ENROLLED'));
      await expect(client.call('queue.issue', issueInput())).rejects.toMatchObject({ error: { code: 'NOT_ENROLLED' } });
      client.close();
    });

    it('is refused with NOT_ENROLLED at once when its device has been enrolled again', async () => {
      const old = await branch.enroll('W-AGAIN');
      const oldClient = new BranchClient(old);
      await oldClient.call('hello', {}); // the server now remembers the old certificate
      const renewed = await branch.enroll('W-AGAIN');
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(old, 'queue.issue', issueInput()));
      expect(outcome).toEqual(refusal(403, 'NOT_ENROLLED'));
      await expect(oldClient.call('queue.issue', issueInput())).rejects.toMatchObject({ error: { code: 'NOT_ENROLLED' } });
      oldClient.close();
      // The new certificate is the device now.
      const renewedClient = new BranchClient(renewed);
      expect((await renewedClient.call('hello', {})).device).toEqual({ name: 'W-AGAIN', role: 'workstation' });
      renewedClient.close();
    });
  });

  describe('a replayed request', () => {
    it('is refused with REPLAYED when sent again byte for byte, and only one ticket is issued', async () => {
      const body = JSON.stringify(issueInput());
      const headers = branchHeaders(w1, body);
      const url = `${apiUrl}/api/queue.issue`;
      const before = await rowCounts(branch.server.pool);
      const first = await send(url, tlsOf(w1), headers, body);
      expect(first).toMatchObject({ status: 200, body: { ok: true } });
      const afterFirst = await rowCounts(branch.server.pool);
      expect(afterFirst.tickets).toBe(before.tickets + 1);
      const replay = await refusedWithoutWriting(branch.server.pool, () => send(url, tlsOf(w1), headers, body));
      expect(replay).toEqual(refusal(409, 'REPLAYED'));
      // The nonce is refused whatever the body: a replayed envelope with a new change in it writes nothing either.
      const tampered = JSON.stringify(issueInput());
      const changed = await refusedWithoutWriting(branch.server.pool, () =>
        send(url, tlsOf(w1), { ...headers, 'content-length': Buffer.byteLength(tampered) }, tampered),
      );
      expect(changed).toEqual(refusal(409, 'REPLAYED'));
    });

    it('is refused with STALE_REQUEST when its time is ten minutes off', async () => {
      for (const skew of [-10 * 60_000, 10 * 60_000]) {
        const time = new Date(Date.now() + skew).toISOString();
        const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', issueInput(), { [BRANCH_HEADERS.time]: time }));
        expect(outcome).toEqual(refusal(403, 'STALE_REQUEST'));
      }
    });

    it('is refused with REPLAYED when it carries no proper nonce', async () => {
      for (const nonce of ['', 'not-hex', 'ab'.repeat(15)]) {
        const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', issueInput(), { [BRANCH_HEADERS.nonce]: nonce }));
        expect(outcome).toEqual(refusal(403, 'REPLAYED'));
      }
    });
  });

  describe('a request from another branch', () => {
    it('is refused at the TLS handshake when another branch’s device calls this branch', async () => {
      const stranger = await other.enroll('W-01');
      // As enrolled, the stranger trusts only its own branch's CA: it refuses this server.
      const astray = { ...stranger, url: apiUrl };
      const refusedByClient = await refusedWithoutWriting(branch.server.pool, () => callAs(astray, 'queue.issue', issueInput()));
      expect(refusedByClient).toEqual({ failed: 'SELF_SIGNED_CERT_IN_CHAIN' });
      // Told to trust this branch's CA (which is no secret), it is refused by the server: its certificate is the other CA's.
      const trusting = { ...astray, caPem: branch.server.caPem };
      const refusedByServer = await refusedWithoutWriting(branch.server.pool, () => callAs(trusting, 'queue.issue', issueInput()));
      expect(refusedByServer).toEqual({ failed: CLOSED_AT_HANDSHAKE });
      // Its own branch answers it.
      expect(await callAs(stranger, 'hello', {})).toMatchObject({ status: 200, body: { ok: true, value: { branchId: 'OTHER-02' } } });
    });

    it('is refused with WRONG_BRANCH when an enrolled device names another branch', async () => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', issueInput(), { [BRANCH_HEADERS.branch]: 'OTHER-02' }));
      expect(outcome).toEqual(refusal(403, 'WRONG_BRANCH'));
    });
  });

  describe('another contract version', () => {
    it('is refused with CONTRACT_VERSION, telling an older workstation to update itself', async () => {
      const client = new BranchClient(w1, { contractVersion: 0 });
      await refusedWithoutWriting(branch.server.pool, () =>
        expect(client.call('queue.issue', issueInput())).rejects.toMatchObject({
          error: { code: 'CONTRACT_VERSION', update: 'workstation', serverVersion: BRANCH_CONTRACT_VERSION },
        }),
      );
      client.close();
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', issueInput(), { [BRANCH_HEADERS.contract]: '0' }));
      expect(outcome).toEqual({ status: 426, body: { ok: false, error: { code: 'CONTRACT_VERSION', update: 'workstation', serverVersion: BRANCH_CONTRACT_VERSION } } });
    });

    it('is refused with CONTRACT_VERSION, telling a newer workstation that the server needs updating', async () => {
      const client = new BranchClient(w1, { contractVersion: 99 });
      await refusedWithoutWriting(branch.server.pool, () =>
        expect(client.call('queue.issue', issueInput())).rejects.toMatchObject({
          error: { code: 'CONTRACT_VERSION', update: 'server', serverVersion: BRANCH_CONTRACT_VERSION },
        }),
      );
      client.close();
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', issueInput(), { [BRANCH_HEADERS.contract]: '99' }));
      expect(outcome).toEqual({ status: 426, body: { ok: false, error: { code: 'CONTRACT_VERSION', update: 'server', serverVersion: BRANCH_CONTRACT_VERSION } } });
    });
  });

  describe('an enrollment code', () => {
    it('is refused with ENROLLMENT_CODE when it was used already', async () => {
      const code = await branch.server.makeEnrollmentCode('W-ONCE', 'workstation');
      expect(await enrollRaw(branch, code)).toMatchObject({ status: 200, body: { ok: true } });
      const outcome = await refusedWithoutWriting(branch.server.pool, () => enrollRaw(branch, code));
      expect(outcome).toEqual(refusal(403, 'ENROLLMENT_CODE'));
      // The workstation's own enrollment says the same.
      await refusedWithoutWriting(branch.server.pool, () =>
        expect(enrollWithBranch({ enrollUrl: `https://127.0.0.1:${branch.server.enrollPort}`, apiUrl, caPem: branch.server.caPem, code })).rejects.toMatchObject({
          error: { code: 'ENROLLMENT_CODE' },
        }),
      );
    });

    it('is not spent when the API address given with it is not the branch API', async () => {
      const code = await branch.server.makeEnrollmentCode('W-TYPO', 'workstation');
      const enrollUrl = `https://127.0.0.1:${branch.server.enrollPort}`;
      // The two addresses swapped by mistake, and another branch's API under this branch's CA.
      for (const wrong of [enrollUrl, `https://127.0.0.1:${other.server.port}`]) {
        await refusedWithoutWriting(branch.server.pool, () =>
          expect(enrollWithBranch({ enrollUrl, apiUrl: wrong, caPem: branch.server.caPem, code })).rejects.toBeInstanceOf(BranchUnreachable),
        );
      }
      // Corrected, the same code still joins the workstation.
      expect(await enrollWithBranch({ enrollUrl, apiUrl, caPem: branch.server.caPem, code })).toMatchObject({ device: 'W-TYPO', branchId: 'TEST-01' });
    });

    it('is refused with ENROLLMENT_CODE when the branch never made it', async () => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () => enrollRaw(branch, 'ABCD-EFGH-JKLM-NPQR'));
      expect(outcome).toEqual(refusal(403, 'ENROLLMENT_CODE'));
    });

    it('is refused with VALIDATION when it is not shaped like a code', async () => {
      for (const code of ['', 'abcd-efgh-jkmn-pqrs', 'ABCD-EFGH-JKLM', `${'A'.repeat(4)}-`.repeat(4)]) {
        const outcome = await refusedWithoutWriting(branch.server.pool, () => enrollRaw(branch, code));
        expect(outcome).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION', issues: [{ path: 'code' }] } } });
      }
    });
  });

  describe('bad input from an enrolled device', () => {
    const valid = () => issueInput();
    it.each([
      ['an extra field', () => ({ ...valid(), ticketId: 1 }), ''],
      ['a number for the group', () => ({ ...valid(), group: 5 }), 'group'],
      ['a string for null', () => ({ ...valid(), priority: 'null' }), 'priority'],
      ['a missing key', () => ({ group: 'A', priority: null, regulationId: null }), 'idemKey'],
      ['a 1 MB regulation id', () => ({ ...valid(), regulationId: 'x'.repeat(1024 * 1024) }), 'regulationId'],
      ['an array for the body', () => [valid()], ''],
    ])('queue.issue with %s is refused with VALIDATION', async (_what, input, path) => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', input()));
      expect(outcome).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION' } } });
      expect((outcome as Answer).body.error!.issues!.map((i) => i.path)).toContain(path);
    });

    it('a body that is not JSON is refused with VALIDATION', async () => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', '{"group": "A",'));
      expect(outcome).toEqual({ status: 400, body: { ok: false, error: { code: 'VALIDATION', issues: [{ path: '', reason: 'json' }] } } });
    });

    it('a body over 4 MiB is refused with VALIDATION (413)', async () => {
      const huge = JSON.stringify({ ...valid(), regulationId: 'x'.repeat(4 * 1024 * 1024 + 1) });
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, 'queue.issue', huge));
      expect(outcome).toEqual({ status: 413, body: { ok: false, error: { code: 'VALIDATION', issues: [{ path: '', reason: 'tooLong' }] } } });
    });

    it.each(['queue.delete', 'constructor', '__proto__', ''])('an unknown call %j is refused with UNKNOWN_CALL', async (name) => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () => callAs(w1, name, valid()));
      expect(outcome).toEqual(refusal(404, 'UNKNOWN_CALL'));
    });

    it('a known call by GET is refused with UNKNOWN_CALL', async () => {
      const outcome = await refusedWithoutWriting(branch.server.pool, () =>
        send(`${apiUrl}/api/queue.issue`, tlsOf(w1), branchHeaders(w1, ''), '', 'GET'),
      );
      expect(outcome).toEqual(refusal(404, 'UNKNOWN_CALL'));
    });
  });
});
