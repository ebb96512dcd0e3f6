/**
 * A backup of a workstation's data folder, as the contract describes it: where it went, what its
 * manifest says, and the verdict of checking one. The manifest itself is in core/backup/manifest.ts.
 */
import { z } from 'zod';
import { AuditAnchor, IsoTime } from './schemas';

/**
 * A folder on this computer (a mounted drive, a network share), given whole: a relative path
 * would land wherever the core happens to run. Windows paths (`D:\…`, `\\server\share`) too.
 */
export const BackupFolder = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p) && !p.includes('\u0000'), 'backup.folderNotAbsolute');

export const BackupSummary = z.object({
  createdAt: IsoTime,
  schemaVersion: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  /** The audit chain's head the backup carries (anchored just before the copy). */
  auditHead: AuditAnchor.nullable(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const BackupProblem = z.enum(['manifestMissing', 'manifestUnreadable', 'sealBroken', 'fileMissing', 'fileChanged', 'fileUnexpected']);
export type BackupProblem = z.infer<typeof BackupProblem>;

export const BackupVerdict = z.object({
  ok: z.boolean(),
  /** What is wrong, and with which file (relative to the backup folder), when not ok. */
  problem: BackupProblem.nullable(),
  file: z.string().nullable(),
  /** The manifest's summary; null when it cannot be trusted (missing, unreadable, seal broken). */
  summary: BackupSummary.nullable(),
});
export type BackupVerdict = z.infer<typeof BackupVerdict>;

export const backupInputs = {
  folder: z.strictObject({ folder: BackupFolder }),
};
