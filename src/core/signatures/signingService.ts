/**
 * The operator's signature on a case: what is signed (the request and the SHA-256 of every scan),
 * signing with the operator's key (a PKCS#12 container, or NCALayer on this computer), verifying
 * the result before keeping it — chain, validity, revocation, key usage and the operator's own
 * IIN in the certificate — and what forwarding needs: a signature that still covers the scans.
 */
import type { SignatureView, SignerInput } from '../../shared/scans';
import { AppError } from '../../shared/errors';
import type { Regulation } from '../../shared/regulation';
import type { OperatorRecord } from '../auth/operatorStore';
import type { CaseRecord } from '../cases/caseStore';
import { iso } from '../clock';
import type { Services } from '../services';
import { Pkcs12Signer } from '../pki/pkcs12Signer';
import { buildRequestXml, parseRequestXml, scansMatch, type SignedRequestData, type SignedScan } from '../pki/requestXml';
import type { Signer } from '../pki/signer';
import { verifySignedXml, type TrustSettings } from '../pki/verify';
import type { SignatureStore, StoredSignature } from './signatureStore';

export interface CurrentScan {
  id: number;
  documentId: string;
  sha256: string;
}

export interface SigningDeps {
  services: Services;
  store: SignatureStore;
  caseOf(caseId: number): CaseRecord | undefined;
  regulation(id: string): Regulation | undefined;
  /** The case's scans as they stand, in the case's order (document, then page). */
  scansOf(caseId: number): CurrentScan[];
  trust(): TrustSettings;
  /** Whether a request may go without a signature (never on a live counter). */
  required(): boolean;
  /** NCALayer on this computer, when configured. */
  ncaLayer(): Signer | null;
}

const toSigned = (scans: CurrentScan[]): SignedScan[] => scans.map((s) => ({ scanId: String(s.id), documentId: s.documentId, sha256: s.sha256 }));

export class SigningService {
  constructor(private readonly d: SigningDeps) {}

  private caseFor(caseId: number): { record: CaseRecord; regulation: Regulation } {
    const record = this.d.caseOf(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    const regulation = this.d.regulation(record.regulationId);
    if (!regulation) throw new AppError('SERVICE_NOT_OFFERED');
    if (!record.applicant) throw new AppError('STEP_OUT_OF_ORDER');
    return { record, regulation };
  }

  /** The request as it will be signed, built only from what the case and its scans hold. */
  requestOf(caseId: number, operator: OperatorRecord): { data: SignedRequestData; xml: string; scans: CurrentScan[] } {
    const { record, regulation } = this.caseFor(caseId);
    const scans = this.d.scansOf(caseId);
    const data: SignedRequestData = {
      caseNumber: record.number,
      serviceCode: regulation.service.code,
      regulationId: regulation.id,
      act: { number: regulation.act.number, date: regulation.act.date },
      applicantIin: record.applicant!.iin,
      representative: record.representative && { iin: record.representative.iin, powerOfAttorneyNumber: record.representative.powerOfAttorney.number },
      operatorIin: operator.iin,
      scans: toSigned(scans),
    };
    return { data, xml: buildRequestXml(data), scans };
  }

  signers(): ('pkcs12' | 'ncalayer')[] {
    return this.d.ncaLayer() ? ['pkcs12', 'ncalayer'] : ['pkcs12'];
  }

  async sign(caseId: number, version: number, input: SignerInput, operator: OperatorRecord): Promise<SignatureView> {
    const record = this.d.caseOf(caseId);
    if (!record) throw new AppError('NOT_FOUND');
    if (record.version !== version) throw new AppError('CASE_CHANGED');
    if (record.counterDone) throw new AppError('ALREADY_DONE');
    const { data, xml, scans } = this.requestOf(caseId, operator);
    const signer = this.signerFor(input);
    const signedXml = await signer.sign(xml);
    // What comes back is checked as if it came from outside: NCALayer runs another program's code.
    const verified = await verifySignedXml(signedXml, { ...this.d.trust(), expectedIin: operator.iin });
    const signedData = parseRequestXml(verified.signedContent);
    // NCALayer could have been handed (or have signed) something else: what it signed must be this request.
    if (JSON.stringify(signedData) !== JSON.stringify(data)) throw new AppError('SIGNATURE_INVALID');
    const now = this.d.services.clock.now();
    const stored: StoredSignature = {
      caseId,
      signer: input.kind,
      signedXml,
      subject: verified.subject,
      iin: verified.iin,
      serialNumber: verified.serialNumber,
      issuer: verified.issuer,
      validFrom: verified.validFrom,
      validTo: verified.validTo,
      scans: scans.map((s) => ({ scanId: s.id, sha256: s.sha256 })),
      signedAt: iso(now),
      operatorId: operator.id,
    };
    this.d.services.db.transaction(() => {
      // The case must still be as it was signed: a scan added meanwhile is not under the signature.
      if (this.d.caseOf(caseId)?.version !== version || !scansMatch(toSigned(this.d.scansOf(caseId)), data.scans)) {
        throw new AppError('CASE_CHANGED');
      }
      this.d.store.put(stored);
      this.d.services.audit.append({
        actorId: operator.id,
        action: 'signing.signed',
        subject: `case:${caseId}`,
        detail: { signer: input.kind, certificateSerial: verified.serialNumber, scans: scans.length },
      });
    }).immediate();
    return this.view(stored);
  }

  private signerFor(input: SignerInput): Signer {
    if (input.kind === 'pkcs12') return Pkcs12Signer.open(Buffer.from(input.container, 'base64'), input.password).signer;
    const nca = this.d.ncaLayer();
    if (!nca) throw new AppError('NCALAYER_NOT_RUNNING');
    return nca;
  }

  get(caseId: number): SignatureView | null {
    const stored = this.d.store.get(caseId);
    return stored && this.view(stored);
  }

  /** Whether the kept signature still covers exactly the case's scans. */
  private covers(stored: StoredSignature): boolean {
    const current = this.d.scansOf(stored.caseId);
    return current.length === stored.scans.length && current.every((s, i) => s.id === stored.scans[i]!.scanId && s.sha256 === stored.scans[i]!.sha256);
  }

  private view(stored: StoredSignature): SignatureView {
    return {
      signedAt: stored.signedAt,
      signer: stored.signer,
      subject: stored.subject,
      iin: stored.iin,
      serialNumber: stored.serialNumber,
      issuer: stored.issuer,
      validFrom: stored.validFrom,
      validTo: stored.validTo,
      scans: stored.scans,
      verified: this.covers(stored),
    };
  }

  /**
   * What forwarding sends as the signature: the signed XML (base64), when it still covers the
   * scans. Without one, a counter that requires signatures refuses to forward.
   */
  forForwarding(caseId: number): string | null {
    const stored = this.d.store.get(caseId);
    if (stored && this.covers(stored)) return Buffer.from(stored.signedXml, 'utf8').toString('base64');
    if (this.d.required()) throw new AppError('SIGNATURE_REQUIRED');
    return null;
  }

  /** The signature kept with the case, for the submission written later (offline acceptance). */
  kept(caseId: number): string | null {
    const stored = this.d.store.get(caseId);
    return stored ? Buffer.from(stored.signedXml, 'utf8').toString('base64') : null;
  }
}
