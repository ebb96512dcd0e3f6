/**
 * What the outbox carries: a request to one of the state systems and, once delivered, its
 * answer. The sender turns a message into a call on the gateway port; the case engine turns an
 * answer into the act's next step.
 */
import type { MessageKind } from '../../shared/gateway';
import type {
  GatewayPort, MessageMeta, PersonRecord, PowerOfAttorneyQuery, PowerOfAttorneyRecord, Submission, TargetStatus,
} from '../gateway/port';

export type Request =
  | { kind: 'person'; iin: string }
  | { kind: 'powerOfAttorney'; query: PowerOfAttorneyQuery }
  | { kind: 'submit'; submission: Submission }
  | { kind: 'status'; registrationNumber: string };

export type Answer =
  | { kind: 'person'; person: PersonRecord | null }
  | { kind: 'powerOfAttorney'; powerOfAttorney: PowerOfAttorneyRecord | null }
  | { kind: 'submit'; registrationNumber: string }
  | { kind: 'status'; status: TargetStatus };

export interface OutboxMessage {
  id: number;
  caseId: number;
  kind: MessageKind;
  messageId: string;
  correlationId: string;
  request: Request;
  attempts: number;
}

/** One delivery: the request as a call on the port, its answer in the outbox's terms. */
export async function deliver(port: GatewayPort, request: Request, meta: MessageMeta): Promise<Answer> {
  switch (request.kind) {
    case 'person':
      return { kind: 'person', person: await port.findPerson(request.iin, meta) };
    case 'powerOfAttorney':
      return { kind: 'powerOfAttorney', powerOfAttorney: await port.findPowerOfAttorney(request.query, meta) };
    case 'submit':
      return { kind: 'submit', ...(await port.submit(request.submission, meta)) };
    case 'status':
      return { kind: 'status', status: await port.status(request.registrationNumber, meta) };
  }
}
