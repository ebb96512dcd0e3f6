/**
 * The software signer: the operator's key container (.p12, as НУЦ РК issues RSA keys) and its
 * password. node-forge opens the container; xml-crypto makes the enveloped XML-DSig
 * (RSA-SHA256, exclusive c14n, the certificate and its chain in KeyInfo/X509Data); pkijs makes
 * CMS SignedData. Node's crypto does the RSA operations — nothing here is hand-rolled.
 *
 * The container is opened again for every call and the private key is dropped when the call
 * returns: the signer object holds only the container's bytes and its password, which the
 * caller drops with the signer (one per signing request). JavaScript cannot wipe memory, so
 * "dropped" means unreachable, not zeroed.
 */
import { createHash, createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignedXml } from 'xml-crypto';
import { SigningError, type Signer } from './signer';
import { ownBuffer, toPem } from './x509';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const ALG_RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const ALG_SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const ALG_EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ALG_ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

/** The largest container accepted: a real one is a few kilobytes. */
const MAX_CONTAINER_BYTES = 64 * 1024;

export interface OpenedContainer {
  /** The signing key, as a Node KeyObject (PKCS#8 inside). */
  key: KeyObject;
  /** DER of the certificate that goes with the key. */
  certificate: Uint8Array;
  /** DER of the other certificates in the container (the issuing authorities), leaf-most first. */
  chain: Uint8Array[];
}

function bytesToBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

function binaryToBytes(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

function isPasswordFailure(message: string): boolean {
  return /invalid password|wrong password|failed to decrypt|unable to decrypt/i.test(message);
}

function refusal(e: unknown): SigningError {
  const message = e instanceof Error ? e.message : String(e);
  return isPasswordFailure(message) ? new SigningError('KEY_PASSWORD_WRONG') : new SigningError('KEY_CONTAINER_INVALID', message);
}

function parsePkcs12(container: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  const asn1 = () => forge.asn1.fromDer(forge.util.createBuffer(bytesToBinary(container)), false);
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1(), false, password);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/MAC could not be verified/.test(message) || !/[^\x20-\x7e]/.test(password)) throw refusal(e);
  }
  // The MAC (over the password as UTF-16, as PKCS#12 says) has just matched, so the password is
  // right — but PBES2 (AES, OpenSSL 3's default) derives the keys from its UTF-8 bytes, which
  // node-forge takes only as a binary string. Open the contents again that way, without the
  // MAC, which was checked above and would not match those bytes.
  try {
    const pfx = asn1();
    if (Array.isArray(pfx.value)) pfx.value = pfx.value.slice(0, 2);
    return forge.pkcs12.pkcs12FromAsn1(pfx, false, Buffer.from(password, 'utf8').toString('binary'));
  } catch (e) {
    throw refusal(e);
  }
}

/**
 * Opens a PKCS#12 container: the key whose certificate is in it, that certificate and the
 * rest. KEY_PASSWORD_WRONG when the password does not open it, KEY_CONTAINER_INVALID when the
 * bytes are not a container this workstation can use (not PKCS#12, no RSA key, no certificate
 * for the key — a GOST container, for one).
 */
export function openPkcs12(container: Uint8Array, password: string): OpenedContainer {
  if (container.byteLength === 0 || container.byteLength > MAX_CONTAINER_BYTES) {
    throw new SigningError('KEY_CONTAINER_INVALID', `size ${container.byteLength}`);
  }
  const p12 = parsePkcs12(container, password);

  const keys: forge.pki.rsa.PrivateKey[] = [];
  const certs: { cert: forge.pki.Certificate | null; der: Uint8Array }[] = [];
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        if (bag.key) keys.push(bag.key);
      } else if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        if (asn1) certs.push({ cert: bag.cert ?? null, der: binaryToBytes(forge.asn1.toDer(asn1).getBytes()) });
      }
    }
  }

  for (const key of keys) {
    const own = certs.find((c) => {
      const pub = c.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return pub?.n !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
    });
    if (!own) continue;
    const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
    const der = Buffer.from(forge.asn1.toDer(pkcs8).getBytes(), 'binary');
    try {
      return {
        key: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
        certificate: own.der,
        chain: certs.filter((c) => c !== own).map((c) => c.der),
      };
    } finally {
      der.fill(0);
    }
  }
  throw new SigningError('KEY_CONTAINER_INVALID', keys.length ? 'no certificate for the key' : 'no RSA key');
}

