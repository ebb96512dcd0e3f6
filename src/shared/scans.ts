/**
 * The contract's shapes for scanned documents and the operator's signature: the scans of a case
 * by the act's required documents, the checklist of what is still missing, and the signed
 * request as the operator and the verification see it.
 */
import { z } from 'zod';
import { Text } from './regulation';
import { Id, IsoTime } from './schemas';

export const SCAN_TYPES = ['pdf', 'jpeg', 'png', 'tiff'] as const;
export const ScanType = z.enum(SCAN_TYPES);
export type ScanType = z.infer<typeof ScanType>;

/** Where a scan came from: a file chosen or dropped, the scanner's hot folder, the camera, SANE. */
export const SCAN_SOURCES = ['file', 'hotFolder', 'camera', 'scanner'] as const;
export const ScanSource = z.enum(SCAN_SOURCES);
export type ScanSource = z.infer<typeof ScanSource>;

/** The largest scan taken: a 600-dpi colour A4 page is ~25 MB as PNG. */
export const MAX_SCAN_BYTES = 50 * 1024 * 1024;
/** The most pages one PDF may have. */
export const MAX_SCAN_PAGES = 50;

export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);

export const ScanView = z.object({
  id: Id,
  caseId: Id,
  /** The act's required document this page belongs to (Standard item 9). */
  documentId: z.string(),
  /** Order within the document, from 1. */
  page: z.number().int(),
  type: ScanType,
  size: z.number().int(),
  sha256: z.string(),
  /** Pages in the file (a PDF may hold several). */
  pages: z.number().int(),
  rotation: Rotation,
  source: ScanSource,
  /** A small JPEG as a data: URL (none for a PDF whose first page cannot be drawn here). */
  thumbnail: z.string().nullable(),
  createdAt: IsoTime,
});
export type ScanView = z.infer<typeof ScanView>;

export const ChecklistItem = z.object({
  documentId: z.string(),
  title: Text,
  optional: z.boolean(),
  /** Pages scanned for it so far. */
  scans: z.number().int(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const CaseScans = z.object({
  scans: z.array(ScanView),
  checklist: z.array(ChecklistItem),
  /** Once the request is signed the scans are fixed: changing them means signing again. */
  locked: z.boolean(),
});
export type CaseScans = z.infer<typeof CaseScans>;

const DocumentId = z.string().min(1).max(40);

export const scanInputs = {
  /**
   * A scan's bytes arrive as binary, never inside JSON: the web host takes them on its upload
   * path, the Electron bridge as an ArrayBuffer; both hand the core a Uint8Array.
   */
  add: z.strictObject({
    caseId: Id,
    documentId: DocumentId,
    source: ScanSource,
    content: z.instanceof(Uint8Array),
  }),
  list: z.strictObject({ caseId: Id }),
  view: z.strictObject({ scanId: Id, width: z.number().int().min(64).max(2400) }),
  rotate: z.strictObject({ scanId: Id, rotation: Rotation }),
  reorder: z.strictObject({ caseId: Id, documentId: DocumentId, order: z.array(Id).min(1).max(MAX_SCAN_PAGES) }),
  remove: z.strictObject({ scanId: Id }),
  scanner: z.strictObject({ caseId: Id, documentId: DocumentId }),
};

/** A page drawn for the viewer: a JPEG at the asked width, rotated as the operator set it. */
export const ScanPage = z.object({ mime: z.literal('image/jpeg'), base64: z.string(), width: z.number().int(), height: z.number().int() });

export const ScanCapabilities = z.object({
  /** SANE's scanimage is installed and sees a scanner. */
  scanner: z.boolean(),
  /** The folder the scanner's own software saves into, watched by the workstation. */
  hotFolder: z.string().nullable(),
});

// ---- signing ----

export const SIGNER_KINDS = ['pkcs12', 'ncalayer'] as const;
export const SignerKind = z.enum(SIGNER_KINDS);

export const SignerInput = z.discriminatedUnion('kind', [
  /** A key container file (.p12) and its password: the software signer. */
  z.strictObject({ kind: z.literal('pkcs12'), container: z.base64().max(64 * 1024), password: z.string().min(1).max(200) }),
  /** NCALayer on this computer asks the operator for the key itself. */
  z.strictObject({ kind: z.literal('ncalayer') }),
]);
export type SignerInput = z.infer<typeof SignerInput>;

export const SignatureView = z.object({
  signedAt: IsoTime,
  signer: SignerKind,
  /** The certificate's subject as written (CN, SERIALNUMBER=IIN…). */
  subject: z.string(),
  iin: z.string(),
  serialNumber: z.string(),
  issuer: z.string(),
  validFrom: IsoTime,
  validTo: IsoTime,
  /** The scans the signature covers, by SHA-256. */
  scans: z.array(z.object({ scanId: Id, sha256: z.string() })),
  /** Verified against the trusted root, validity, revocation, key usage and the operator's IIN. */
  verified: z.boolean(),
});
export type SignatureView = z.infer<typeof SignatureView>;

export const signingInputs = {
  prepare: z.strictObject({ caseId: Id }),
  sign: z.strictObject({ caseId: Id, version: z.number().int().min(0), signer: SignerInput }),
};

/** What will be signed, shown to the operator before they sign it. */
export const SigningRequest = z.object({
  caseNumber: z.string(),
  xml: z.string(),
  scans: z.array(z.object({ scanId: Id, documentId: z.string(), sha256: z.string() })),
  signers: z.array(SignerKind),
});

export const SigningSettings = z.object({
  /** PEM certificates of the roots a signature must chain to (НУЦ РК roots, or the training root). */
  trustedRootsPem: z.string().max(256 * 1024),
  /** PEM CRLs checked for revocation; OCSP when a URL is set. */
  crlPem: z.string().max(4 * 1024 * 1024),
  ocspUrl: z.string().max(500).nullable(),
  /** Whether a request may be forwarded without a signature (never on a live counter). */
  required: z.boolean(),
});
export type SigningSettings = z.infer<typeof SigningSettings>;
