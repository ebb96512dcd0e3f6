/**
 * The OCSP hook: when a responder URL is configured, ask it about the signer's certificate
 * (RFC 6960 over HTTP POST, built and checked with pkijs). Anything short of a verified,
 * current answer about this very certificate is `null` — the caller then relies on the CRL.
 *
 * Left out (documented in README.md): no nonce, no use of the AIA extension's URL (only the
 * configured one), no cache, and only the signer's certificate is asked about (authorities by CRL).
 */
import * as pkijs from 'pkijs';

export type OcspStatus = 'good' | 'revoked' | 'unknown';

export interface OcspOptions {
  url: string;
  timeoutMs?: number;
  /** The time the answer must be current at. */
  now?: Date;
  /** The root a delegated responder's certificate may chain to (the root of the signer's chain). */
  trusted?: Uint8Array[];
}

const SKEW_MS = 5 * 60_000;

export async function askOcsp(certificate: Uint8Array, issuer: Uint8Array, options: OcspOptions): Promise<OcspStatus | null> {
  const cert = pkijs.Certificate.fromBER(certificate);
  const issuerCert = pkijs.Certificate.fromBER(issuer);
  const now = options.now ?? new Date();
  try {
    const request = new pkijs.OCSPRequest();
    await request.createForCertificate(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuerCert });
    const body = request.toSchema(true).toBER(false);
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!res.ok) return null;
    const response = pkijs.OCSPResponse.fromBER(await res.arrayBuffer());
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return null;
    if (response.responseBytes.responseType !== '1.3.6.1.5.5.7.48.1.1') return null;
    const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.valueBlock.valueHexView);
    const trusted = (options.trusted ?? []).map((der) => pkijs.Certificate.fromBER(der));
    if (!(await basic.verify({ trustedCerts: trusted, issuerCerts: [issuerCert] }))) return null;
    const current = basic.tbsResponseData.responses.every(
      (r) => r.thisUpdate.getTime() <= now.getTime() + SKEW_MS && (!r.nextUpdate || r.nextUpdate.getTime() >= now.getTime() - SKEW_MS),
    );
    if (!current) return null;
    const status = await basic.getCertificateStatus(cert, issuerCert);
    if (!status.isForCertificate) return null;
    return status.status === 0 ? 'good' : status.status === 1 ? 'revoked' : 'unknown';
  } catch {
    return null;
  }
}
