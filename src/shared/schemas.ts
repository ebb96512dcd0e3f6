/** Field schemas shared by the contract: each string has an upper bound, each id a range. */
import { z } from 'zod';
import { checkIin } from './iin';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const ROLES = ['operator', 'supervisor', 'trainer', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Iin = z.string().superRefine((value, ctx) => {
  const result = checkIin(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: `iin.${result.problem}` });
});

export const Login = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'login.charset')
  .transform((s) => s.toLowerCase());

export const FullName = z.string().trim().min(3).max(200);

/** A password being set: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const NewPassword = z.string().min(10).max(256);
/** A password being checked: any length up to the bound, so a short wrong one fails as credentials. */
export const GivenPassword = z.string().min(1).max(256);

export const Id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const IsoTime = z.string().max(40);

export const Operator = z.object({
  id: Id,
  login: z.string(),
  fullName: z.string(),
  iin: z.string(),
  role: Role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: IsoTime,
});
export type Operator = z.infer<typeof Operator>;

export const SessionView = z.object({
  operator: Operator,
  locked: z.boolean(),
  startedAt: IsoTime,
  /** The absolute limit: the session ends then whatever the activity. */
  expiresAt: IsoTime,
  idleLockSeconds: z.number().int(),
});
export type SessionView = z.infer<typeof SessionView>;

export const Settings = z.object({
  idleLockSeconds: z.number().int().min(30).max(3600),
  sessionLimitMinutes: z.number().int().min(15).max(24 * 60),
});
export type Settings = z.infer<typeof Settings>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoTime,
  actorId: z.number().int().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The chain's head as written to a file beside the database: a rewrite of the whole chain must match it. */
export const AuditAnchor = z.object({
  id: z.number().int().min(0),
  hash: z.string(),
  at: IsoTime,
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export const AuditVerdict = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first row whose hash or link is wrong, or where rows are missing. */
  brokenAt: z.number().int().nullable(),
  problem: z.enum(['edited', 'missing', 'truncated', 'inserted', 'reordered', 'rewritten']).nullable(),
  /** The head last written outside the database (`audit-anchor.json`), or null if none yet. */
  anchor: AuditAnchor.nullable(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;
