/**
 * Verifying the operator's signature before it is kept: first the XML-DSig (or CMS) signature
 * itself, then its certificate — chain to a configured trusted root, validity at signing time,
 * key usage, the operator's IIN, and revocation (OCSP when configured and answering, the CRL
 * otherwise). Every refusal is an AppError with the code the operator is shown.
 *
 * Against signature wrapping an XML signature is accepted in one shape only: exactly one
 * Signature, a child of the document element, with exactly one Reference that covers the whole
 * document (URI="" or the document element's own Id), transforms limited to enveloped-signature
 * and a canonicalization, RSA with SHA-256/512. What the caller reads afterwards is the
 * canonical content the signature covers (`signedContent`), not the document as received.
 *
 * Kept whole (some 400 lines): the signature's checks and the certificate's are one verdict, in
 * one order, and a reviewer of the defence against wrapping must see all of it at once.
 */
import { createPublicKey } from 'node:crypto';
import * as pkijs from 'pkijs';
import { DOMParser, onErrorStopParsing, type Element as XmlElement } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { askOcsp, type OcspStatus } from './ocsp';
import { SigningError, signatureRefused } from './signer';
import { KZ_NAMES, certificatesFromPem, crlsFromPem, nameText, ownBuffer, toPem, x509 } from './x509';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const CANONICALIZATIONS = new Set([
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);
const SIGNATURE_METHODS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
]);
const DIGEST_METHODS = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);

const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
/** Purposes that make a key a signing key when an ExtendedKeyUsage is present. */
const SIGNING_PURPOSES = new Set(['1.3.6.1.5.5.7.3.4' /* emailProtection */, '2.5.29.37.0' /* any */, '1.3.6.1.5.5.7.3.36' /* documentSigning */]);

export interface TrustSettings {
  /** PEM certificates: the trusted roots (self-signed) and, optionally, intermediate authorities. */
  trustedRootsPem: string;
  /** PEM CRLs of the authorities. */
  crlPem: string;
  /** An OCSP responder to ask about the signer's certificate (null: CRL only). */
  ocspUrl?: string | null;
  ocspTimeoutMs?: number;
}

export interface VerifyOptions extends TrustSettings {
  /** The logged-in operator's IIN: the certificate's SERIALNUMBER must be IIN + this. */
  expectedIin: string;
  /** When the document was signed (the certificate must be valid then). Default: now. */
  signedAt?: Date;
  /** When revocation information must be current. Default: now. */
  now?: Date;
}

export interface CertificateSummary {
  /** The subject as written, e.g. `CN=СЕЙІТОВ НҰРЛАН, SERIALNUMBER=IIN880512300779, C=KZ`. */
  subject: string;
  iin: string;
  /** Hex serial number of the certificate. */
  serialNumber: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

export interface VerifiedXml extends CertificateSummary {
  /** The canonical XML the signature covers (without the Signature): read the request from this. */
  signedContent: string;
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
}

export interface VerifiedCms extends CertificateSummary {
  /** The signed bytes: those inside the CMS, or the detached ones given. */
  content: Uint8Array;
  certificate: Uint8Array;
}

// ---------------------------------------------------------------- XML-DSig

function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === n.ELEMENT_NODE) out.push(n as XmlElement);
  return out;
}

function dsChild(el: XmlElement, name: string): XmlElement[] {
  return elementChildren(el).filter((c) => c.namespaceURI === DSIG && c.localName === name);
}

function one(el: XmlElement, name: string): XmlElement {
  const found = dsChild(el, name);
  if (found.length !== 1) throw signatureRefused('signature.malformed', `${name} ×${found.length}`);
  return found[0]!;
}

function algorithm(el: XmlElement): string {
  return el.getAttribute('Algorithm') ?? '';
}

function idsOf(el: XmlElement): string[] {
  return ['Id', 'ID', 'id'].filter((a) => el.hasAttribute(a)).map((a) => el.getAttribute(a) ?? '');
}

