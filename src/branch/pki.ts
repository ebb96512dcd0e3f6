/**
 * The branch's own certificate authority. It signs the server's TLS certificate and one client
 * certificate per enrolled device (workstation, kiosk, board); the server accepts on its API
 * only client certificates that chain to it and that its device table still lists.
 *
 * Made at the first start in the branch's data folder: `ca.crt`, `ca.key` (0600), `server.crt`,
 * `server.key` (0600). The administrator hands `ca.crt` to each workstation with its enrollment
 * code: the workstation then trusts this server and nothing else on the branch network.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto as webcrypto.Crypto;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

export interface BranchPki {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** A client certificate for an enrolled device's public key: CN = device, O = branch, OU = role. */
  issueDeviceCert(params: { publicKeyPem: string; device: string; role: string }): Promise<{ certPem: string; serial: string }>;
}

async function pkcs8Pem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

async function importSigningKey(pem: string): Promise<webcrypto.CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return crypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

function writeSecret(path: string, text: string) {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * A serial of 16 random bytes, positive and without a leading zero byte: the device table keys on
 * it, and TLS reports a certificate's serial without leading zeros (a serial 00ab… would be ab…,
 * and its device refused for good).
 */
function serialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x40 | (bytes[0]! & 0x3f);
  return bytes.toString('hex');
}

export async function loadOrCreateBranchPki(dir: string, branchId: string, hostnames: string[]): Promise<BranchPki> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCrt = join(dir, 'ca.crt');
  const caKey = join(dir, 'ca.key');
  if (!existsSync(caCrt) || !existsSync(caKey)) {
    const keys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const ca = await x509.X509CertificateGenerator.createSelfSigned(
      {
        serialNumber: serialHex(),
        name: `CN=AZhO branch ${branchId} CA, O=${branchId}`,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + 10 * 365 * DAY),
        keys,
        signingAlgorithm: ALGORITHM,
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        ],
      },
      crypto,
    );
    writeSecret(caKey, await pkcs8Pem(keys.privateKey));
    writeFileSync(caCrt, ca.toString('pem'));
  }
  const caPem = readFileSync(caCrt, 'utf8');
  const ca = new x509.X509Certificate(caPem);
  if (!ca.subject.includes(`O=${branchId}`)) {
    throw new Error(`The certificate authority in ${dir} belongs to another branch (${ca.subject}); start with that branch's id or another data folder.`);
  }
  const caSigningKey = await importSigningKey(readFileSync(caKey, 'utf8'));
  const caPublic = await ca.publicKey.export(crypto);

  const issue = async (subject: string, publicKey: webcrypto.CryptoKey, extensions: x509.Extension[], days: number) => {
    const serial = serialHex();
    const cert = await x509.X509CertificateGenerator.create(
      {
        serialNumber: serial,
        subject,
        issuer: ca.subject,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + days * DAY),
        signingKey: caSigningKey,
        publicKey,
        signingAlgorithm: ALGORITHM,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
          await x509.AuthorityKeyIdentifierExtension.create(caPublic, false, crypto),
          ...extensions,
        ],
      },
      crypto,
    );
    return { certPem: cert.toString('pem'), serial };
  };

  // The server's certificate is made again at every start for the names it is given.
  const serverKeys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const names = hostnames.map((h) => (/^[\d.]+$|:/.test(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h }));
  const server = await issue(
    `CN=${hostnames[0] ?? 'localhost'}, O=${branchId}`,
    serverKeys.publicKey,
    [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
    ],
    90,
  );
  const serverKeyPem = await pkcs8Pem(serverKeys.privateKey);
  writeFileSync(join(dir, 'server.crt'), server.certPem);
  writeSecret(join(dir, 'server.key'), serverKeyPem);

  return {
    caPem,
    serverCertPem: server.certPem,
    serverKeyPem,
    async issueDeviceCert({ publicKeyPem, device, role }) {
      const spki = x509.PemConverter.decodeFirst(publicKeyPem);
      const publicKey = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      return issue(
        `CN=${device}, OU=${role}, O=${branchId}`,
        publicKey,
        [
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        ],
        3 * 365,
      );
    },
  };
}
