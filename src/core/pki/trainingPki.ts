/**
 * The training PKI: a root and an intermediate ("НУЦ") authority and operators' key
 * containers (.p12) in the shape of НУЦ РК's RSA certificates — one valid, one expired, one
 * revoked, one for authentication only, one from a root nobody trusts, and the administrator's.
 * Used by scripts/training-pki.ts (which writes resources/training-pki/) and by the tests.
 *
 * Certificates and CRLs are made with @peculiar/x509 on Node's WebCrypto, the containers with
 * node-forge. The authorities' private keys stay in this closure: only `issueCrl` can use the
 * intermediate's again, so a test can make a stale CRL; nothing writes them anywhere.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { iinNear } from '../../shared/iin';
import { kzName, toPem, x509 } from './x509';

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const SIGNING = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const DAY = 86_400_000;
const YEAR = 365 * DAY;

/** НУЦ РК marks an individual's certificate with this policy-like extended key usage. */
export const OID_KZ_INDIVIDUAL = '1.2.398.3.3.4.1.1';

export const TRAINING_PASSWORD = 'Training-2026';

export type TrainingHolder = 'valid' | 'expired' | 'revoked' | 'authOnly' | 'untrusted' | 'admin';

export interface TrainingContainer {
  holder: TrainingHolder;
  /** The file name resources/training-pki/ gives it. */
  file: string;
  p12: Uint8Array;
  certPem: string;
  subject: string;
  iin: string;
  notBefore: Date;
  notAfter: Date;
  /** What the workstation says when this key signs. */
  expect: string;
}

export interface TrainingPki {
  rootPem: string;
  intermediatePem: string;
  /** Root and intermediate: what the administrator pastes as the trusted roots. */
  trustedPem: string;
  /** The root's CRL (for the intermediate) and the intermediate's (listing the revoked operator). */
  crlPem: string;
  untrustedRootPem: string;
  password: string;
  containers: Record<TrainingHolder, TrainingContainer>;
  /** Another CRL from the intermediate, with the dates asked (the revoked operator listed). */
  issueCrl(params: { thisUpdate: Date; nextUpdate: Date }): Promise<string>;
  /**
   * The intermediate answering as its own OCSP responder: a DER OCSPResponse to a DER
   * OCSPRequest — revoked for the revoked operator, good for the intermediate's other
   * certificates, unknown for anyone else's.
   */
  ocspRespond(request: Uint8Array, now?: Date): Promise<Uint8Array>;
}

/** A valid IIN for a birth date (yymmdd), century/sex digit and serial. */
export const iinFor = iinNear;

/** The test operator's and the administrator's IINs (test/support: makeIin). */
export const OPERATOR_IIN = iinFor('880512', '3', 77);
export const ADMIN_IIN = iinFor('850315', '4', 12);

