/**
 * The contract's shapes for the e-government gateway as the operator sees it: the state of the
 * link, the messages of the outbox, and the gateway's settings. (A case in the backlog is in cases.ts.)
 */
import { z } from 'zod';
import { IsoTime } from './schemas';

/** online: answers come; degraded: some fail or are slow; offline: nothing gets through; notConfigured: no endpoint set. */
export const LINK_STATES = ['online', 'degraded', 'offline', 'notConfigured'] as const;
export const LinkState = z.enum(LINK_STATES);
export type LinkState = z.infer<typeof LinkState>;

/** What a message asks: ЖТ МДҚ person, БНАЖ power of attorney, the target system's registration, its status. */
export const MESSAGE_KINDS = ['person', 'powerOfAttorney', 'submit', 'status'] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

export const MESSAGE_STATES = ['pending', 'done', 'failed'] as const;
export const MessageState = z.enum(MESSAGE_STATES);
export type MessageState = z.infer<typeof MessageState>;

export const FAILURES = ['unreachable', 'timeout', 'httpError', 'soapFault', 'untrusted', 'malformed', 'rejected', 'unknownStatus', 'internal'] as const;
export const Failure = z.enum(FAILURES);
export type Failure = z.infer<typeof Failure>;

export const OutboxMessageView = z.object({
  messageId: z.string(),
  kind: MessageKind,
  state: MessageState,
  attempts: z.number().int(),
  /** When the sender tries again (pending messages only). */
  nextAttemptAt: IsoTime.nullable(),
  lastFailure: Failure.nullable(),
  /** The gateway's own code for the last failure (a status or fault code), when it gave one. */
  lastCode: z.string().nullable(),
  createdAt: IsoTime,
  doneAt: IsoTime.nullable(),
});
export type OutboxMessageView = z.infer<typeof OutboxMessageView>;

export const GatewayStatus = z.object({
  link: LinkState,
  /** Since when the link has been in this state. */
  since: IsoTime,
  lastFailure: Failure.nullable(),
  pending: z.number().int(),
  failed: z.number().int(),
  /** Cases with at least one message not yet answered. */
  casesWaiting: z.number().int(),
  /** Training only: the simulator of the state systems can be told to fail. */
  simulator: z.boolean(),
});
export type GatewayStatus = z.infer<typeof GatewayStatus>;

const Endpoint = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
    } catch {
      return false;
    }
  }, 'gateway.endpoint');

const Pem = z
  .string()
  .max(64 * 1024)
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, 'gateway.caPem');

export const GatewaySettings = z.object({
  endpoint: z.string().nullable(),
  senderId: z.string(),
  /** The password itself never leaves the core; only whether one is stored. */
  passwordSet: z.boolean(),
  caPem: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  pollIntervalSeconds: z.number().int(),
});
export type GatewaySettings = z.infer<typeof GatewaySettings>;

export const GatewaySettingsInput = z.strictObject({
  endpoint: Endpoint,
  senderId: z.string().trim().min(1).max(100),
  /** A new password; left out, the stored one is kept. */
  password: z.string().min(1).max(200).optional(),
  caPem: Pem.nullable(),
  timeoutSeconds: z.number().int().min(1).max(120),
  pollIntervalSeconds: z.number().int().min(5).max(3600),
});
export type GatewaySettingsInput = z.infer<typeof GatewaySettingsInput>;

/** The faults a trainer can switch on in the simulator to show the waiting path. */
export const SIMULATOR_FAULTS = ['none', 'latency', 'http500', 'soapFault', 'timeout', 'drop', 'malformed', 'down'] as const;
export const SimulatorFault = z.enum(SIMULATOR_FAULTS);
export type SimulatorFault = z.infer<typeof SimulatorFault>;