/** Checks the Signature's shape (see the file's comment) and returns it with the signer's certificates. */
function inspect(xml: string): { signature: XmlElement; certificates: Uint8Array[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw signatureRefused('signature.malformed', 'DOCTYPE');
  let root: XmlElement | null;
  let all: XmlElement[];
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
    all = Array.from(doc.getElementsByTagNameNS('*', '*'));
  } catch (e) {
    throw signatureRefused('signature.malformed', e instanceof Error ? e.message : 'xml');
  }
  if (!root) throw signatureRefused('signature.malformed', 'no document element');

  const signatures = all.filter((e) => e.namespaceURI === DSIG && e.localName === 'Signature');
  if (signatures.length !== 1) throw signatureRefused(signatures.length ? 'signature.scope' : 'signature.malformed', `${signatures.length} signatures`);
  const signature = signatures[0]!;
  if (signature.parentNode !== root) throw signatureRefused('signature.scope', 'not a child of the document element');
  // A Reference anywhere else (in an Object's Manifest) is not looked at by anyone: refuse it.
  if (all.filter((e) => e.namespaceURI === DSIG && e.localName === 'Reference').length !== 1) {
    throw signatureRefused('signature.scope', 'more than one Reference');
  }

  const signedInfo = one(signature, 'SignedInfo');
  const c14n = algorithm(one(signedInfo, 'CanonicalizationMethod'));
  if (!CANONICALIZATIONS.has(c14n)) throw signatureRefused('signature.unsupported', c14n);
  const method = algorithm(one(signedInfo, 'SignatureMethod'));
  if (!SIGNATURE_METHODS.has(method)) throw signatureRefused('signature.unsupported', method);
  const reference = one(signedInfo, 'Reference');

  if (!reference.hasAttribute('URI')) throw signatureRefused('signature.scope', 'no URI');
  const uri = reference.getAttribute('URI') ?? '';
  if (uri !== '') {
    const id = uri.startsWith('#') ? uri.slice(1) : null;
    const holders = id === null ? [] : all.filter((e) => idsOf(e).includes(id));
    if (id === null || holders.length !== 1 || holders[0] !== root) throw signatureRefused('signature.scope', `URI ${uri}`);
  }
  const transforms = dsChild(reference, 'Transforms');
  const list = transforms.length === 1 ? dsChild(transforms[0]!, 'Transform').map(algorithm) : [];
  if (transforms.length > 1 || list.length === 0 || list[0] !== ENVELOPED || list.length > 2 || (list.length === 2 && !CANONICALIZATIONS.has(list[1]!))) {
    throw signatureRefused('signature.unsupported', `transforms ${list.join(' ')}`);
  }
  const digest = algorithm(one(reference, 'DigestMethod'));
  if (!DIGEST_METHODS.has(digest)) throw signatureRefused('signature.unsupported', digest);

  const keyInfo = one(signature, 'KeyInfo');
  const certificates = dsChild(keyInfo, 'X509Data')
    .flatMap((d) => dsChild(d, 'X509Certificate'))
    .map((c) => new Uint8Array(Buffer.from((c.textContent ?? '').replace(/\s+/g, ''), 'base64')));
  if (certificates.length === 0) throw signatureRefused('signature.malformed', 'no certificate in KeyInfo');
  return { signature, certificates };
}

/**
 * Verifies an enveloped XML-DSig document and its signer's certificate. Refusals:
 * SIGNATURE_INVALID (the signature itself: detail says why), then the CERT_* codes.
 */
export async function verifySignedXml(xml: string, options: VerifyOptions): Promise<VerifiedXml> {
  const { signature, certificates } = inspect(xml);
  const signer = certificates[0]!;
  let pem: string;
  try {
    pem = toPem(signer, 'CERTIFICATE');
    createPublicKey(pem); // a certificate Node can read a key from
  } catch {
    throw signatureRefused('signature.malformed', 'certificate');
  }

  const sig = new SignedXml({ publicCert: pem, getCertFromKeyInfo: () => null });
  let valid = false;
  try {
    sig.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
    valid = sig.checkSignature(xml);
  } catch (e) {
    throw signatureRefused('signature.invalid', e instanceof Error ? e.message : undefined);
  }
  const signed = valid ? sig.getSignedReferences() : [];
  if (!valid || signed.length !== 1) throw signatureRefused('signature.invalid');

  const summary = await checkCertificate(signer, certificates.slice(1), options);
  return { ...summary, signedContent: signed[0]!, certificate: signer };
}

// ---------------------------------------------------------------- CMS

/**
 * Verifies a CMS SignedData (DER) — attached, or detached with the bytes given — and its
 * signer's certificate, as verifySignedXml does.
 */
