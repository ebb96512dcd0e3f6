/** The workstation's link to its branch server, as the header and the administrator's settings show it. */
import { z } from 'zod';

export const BranchStatus = z.object({
  /** notConfigured: a counter on its own (the default). offline: cut off, serving from the local fallback. */
  state: z.enum(['notConfigured', 'connecting', 'online', 'offline']),
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  device: z.string().nullable(),
  /** Written here and not yet stored by the branch. */
  pending: z.object({ tickets: z.number().int(), cases: z.number().int(), audit: z.number().int() }),
  lastSyncAt: z.string().nullable(),
  /** Why the branch refuses this workstation: 'contract:workstation' (update this workstation), 'contract:server', 'NOT_ENROLLED', … */
  problem: z.string().nullable(),
});
export type BranchStatus = z.infer<typeof BranchStatus>;

const Url = z.string().trim().max(300).regex(/^https:\/\/[^\s/]+(:\d+)?\/?$/, 'branch.url');

export const BranchEnrollInput = z.strictObject({
  /** The branch server's address for enrollment (its enrollment port), and for its API. */
  enrollUrl: Url,
  apiUrl: Url,
  /** The branch's CA certificate (ca.crt), from the administrator. */
  caPem: z.string().trim().min(100).max(20_000).regex(/-----BEGIN CERTIFICATE-----/, 'pem.certificate'),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/, 'branch.enrollmentCode'),
});
