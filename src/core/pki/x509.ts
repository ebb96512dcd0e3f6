/**
 * @peculiar/x509 as the signing code uses it: loaded after the Reflect metadata API its
 * dependency injection needs, plus the attribute names Kazakh certificates carry
 * (SERIALNUMBER=IIN…, SURNAME, GIVENNAME) that the library does not know by name.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export { x509 };

/** Attribute names of НУЦ РК subjects, by OID. */
export const KZ_NAMES: Record<string, string> = {
  SERIALNUMBER: '2.5.4.5',
  SURNAME: '2.5.4.4',
  GIVENNAME: '2.5.4.42',
  OU: '2.5.4.11',
};

/** A distinguished name from text such as `CN=СЕЙІТОВ НҰРЛАН, SERIALNUMBER=IIN880512300779, C=KZ`. */
export function kzName(text: string): x509.Name {
  return new x509.Name(text, KZ_NAMES);
}

/** A name as text with the НУЦ attribute names (SERIALNUMBER=… rather than 2.5.4.5=…). */
export function nameText(name: x509.Name): string {
  return new x509.Name(name.toArrayBuffer(), KZ_NAMES).toString();
}

/** The bytes as an ArrayBuffer of their own (a Buffer's `.buffer` may be a shared pool). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  return x509.PemConverter.encode(der instanceof Uint8Array ? ownBuffer(der) : der, label);
}

/** Every certificate in a PEM text (other blocks, such as keys, are skipped). */
export function certificatesFromPem(pem: string): x509.X509Certificate[] {
  return blocks(pem, 'CERTIFICATE').map((der) => new x509.X509Certificate(der));
}

/** Every CRL in a PEM text (labelled `X509 CRL`, or `CRL` as some tools write it). */
export function crlsFromPem(pem: string): x509.X509Crl[] {
  return [...blocks(pem, 'X509 CRL'), ...blocks(pem, 'CRL')].map((der) => new x509.X509Crl(der));
}

function blocks(pem: string, label: string): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const re = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+?)-----END ${label}-----`, 'g');
  for (const m of pem.matchAll(re)) {
    const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
    out.push(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
  }
  return out;
}