interface Authority {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

const subtle = webcrypto.subtle;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

async function rsaKeys(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function makeRoot(name: string, now: Date): Promise<Authority> {
  const keys = await rsaKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    notBefore: new Date(now.getTime() - 3 * YEAR),
    notAfter: new Date(now.getTime() + 20 * YEAR),
    keys,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

async function makeIntermediate(name: string, root: Authority, now: Date): Promise<Authority> {
  const keys = await rsaKeys();
  const cert = await x509.X509CertificateGenerator.create({
    subject: name,
    issuer: root.cert.subjectName,
    notBefore: new Date(now.getTime() - 3 * YEAR),
    notAfter: new Date(now.getTime() + 15 * YEAR),
    publicKey: keys.publicKey,
    signingKey: root.keys.privateKey,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey),
    ],
  });
  return { cert, keys };
}

interface HolderSpec {
  holder: TrainingHolder;
  file: string;
  subject: string;
  iin: string;
  usage: 'sign' | 'auth';
  from: Date;
  to: Date;
  issuer: Authority;
  chain: x509.X509Certificate[];
  expect: string;
}

async function makeContainer(spec: HolderSpec, password: string): Promise<TrainingContainer & { serialNumber: string }> {
  const keys = await rsaKeys();
  const usage =
    spec.usage === 'sign'
      ? new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)
      : new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true);
  const eku = new x509.ExtendedKeyUsageExtension([
    spec.usage === 'sign' ? x509.ExtendedKeyUsage.emailProtection : x509.ExtendedKeyUsage.clientAuth,
    OID_KZ_INDIVIDUAL,
  ]);
  const cert = await x509.X509CertificateGenerator.create({
    subject: kzName(spec.subject),
    issuer: spec.issuer.cert.subjectName,
    notBefore: spec.from,
    notAfter: spec.to,
    publicKey: keys.publicKey,
    signingKey: spec.issuer.keys.privateKey,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      usage,
      eku,
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.keys.publicKey),
    ],
  });

  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey));
  const key = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(pkcs8).toString('binary'))));
  const certs = [cert, ...spec.chain].map((c) => forge.pki.certificateFromPem(c.toString('pem')));
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key as forge.pki.rsa.PrivateKey, certs, password, {
    algorithm: '3des',
    friendlyName: spec.holder,
    generateLocalKeyId: true,
  });
  const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'));
  return {
    holder: spec.holder,
    file: spec.file,
    p12,
    certPem: cert.toString('pem'),
    subject: spec.subject,
    iin: spec.iin,
    notBefore: spec.from,
    notAfter: spec.to,
    expect: spec.expect,
    serialNumber: cert.serialNumber,
  };
}

