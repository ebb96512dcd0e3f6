/**
 * The state systems behind the e-government gateway (ШЭП), as the case engine needs them.
 * The steps the acts give to ЖТ МДҚ, БНАЖ and the target system become outbox messages; the
 * outbox's sender delivers each through this port — the SmartBridge SOAP client against the
 * real gateway or its simulator, or the in-process training population in the engine's tests.
 */

export interface IdentityDocument {
  type: 'idCard' | 'passport' | 'residencePermit' | 'birthCertificate';
  number: string;
  issuedAt: string;
  validUntil: string | null;
  issuer: string;
}

export interface PersonRecord {
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  citizenship: string;
  address: string;
  identityDocument: IdentityDocument | null;
  deceased: boolean;
}

export interface PowerOfAttorneyQuery {
  number: string;
  principalIin: string;
  representativeIin: string;
}

export interface PowerOfAttorneyRecord {
  number: string;
  date: string;
  notary: string;
  principalIin: string;
  representativeIin: string;
  /** What the principal entrusted, in the notary's words. */
  scope: string;
  validUntil: string;
  revoked: boolean;
}

export type TargetSystem = 'eSobes' | 'regionalGateway';

export interface Submission {
  caseNumber: string;
  targetSystem: TargetSystem;
  regulationId: string;
  serviceCode: string;
  applicantIin: string;
  representativeIin: string | null;
  /** Ids of the required documents the applicant handed over. */
  documents: string[];
  /** The required documents still missing, named as the Standard names them. */
  missingDocuments: { id: string; title: { kk: string; ru: string } }[];
  /** The request signed with the operator's ЭЦП (base64), once signing is in place. */
  signature: string | null;
}

export interface ResultDocument {
  number: string;
  issuedAt: string;
  title: { kk: string; ru: string };
}

export type TargetStatus =
  | { state: 'registered'; registrationNumber: string }
  | { state: 'refused'; registrationNumber: string; reason: { kk: string; ru: string } }
  | { state: 'resultReady'; registrationNumber: string; result: ResultDocument };

/**
 * Who a message is on the wire: the id fixed when the outbox wrote it (a repeat is the same
 * request to the gateway) and the case it belongs to.
 */
export interface MessageMeta {
  messageId: string;
  correlationId: string;
}

/** Why a delivery failed, as the outbox and the operator need to tell them apart. */
export type GatewayFailure =
  | 'unreachable' // connection refused, reset or dropped
  | 'timeout' // no answer in time
  | 'httpError' // the gateway answered with an HTTP error
  | 'soapFault' // a SOAP fault
  | 'untrusted' // the gateway's TLS certificate does not chain to the configured CA
  | 'malformed' // an answer that is not the protocol (bad XML, entities, wrong namespace, too big)
  | 'rejected' // the state system refused the request itself (a business error)
  | 'unknownStatus'; // a status code this workstation does not know

/** A failure worth trying again: the link, the gateway's load, a garbled answer. */
export class GatewayUnavailable extends Error {
  constructor(
    readonly failure: GatewayFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'GatewayUnavailable';
  }
}

/** A failure that a repeat will not mend: the operator must look at it. */
export class GatewayRejected extends Error {
  constructor(
    readonly failure: GatewayFailure,
    /** The gateway's own code (status code or fault code), safe to show and to log. */
    readonly code: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'GatewayRejected';
  }
}

export interface GatewayPort {
  /** ЖТ МДҚ: the person by IIN, or null when the database has no such person. */
  findPerson(iin: string, meta: MessageMeta): Promise<PersonRecord | null>;
  /** БНАЖ: the power of attorney, or null when the notaries' system has none by that number. */
  findPowerOfAttorney(query: PowerOfAttorneyQuery, meta: MessageMeta): Promise<PowerOfAttorneyRecord | null>;
  /** The target system registers the signed request; the answer carries its number. */
  submit(submission: Submission, meta: MessageMeta): Promise<{ registrationNumber: string }>;
  /** Where the target system's provider stands with the request. */
  status(registrationNumber: string, meta: MessageMeta): Promise<TargetStatus>;
}
