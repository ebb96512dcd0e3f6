/**
 * The state systems behind the e-government gateway (ШЭП), as the case engine needs them.
 * The steps the acts give to ЖТ МДҚ, БНАЖ and the target system go through this port; the
 * in-process training fake serves it until the gateway client and its simulator plug in here.
 */

export interface PersonRecord {
  iin: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  citizenship: string;
  address: string;
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
  validUntil: string;
  revoked: boolean;
}

export interface Submission {
  caseNumber: string;
  targetSystem: 'eSobes' | 'regionalGateway';
  regulationId: string;
  applicantIin: string;
  /** Ids of the required documents the applicant handed over. */
  documents: string[];
  /** The required documents still missing, named as the Standard names them. */
  missingDocuments: { id: string; title: { kk: string; ru: string } }[];
}

export type TargetStatus =
  | { state: 'registered'; registrationNumber: string }
  | { state: 'refused'; registrationNumber: string; reason: { kk: string; ru: string } }
  | { state: 'resultReady'; registrationNumber: string };

/** The link is down or the answer did not come: the step waits and is tried again. */
export class GatewayUnavailable extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'GatewayUnavailable';
  }
}

export interface GatewayPort {
  /** ЖТ МДҚ: the person by IIN, or null when the database has no such person. */
  findPerson(iin: string): Promise<PersonRecord | null>;
  /** БНАЖ: the power of attorney, or null when the notaries' system has none by that number. */
  findPowerOfAttorney(query: PowerOfAttorneyQuery): Promise<PowerOfAttorneyRecord | null>;
  /** The target system registers the signed request; the answer carries its number. */
  submit(submission: Submission): Promise<{ registrationNumber: string }>;
  /** Where the target system's provider stands with the request. */
  status(registrationNumber: string): Promise<TargetStatus>;
}