export async function createTrainingPki(options: { now?: Date; password?: string } = {}): Promise<TrainingPki> {
  const now = options.now ?? new Date();
  const password = options.password ?? TRAINING_PASSWORD;
  const root = await makeRoot('CN=AZhO TRAINING ROOT CA - NOT FOR REAL SIGNATURES, O=AZhO training PKI, C=KZ', now);
  const nca = await makeIntermediate('CN=AZhO TRAINING NCA (RSA), O=AZhO training PKI, C=KZ', root, now);
  const stranger = await makeRoot('CN=UNKNOWN ROOT CA, O=Not trusted by the workstation, C=KZ', now);

  const from = new Date(now.getTime() - DAY);
  const to = new Date(now.getTime() + 10 * YEAR);
  const operator = `CN=СЕЙІТОВ НҰРЛАН, SURNAME=СЕЙІТОВ, SERIALNUMBER=IIN${OPERATOR_IIN}, C=KZ, GIVENNAME=ҚАЙРАТҰЛЫ`;
  const admin = `CN=ӘБІЛҚАСЫМОВА ГҮЛНАР, SURNAME=ӘБІЛҚАСЫМОВА, SERIALNUMBER=IIN${ADMIN_IIN}, C=KZ, GIVENNAME=СЕРІКҚЫЗЫ`;
  const chain = [nca.cert, root.cert];
  const specs: HolderSpec[] = [
    { holder: 'valid', file: 'operator-valid.p12', subject: operator, iin: OPERATOR_IIN, usage: 'sign', from, to, issuer: nca, chain, expect: 'signs and verifies' },
    {
      holder: 'expired', file: 'operator-expired.p12', subject: operator, iin: OPERATOR_IIN, usage: 'sign',
      from: new Date(now.getTime() - 2 * YEAR), to: new Date(now.getTime() - YEAR), issuer: nca, chain, expect: 'CERT_EXPIRED',
    },
    { holder: 'revoked', file: 'operator-revoked.p12', subject: operator, iin: OPERATOR_IIN, usage: 'sign', from, to, issuer: nca, chain, expect: 'CERT_REVOKED' },
    { holder: 'authOnly', file: 'operator-auth-only.p12', subject: operator, iin: OPERATOR_IIN, usage: 'auth', from, to, issuer: nca, chain, expect: 'CERT_KEY_USAGE' },
    {
      holder: 'untrusted', file: 'operator-untrusted-root.p12', subject: operator, iin: OPERATOR_IIN, usage: 'sign', from, to,
      issuer: stranger, chain: [stranger.cert], expect: 'CERT_UNTRUSTED',
    },
    {
      holder: 'admin', file: 'admin-valid.p12', subject: admin, iin: ADMIN_IIN, usage: 'sign', from, to, issuer: nca, chain,
      expect: "signs and verifies for the administrator; CERT_IIN_MISMATCH when the operator is logged in",
    },
  ];
  const made = await Promise.all(specs.map((s) => makeContainer(s, password)));
  const revokedSerial = made.find((c) => c.holder === 'revoked')!.serialNumber;
  const containers = Object.fromEntries(made.map(({ serialNumber: _s, ...c }) => [c.holder, c])) as Record<TrainingHolder, TrainingContainer>;

  // PEM labelled `X509 CRL` (RFC 7468, as OpenSSL writes it), not the library's `CRL`.
  const crl = async (ca: Authority, thisUpdate: Date, nextUpdate: Date, serials: string[]) => {
    const list = await x509.X509CrlGenerator.create({
      issuer: ca.cert.subjectName,
      thisUpdate,
      nextUpdate,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: SIGNING,
      entries: serials.map((serialNumber) => ({
        serialNumber,
        revocationDate: new Date(now.getTime() - DAY / 2),
        reason: x509.X509CrlReason.keyCompromise,
      })),
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey)],
    });
    return toPem(list.rawData, 'X509 CRL');
  };

  const thisUpdate = new Date(now.getTime() - 3_600_000);
  const farAhead = new Date(now.getTime() + 10 * YEAR);
  const rootCrl = await crl(root, thisUpdate, farAhead, []);
  const ncaCrl = await crl(nca, thisUpdate, farAhead, [revokedSerial]);

  return {
    rootPem: root.cert.toString('pem'),
    intermediatePem: nca.cert.toString('pem'),
    trustedPem: `${root.cert.toString('pem')}\n${nca.cert.toString('pem')}\n`,
    crlPem: `${rootCrl}\n${ncaCrl}\n`,
    untrustedRootPem: stranger.cert.toString('pem'),
    password,
    containers,
    issueCrl: ({ thisUpdate: t, nextUpdate: n }) => crl(nca, t, n, [revokedSerial]),
    ocspRespond: (request, at) => ocspRespond(nca, revokedSerial, new Date(now.getTime() - DAY / 2), request, at ?? new Date()),
  };
}

const stripZeros = (hex: string) => hex.replace(/^(00)+(?=.)/, '').toLowerCase();

async function ocspRespond(ca: Authority, revokedSerial: string, revokedAt: Date, requestDer: Uint8Array, now: Date): Promise<Uint8Array> {
  const caCert = pkijs.Certificate.fromBER(new Uint8Array(ca.cert.rawData));
  const caKeyHash = createHash('sha1').update(caCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest('hex');
  const request = pkijs.OCSPRequest.fromBER(requestDer);
  const responses = request.tbsRequest.requestList.map(({ reqCert }) => {
    const serial = stripZeros(Buffer.from(reqCert.serialNumber.valueBlock.valueHexView).toString('hex'));
    const ours = Buffer.from(reqCert.issuerKeyHash.valueBlock.valueHexView).toString('hex') === caKeyHash;
    const certStatus = !ours
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } }) // unknown
      : serial === stripZeros(revokedSerial)
        ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: revokedAt })] })
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } }); // good
    return new pkijs.SingleResponse({ certID: reqCert, certStatus, thisUpdate: now, nextUpdate: new Date(now.getTime() + DAY) });
  });
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({ responderID: caCert.subject, producedAt: now, responses }),
    certs: [caCert],
  });
  await basic.sign(ca.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: '1.3.6.1.5.5.7.48.1.1',
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
