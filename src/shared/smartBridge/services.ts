/**
 * The four services behind the gateway and the typed payloads they carry, both ways. The
 * shapes mirror core/gateway/port.ts field for field (the shared layer cannot import the core),
 * so the client's mapping is an identity that the compiler checks. A well-formed envelope whose
 * payload does not fit its service is malformed (reason 'payload'), whichever end reads it.
 *
 * | service         | serviceId                | request data                         | answer data (SCSS001)          |
 * |-----------------|--------------------------|--------------------------------------|--------------------------------|
 * | person          | ZHTMDK.PersonByIin.v1    | iin                                  | person{…PersonRecord}          |
 * | powerOfAttorney | BNAZH.PowerOfAttorney.v1 | number, principalIin, representativeIin | powerOfAttorney{…}          |
 * | submit          | TARGET.Submit.v1         | submission{…Submission}              | registrationNumber             |
 * | status          | TARGET.Status.v1         | registrationNumber                   | status{state, …TargetStatus}   |
 *
 * A look-up that finds nothing answers NFND001 with empty data (see ./status).
 */
import { z } from 'zod';
import { Iin } from '../schemas';
import type { DataNode } from './envelope';
import { fromData, toData } from './data';
import { MalformedXml } from './xml';

const text = (max: number) => z.string().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
/** Absent on the wire (the element left out) is null in the record. */
const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
/** An empty list arrives as an empty element, i.e. the empty string. */
const list = <T extends z.ZodType>(item: T, max: number) => z.preprocess((v) => (v === '' ? [] : v), z.array(item).max(max));
const bilingual = z.object({ kk: required(2000), ru: required(2000) });

export const WireIdentityDocument = z.object({
  type: z.enum(['idCard', 'passport', 'residencePermit', 'birthCertificate']),
  number: required(40),
  issuedAt: isoDate,
  validUntil: orNull(isoDate),
  issuer: required(200),
});

export const WirePerson = z.object({
  iin: Iin,
  surname: required(100),
  name: required(100),
  patronymic: orNull(required(100)),
  birthDate: isoDate,
  sex: z.enum(['male', 'female']),
  citizenship: z.string().regex(/^[A-Z]{2,3}$/),
  address: text(500),
  identityDocument: orNull(WireIdentityDocument),
  deceased: bool,
});

export const WirePowerOfAttorneyQuery = z.object({
  number: required(60),
  principalIin: Iin,
  representativeIin: Iin,
});

export const WirePowerOfAttorney = z.object({
  number: required(60),
  date: isoDate,
  notary: required(200),
  principalIin: Iin,
  representativeIin: Iin,
  scope: required(2000),
  validUntil: isoDate,
  revoked: bool,
});

export const WireSubmission = z.object({
  caseNumber: required(60),
  targetSystem: z.enum(['eSobes', 'regionalGateway']),
  regulationId: required(100),
  serviceCode: required(100),
  applicantIin: Iin,
  representativeIin: orNull(Iin),
  documents: list(required(100), 200),
  missingDocuments: list(z.object({ id: required(100), title: bilingual }), 200),
  signature: orNull(z.string().regex(/^[A-Za-z0-9+/=\s]+$/).max(256 * 1024)),
});

export const WireResultDocument = z.object({ number: required(60), issuedAt: isoDate, title: bilingual });

const registrationNumber = required(60);

export const WireTargetStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('registered'), registrationNumber }),
  z.object({ state: z.literal('refused'), registrationNumber, reason: bilingual }),
  z.object({ state: z.literal('resultReady'), registrationNumber, result: WireResultDocument }),
]);

export type WirePerson = z.output<typeof WirePerson>;
export type WirePowerOfAttorneyQuery = z.output<typeof WirePowerOfAttorneyQuery>;
export type WirePowerOfAttorney = z.output<typeof WirePowerOfAttorney>;
export type WireSubmission = z.output<typeof WireSubmission>;
export type WireTargetStatus = z.output<typeof WireTargetStatus>;

/** Each service: its id on the gateway and the schemas of its request and answer data. */
export const SERVICES = {
  person: {
    serviceId: 'ZHTMDK.PersonByIin.v1',
    request: z.object({ iin: Iin }),
    answer: z.object({ person: WirePerson }),
  },
  powerOfAttorney: {
    serviceId: 'BNAZH.PowerOfAttorney.v1',
    request: WirePowerOfAttorneyQuery,
    answer: z.object({ powerOfAttorney: WirePowerOfAttorney }),
  },
  submit: {
    serviceId: 'TARGET.Submit.v1',
    request: z.object({ submission: WireSubmission }),
    answer: z.object({ registrationNumber }),
  },
  status: {
    serviceId: 'TARGET.Status.v1',
    request: z.object({ registrationNumber }),
    answer: z.object({ status: WireTargetStatus }),
  },
} as const;

export type ServiceName = keyof typeof SERVICES;
export type RequestOf<S extends ServiceName> = z.output<(typeof SERVICES)[S]['request']>;
export type AnswerOf<S extends ServiceName> = z.output<(typeof SERVICES)[S]['answer']>;

export function serviceById(serviceId: string): ServiceName | null {
  for (const [name, s] of Object.entries(SERVICES)) if (s.serviceId === serviceId) return name as ServiceName;
  return null;
}

// The wire shapes are plain data; toData takes any of them.
type Encodable = Parameters<typeof toData>[0];

export function encodeRequest<S extends ServiceName>(_service: S, value: RequestOf<S>): DataNode[] {
  return toData(value as unknown as Encodable);
}

export function encodeAnswer<S extends ServiceName>(_service: S, value: AnswerOf<S>): DataNode[] {
  return toData(value as unknown as Encodable);
}

function decode<T extends z.ZodType>(schema: T, data: DataNode[]): z.output<T> {
  const parsed = schema.safeParse(fromData(data));
  if (!parsed.success) {
    // Field paths only: the values may be personal data.
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').slice(0, 5);
    throw new MalformedXml('payload', `payload does not fit the service at ${where.join(', ')}`);
  }
  return parsed.data;
}

export function decodeRequest<S extends ServiceName>(service: S, data: DataNode[]): RequestOf<S> {
  return decode(SERVICES[service].request, data) as RequestOf<S>;
}

export function decodeAnswer<S extends ServiceName>(service: S, data: DataNode[]): AnswerOf<S> {
  return decode(SERVICES[service].answer, data) as AnswerOf<S>;
}
