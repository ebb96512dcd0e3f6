/**
 * A backup of a workstation's data folder, as the contract describes it: where it went, what its
 * manifest says, and the verdict of checking one. The manifest itself is in core/backup/manifest.ts.
 */
import { z } from 'zod';
import { AuditAnchor, IsoTime } from './schemas';

/** The smallest recovery passphrase: it alone opens a desktop backup on another computer. */
export const RECOVERY_PASSPHRASE_MIN = 12;

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

/** A time of day on the branch's clock, HH:MM. */
export const DailyTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format');

/**
 * Where the administrator's backups go and when. Each backup is a dated folder of its own
 * (`azho-backup-YYYYMMDD-HHMMSS`) inside `folder`, which must already exist: a drive that is not
 * plugged in must fail the backup, not fill the system disk under an empty mount point.
 */
export const BackupSchedule = z.strictObject({
  folder: BackupFolder.nullable(),
  /** Whether a backup is made every day at `at`; "Back up now" works either way. */
  daily: z.boolean(),
  at: DailyTime,
  /** How many of the dated backups to keep in `folder`; older ones are removed after a verified new one. */
  keep: z.number().int().min(1).max(90),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const BackupRunProblem = z.enum(['noDestination', 'destinationMissing', 'diskFull', 'io', 'verifyFailed', 'internal']);
export type BackupRunProblem = z.infer<typeof BackupRunProblem>;

/** The last backup made into the schedule's folder, by the schedule or by "Back up now". */
export const BackupRun = z.object({
  at: IsoTime,
  scheduled: z.boolean(),
  ok: z.boolean(),
  /** The dated folder made; null when the backup failed before it existed. */
  folder: z.string().nullable(),
  problem: BackupRunProblem.nullable(),
  summary: BackupSummary.nullable(),
});
export type BackupRun = z.infer<typeof BackupRun>;

export const BackupListing = z.object({ name: z.string(), folder: z.string(), madeAt: IsoTime });
export type BackupListing = z.infer<typeof BackupListing>;

export const BackupStatus = z.object({
  schedule: BackupSchedule,
  lastRun: BackupRun.nullable(),
  /** When the schedule will next make a backup; null when it is off or has no folder. */
  nextRunAt: IsoTime.nullable(),
  /** The dated backups found in the schedule's folder, newest first. */
  backups: z.array(BackupListing),
  /** Whether the backups carry the master key sealed with a recovery passphrase, and since when. */
  recoverySetAt: IsoTime.nullable(),
  running: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const backupInputs = {
  folder: z.strictObject({ folder: BackupFolder }),
  schedule: BackupSchedule,
  recovery: z.strictObject({ passphrase: z.string().min(RECOVERY_PASSPHRASE_MIN).max(256), again: z.string().min(1).max(256) }),
};