function certificatePem(der: Uint8Array): string {
  return toPem(der, 'CERTIFICATE');
}

function base64Body(der: Uint8Array): string {
  return Buffer.from(der).toString('base64');
}

/**
 * Enveloped XML-DSig over the whole document with the given key: one Reference with URI=""
 * (enveloped-signature, then exclusive c14n), RSA-SHA256, the signature appended as the
 * document element's last child, the certificate (then its chain) in KeyInfo/X509Data.
 */
export function signXmlWith(xml: string, opened: OpenedContainer): string {
  const x509Data = [opened.certificate, ...opened.chain]
    .map((der) => `<X509Certificate>${base64Body(der)}</X509Certificate>`)
    .join('');
  const sig = new SignedXml({
    privateKey: opened.key,
    publicCert: certificatePem(opened.certificate),
    signatureAlgorithm: ALG_RSA_SHA256,
    canonicalizationAlgorithm: ALG_EXC_C14N,
    getKeyInfoContent: () => `<X509Data>${x509Data}</X509Data>`,
  });
  sig.addReference({
    xpath: '/*',
    transforms: [ALG_ENVELOPED, ALG_EXC_C14N],
    digestAlgorithm: ALG_SHA256,
    isEmptyUri: true,
  });
  sig.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return sig.getSignedXml();
}

/** CMS SignedData (DER) with signed attributes (content type, signing time, message digest). */
export async function signCmsWith(data: Uint8Array, opened: OpenedContainer, attached: boolean): Promise<Uint8Array> {
  const certificate = pkijs.Certificate.fromBER(opened.certificate);
  const chain = opened.chain.map((der) => pkijs.Certificate.fromBER(der));
  const digest = createHash('sha256').update(data).digest();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_DATA,
      ...(attached ? { eContent: new asn1js.OctetString({ valueHex: ownBuffer(data) }) } : {}),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
            new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
            new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer })] }),
          ],
        }),
      }),
    ],
    certificates: [certificate, ...chain],
  });
  const pkcs8 = opened.key.export({ format: 'der', type: 'pkcs8' });
  try {
    const cryptoKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    await signedData.sign(cryptoKey, 0, 'SHA-256', attached ? undefined : ownBuffer(data));
  } finally {
    pkcs8.fill(0);
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export class Pkcs12Signer implements Signer {
  readonly #container: Uint8Array;
  readonly #password: string;

  /**
   * Opens the container once to fail early (KEY_PASSWORD_WRONG, KEY_CONTAINER_INVALID) and
   * keeps only the bytes and the password; the certificate is returned for the caller to check.
   */
  static open(container: Uint8Array, password: string): { signer: Pkcs12Signer; certificate: Uint8Array } {
    const { certificate } = openPkcs12(container, password);
    return { signer: new Pkcs12Signer(container, password), certificate };
  }

  constructor(container: Uint8Array, password: string) {
    this.#container = new Uint8Array(container); // a copy, also of a Buffer
    this.#password = password;
  }

  async sign(xml: string): Promise<string> {
    return signXmlWith(xml, openPkcs12(this.#container, this.#password));
  }

  async signCms(data: Uint8Array, options: { attached?: boolean } = {}): Promise<Uint8Array> {
    return signCmsWith(data, openPkcs12(this.#container, this.#password), options.attached ?? false);
  }
}