export async function verifyCms(cms: Uint8Array, options: VerifyOptions & { data?: Uint8Array }): Promise<VerifiedCms> {
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(cms);
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    throw signatureRefused('signature.malformed', e instanceof Error ? e.message : 'cms');
  }
  if (signedData.signerInfos.length !== 1) throw signatureRefused('signature.malformed', `${signedData.signerInfos.length} signers`);
  const eContent = signedData.encapContentInfo.eContent;
  const content = eContent ? new Uint8Array(eContent.getValue()) : options.data;
  if (!content) throw signatureRefused('signature.malformed', 'detached, no data');
  if (eContent && options.data && !Buffer.from(content).equals(Buffer.from(options.data))) {
    throw signatureRefused('signature.invalid', 'attached content differs');
  }

  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signedData.verify({
      signer: 0,
      checkChain: false,
      extendedMode: true,
      ...(eContent ? {} : { data: ownBuffer(content) }),
    });
  } catch (e) {
    const r = e as Partial<pkijs.SignedDataVerifyResult>;
    throw signatureRefused('signature.invalid', r?.message ?? (e instanceof Error ? e.message : undefined));
  }
  if (!result.signatureVerified || !result.signerCertificate) throw signatureRefused('signature.invalid', result.message);

  const signer = new Uint8Array(result.signerCertificate.toSchema(true).toBER(false));
  const others = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new Uint8Array(c.toSchema(true).toBER(false)))
    .filter((der) => !Buffer.from(der).equals(Buffer.from(signer)));
  const summary = await checkCertificate(signer, others, options);
  return { ...summary, content, certificate: signer };
}

// ---------------------------------------------------------------- the certificate

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function sameName(a: x509.Name, b: x509.Name): boolean {
  return sameBytes(a.toArrayBuffer(), b.toArrayBuffer());
}

function untrusted(detail: string): SigningError {
  return new SigningError('CERT_UNTRUSTED', detail);
}

/** The IIN in a subject's SERIALNUMBER (НУЦ РК writes `IIN` and the twelve digits), if any. */
export function iinOfSubject(name: x509.Name): string | null {
  const values = new x509.Name(name.toArrayBuffer(), KZ_NAMES).getField('SERIALNUMBER');
  for (const v of values) {
    const m = /^IIN(\d{12})$/.exec(v);
    if (m) return m[1]!;
  }
  return null;
}

async function buildChain(leaf: x509.X509Certificate, extra: x509.X509Certificate[], trusted: x509.X509Certificate[]): Promise<x509.X509Certificate[]> {
  const roots: x509.X509Certificate[] = [];
  for (const t of trusted) if (await t.isSelfSigned()) roots.push(t);
  if (roots.length === 0) throw untrusted('no trusted root configured');

  let chain: x509.X509Certificate[];
  try {
    chain = Array.from(await new x509.X509ChainBuilder({ certificates: [...trusted, ...extra] }).build(leaf));
  } catch (e) {
    throw untrusted(e instanceof Error ? e.message : 'chain');
  }
  const top = chain[chain.length - 1]!;
  if (chain.length < 2 || !(await top.isSelfSigned()) || !roots.some((r) => sameBytes(r.rawData, top.rawData))) {
    throw untrusted(`chain ends at ${top.issuer}`);
  }
  // Every issuer must be a certification authority allowed to sign certificates this deep.
  for (let i = 1; i < chain.length; i++) {
    const ca = chain[i]!;
    const bc = ca.getExtension(x509.BasicConstraintsExtension);
    if (!bc?.ca) throw untrusted(`${ca.subject} is not a CA`);
    if (bc.pathLength !== undefined && i - 1 > bc.pathLength) throw untrusted(`path too long under ${ca.subject}`);
    const ku = ca.getExtension(x509.KeyUsagesExtension);
    if (ku && !(ku.usages & x509.KeyUsageFlags.keyCertSign)) throw untrusted(`${ca.subject} may not sign certificates`);
  }
  return chain;
}

function checkValidity(chain: x509.X509Certificate[], at: Date): void {
  for (const c of chain) {
    if (at < c.notBefore || at > c.notAfter) throw new SigningError('CERT_EXPIRED', `${c.subject}: ${c.notBefore.toISOString()}..${c.notAfter.toISOString()}`);
  }
}

function checkKeyUsage(leaf: x509.X509Certificate): void {
  const bc = leaf.getExtension(x509.BasicConstraintsExtension);
  if (bc?.ca) throw new SigningError('CERT_KEY_USAGE', 'a CA certificate');
  const ku = leaf.getExtension(x509.KeyUsagesExtension);
  const signing = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  if (!ku || !(ku.usages & signing)) throw new SigningError('CERT_KEY_USAGE', `key usage ${ku?.usages ?? 'absent'}`);
  // НУЦ РК's authentication keys also carry digitalSignature: what tells them apart is the
  // extended key usage (clientAuth, not emailProtection).
  const eku = leaf.getExtension(x509.ExtendedKeyUsageExtension);
  if (eku) {
    const purposes = eku.usages.map(String);
    const authOnly = purposes.some((p) => p === OID_CLIENT_AUTH || p === OID_SERVER_AUTH) && !purposes.some((p) => SIGNING_PURPOSES.has(p));
    if (authOnly) throw new SigningError('CERT_KEY_USAGE', `extended key usage ${purposes.join(' ')}`);
  }
}

