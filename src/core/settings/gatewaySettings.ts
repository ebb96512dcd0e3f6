/**
 * The gateway's settings as stored: the endpoint, the sender id the gateway registered for this
 * branch, its password sealed with the workstation's personal-data key (never stored or logged
 * in plain text), the CA that signs the gateway's certificate, and the timings.
 */
import { z } from 'zod';

export const StoredGatewaySettings = z.object({
  endpoint: z.string().nullable().default(null),
  senderId: z.string().default(''),
  /** base64 of the sealed password. */
  passwordSealed: z.string().nullable().default(null),
  caPem: z.string().nullable().default(null),
  timeoutSeconds: z.number().int().default(15),
  pollIntervalSeconds: z.number().int().default(60),
});
export type StoredGatewaySettings = z.infer<typeof StoredGatewaySettings>;

export const GATEWAY_PASSWORD_COLUMN = 'settings.gateway.password';
