/**
 * Faults the simulator can put between the workstation and the state systems, switched at run
 * time, so the outbox's retries and the client's defences can be shown to work.
 *
 * Transport faults (the request never reaches the state system, nothing is applied):
 *   http500    HTTP 500 with a plain-text body, no SOAP fault
 *   soapFault  HTTP 500 with soap:Server
 *   down       the SOAP port stops accepting connections (listener closed, open connections
 *              cut); it reopens on the same port when the mode changes back
 * Lost answers (the request IS applied, the answer never arrives — a repeat must not apply it
 * again and gets the first answer):
 *   timeout    the answer is never written; the connection is held open
 *   drop       the connection is destroyed after the request is read
 * Garbled answers (applied; the answer is replaced in transit):
 *   malformed        garbage, or the real answer cut in half, by turns
 *   entityExpansion  a billion-laughs DOCTYPE
 *   deepNesting      100,000 nested elements inside a valid envelope
 *   huge             a valid envelope holding ~50 MB, streamed
 *   wrongNamespace   the real answer with SendMessageResponse in another namespace
 *   unknownStatus    a well-formed answer with a status code nobody knows
 *   wrongMessageId   the real answer under another message's id
 *   wrongPayload     the real answer with data that fits no service
 * And:
 *   latency    the real answer, after latencyMs
 *   none       no fault
 *
 * `rate` (0..1, default 1) is the share of requests affected, chosen deterministically: a
 * running sum gains `rate` per request and each time it reaches 1 that request is affected
 * (rate 0.25 → every fourth). `down` ignores the rate.
 */
import { z } from 'zod';

export const FAULT_MODES = [
  'none', 'latency', 'http500', 'soapFault', 'timeout', 'drop', 'malformed', 'down',
  'entityExpansion', 'deepNesting', 'huge', 'wrongNamespace', 'unknownStatus', 'wrongMessageId', 'wrongPayload',
] as const;

export const FaultSettings = z.object({
  mode: z.enum(FAULT_MODES),
  rate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;
export type FaultMode = FaultSettings['mode'];

/** Decides, request by request, whether the current fault applies. */
export class FaultSchedule {
  private settings: Required<FaultSettings> = { mode: 'none', rate: 1, latencyMs: 1000 };
  private credit = 0;

  get current(): Required<FaultSettings> {
    return { ...this.settings };
  }

  set(settings: FaultSettings): void {
    this.settings = { mode: settings.mode, rate: settings.rate ?? 1, latencyMs: settings.latencyMs ?? 1000 };
    this.credit = 0;
  }

  /** The fault for the next request, or 'none'. */
  next(): FaultMode {
    const { mode, rate } = this.settings;
    if (mode === 'none' || mode === 'down') return mode;
    this.credit += rate;
    if (this.credit >= 1 - 1e-9) {
      this.credit -= 1;
      return mode;
    }
    return 'none';
  }
}