function checkIin(leaf: x509.X509Certificate, expected: string): string {
  const iin = iinOfSubject(leaf.subjectName);
  if (iin === null || iin !== expected) throw new SigningError('CERT_IIN_MISMATCH', `certificate IIN ${iin ?? 'none'}`);
  return iin;
}

/** CRLs from the configured text that belong to the issuer and carry its signature. */
async function crlsOf(issuer: x509.X509Certificate, crls: x509.X509Crl[]): Promise<x509.X509Crl[]> {
  const own: x509.X509Crl[] = [];
  for (const crl of crls) {
    if (!sameName(crl.issuerName, issuer.subjectName)) continue;
    try {
      if (await crl.verify({ publicKey: issuer })) own.push(crl);
    } catch {
      // a CRL that does not verify is ignored, as if absent
    }
  }
  return own;
}

async function checkRevocation(chain: x509.X509Certificate[], options: VerifyOptions): Promise<void> {
  const now = options.now ?? new Date();
  let crls: x509.X509Crl[];
  try {
    crls = crlsFromPem(options.crlPem);
  } catch {
    crls = [];
  }
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;

    let ocsp: OcspStatus | null = null;
    if (i === 0 && options.ocspUrl) {
      ocsp = await askOcsp(new Uint8Array(cert.rawData), new Uint8Array(issuer.rawData), {
        url: options.ocspUrl,
        now,
        ...(options.ocspTimeoutMs ? { timeoutMs: options.ocspTimeoutMs } : {}),
        trusted: [new Uint8Array(chain[chain.length - 1]!.rawData)],
      });
      if (ocsp === 'revoked') throw new SigningError('CERT_REVOKED', `OCSP: ${cert.subject}`);
    }

    const own = await crlsOf(issuer, crls);
    for (const crl of own) {
      const entry = crl.findRevoked(cert.serialNumber);
      if (entry && entry.reason !== x509.X509CrlReason.removeFromCRL) {
        throw new SigningError('CERT_REVOKED', `${cert.subject} on the CRL of ${issuer.subject} since ${entry.revocationDate.toISOString()}`);
      }
    }
    if (ocsp === 'good') continue;
    const current = own.some((crl) => crl.thisUpdate <= now && crl.nextUpdate !== undefined && now <= crl.nextUpdate);
    if (!current) throw new SigningError('CERT_REVOCATION_UNKNOWN', `no current CRL from ${issuer.subject}`);
  }
}

/**
 * Checks a signer's certificate (DER), with any certificates the signature carried as chain
 * candidates: CERT_UNTRUSTED, CERT_EXPIRED, CERT_KEY_USAGE, CERT_IIN_MISMATCH, CERT_REVOKED,
 * CERT_REVOCATION_UNKNOWN — in that order.
 */
export async function checkCertificate(certificate: Uint8Array, carried: Uint8Array[], options: VerifyOptions): Promise<CertificateSummary> {
  let leaf: x509.X509Certificate;
  let extra: x509.X509Certificate[];
  let trusted: x509.X509Certificate[];
  try {
    leaf = new x509.X509Certificate(certificate);
  } catch {
    throw signatureRefused('signature.malformed', 'certificate');
  }
  try {
    extra = carried.map((der) => new x509.X509Certificate(der));
  } catch {
    extra = [];
  }
  try {
    trusted = certificatesFromPem(options.trustedRootsPem);
  } catch {
    throw untrusted('trusted roots unreadable');
  }

  const chain = await buildChain(leaf, extra, trusted);
  checkValidity(chain, options.signedAt ?? new Date());
  checkKeyUsage(leaf);
  const iin = checkIin(leaf, options.expectedIin);
  await checkRevocation(chain, options);

  return {
    subject: nameText(leaf.subjectName),
    iin,
    serialNumber: leaf.serialNumber,
    issuer: nameText(leaf.issuerName),
    validFrom: leaf.notBefore.toISOString(),
    validTo: leaf.notAfter.toISOString(),
  };
}
