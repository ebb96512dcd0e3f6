/**
 * The operator's digital signature (ЭЦП): what a signer does and how it fails.
 *
 * A signer turns the request XML into an enveloped XML-DSig document (and, when it can, bytes
 * into a CMS SignedData). Two kinds exist: the software PKCS#12 signer (pkcs12Signer.ts) and
 * NCALayer on the operator's computer (ncaLayerClient.ts). Neither checks the certificate: the
 * caller verifies every signed document with verify.ts before keeping it.
 *
 * Failures are AppErrors with the codes of src/shared/errors.ts, so they cross the worker
 * boundary as a code the renderer translates. `SigningError` adds a `detail` for the log (what
 * NCALayer said, which check refused a signature); it never reaches a screen as text.
 */
import { AppError, type ErrorCode } from '../../shared/errors';

export interface Signer {
  /** Signs the whole document: the same XML with an enveloped XML-DSig `Signature` appended. */
  sign(xml: string): Promise<string>;
  /**
   * CMS SignedData (DER) over the bytes: detached by default (the bytes are not inside),
   * attached when asked.
   */
  signCms?(data: Uint8Array, options?: { attached?: boolean }): Promise<Uint8Array>;
}

export type SigningErrorCode = Extract<
  ErrorCode,
  | 'KEY_PASSWORD_WRONG'
  | 'KEY_CONTAINER_INVALID'
  | 'NCALAYER_NOT_RUNNING'
  | 'NCALAYER_CANCELLED'
  | 'NCALAYER_FAILED'
  | 'CERT_UNTRUSTED'
  | 'CERT_EXPIRED'
  | 'CERT_REVOKED'
  | 'CERT_REVOCATION_UNKNOWN'
  | 'CERT_KEY_USAGE'
  | 'CERT_IIN_MISMATCH'
  | 'SIGNATURE_INVALID'
>;

/** An AppError with a detail for the log: NCALayer's message, the check that refused. */
export class SigningError extends AppError {
  readonly detail: string | undefined;
  constructor(code: SigningErrorCode, detail?: string) {
    super(code);
    this.name = 'SigningError';
    this.detail = detail;
  }
}

/**
 * Why a signed document is refused before its certificate is even looked at: SIGNATURE_INVALID
 * (the request must be signed again), with one of these as the detail for the log.
 */
export type SignatureProblem =
  | 'signature.malformed' // not XML, a DOCTYPE, no or several Signature elements, no certificate
  | 'signature.unsupported' // an algorithm or transform outside the allowed few
  | 'signature.scope' // the reference does not cover the whole document (signature wrapping)
  | 'signature.invalid'; // the digest or the signature value does not match

export function signatureRefused(problem: SignatureProblem, more?: string): SigningError {
  return new SigningError('SIGNATURE_INVALID', more ? `${problem}: ${more}` : problem);
}
