/**
 * The operator's signature of a case's request: the signed XML, the certificate's subject and IIN
 * sealed (they name people), the certificate's serial, issuer and validity as verified when it was
 * made, and the scans it covers.
 */
import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../crypto/fieldCipher';

export interface StoredSignature {
  caseId: number;
  signer: 'pkcs12' | 'ncalayer';
  signedXml: string;
  subject: string;
  iin: string;
  serialNumber: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  scans: { scanId: number; sha256: string }[];
  signedAt: string;
  operatorId: number;
}

interface Row {
  case_id: number;
  signer: 'pkcs12' | 'ncalayer';
  signed_xml_enc: Buffer;
  subject_enc: Buffer;
  iin_enc: Buffer;
  serial_number: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  scans: string;
  signed_at: string;
  operator_id: number;
}

const XML = 'case_signatures.signed_xml';
const IIN = 'case_signatures.iin';
const SUBJECT = 'case_signatures.subject';

export function createSignatureStore(db: Database, cipher: FieldCipher) {
  const q = {
    put: db.prepare(
      `INSERT INTO case_signatures (case_id, signer, signed_xml_enc, subject_enc, iin_enc, serial_number, issuer, valid_from, valid_to, scans, signed_at, operator_id)
       VALUES (@caseId, @signer, @xml, @subject, @iin, @serialNumber, @issuer, @validFrom, @validTo, @scans, @signedAt, @operatorId)
       ON CONFLICT(case_id) DO UPDATE SET signer = excluded.signer, signed_xml_enc = excluded.signed_xml_enc, subject_enc = excluded.subject_enc,
         iin_enc = excluded.iin_enc, serial_number = excluded.serial_number, issuer = excluded.issuer, valid_from = excluded.valid_from,
         valid_to = excluded.valid_to, scans = excluded.scans, signed_at = excluded.signed_at, operator_id = excluded.operator_id`,
    ),
    get: db.prepare('SELECT * FROM case_signatures WHERE case_id = ?'),
  };
  return {
    put(s: StoredSignature) {
      q.put.run({
        caseId: s.caseId,
        signer: s.signer,
        xml: cipher.seal(XML, s.signedXml),
        subject: cipher.seal(SUBJECT, s.subject),
        iin: cipher.seal(IIN, s.iin),
        serialNumber: s.serialNumber,
        issuer: s.issuer,
        validFrom: s.validFrom,
        validTo: s.validTo,
        scans: JSON.stringify(s.scans),
        signedAt: s.signedAt,
        operatorId: s.operatorId,
      });
    },
    get(caseId: number): StoredSignature | null {
      const r = q.get.get(caseId) as Row | undefined;
      if (!r) return null;
      return {
        caseId: r.case_id,
        signer: r.signer,
        signedXml: cipher.open(XML, r.signed_xml_enc),
        subject: cipher.open(SUBJECT, r.subject_enc),
        iin: cipher.open(IIN, r.iin_enc),
        serialNumber: r.serial_number,
        issuer: r.issuer,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        scans: JSON.parse(r.scans) as StoredSignature['scans'],
        signedAt: r.signed_at,
        operatorId: r.operator_id,
      };
    },
  };
}

export type SignatureStore = ReturnType<typeof createSignatureStore>;
