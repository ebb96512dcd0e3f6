/**
 * The administrator's backups: made online into an empty folder of their choosing or into a new
 * dated folder of the schedule's folder, checked against the sealed manifest, and scheduled.
 * Restoring is not a call: it is done with the workstation stopped (scripts/restore.ts), since a
 * running core owns its data folder.
 */
import { AppError } from '../../shared/errors';
import { BackupFolderError, isWithin } from '../backup/backup';
import { isFolder } from '../backup/files';
import type { BackupService } from '../backup/backupService';
import { verifyBackup } from '../backup/restore';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'backup.create' | 'backup.verify' | 'backup.status' | 'backup.setSchedule' | 'backup.now' | 'backup.setRecovery';

const refuse = (path: string, reason: string) => new AppError({ code: 'VALIDATION', issues: [{ path, reason }] });

/** The schedule's folder must be there now and must not be inside the data folder it backs up. */
async function assertDestination(folder: string, dataDir: string): Promise<void> {
  if (isWithin(dataDir, folder)) throw refuse('folder', 'backup.folderInsideData');
  if (!(await isFolder(folder))) throw refuse('folder', 'backup.folderMissing');
}

export function backupHandlers(s: Services, backups: BackupService, parts: { dataDir: string; key: Buffer }): HandlerGroup<Calls> {
  return {
    'backup.create': async ({ folder }, ctx) => {
      try {
        return await backups.create(folder, ctx.operator.id);
      } catch (err) {
        if (err instanceof BackupFolderError) throw refuse('folder', err.reason);
        if (err instanceof AppError) throw err;
        // A full drive, a folder we may not write, a pulled-out disk: the operator is told where.
        throw new AppError({ code: 'STORAGE_UNAVAILABLE', storage: { problem: 'io', path: folder } });
      }
    },

    'backup.verify': async ({ folder }, ctx) => {
      const verdict = await verifyBackup(folder, parts.key);
      s.audit.append({ actorId: ctx.operator.id, action: 'backup.verified', detail: { ok: verdict.ok, problem: verdict.problem, file: verdict.file } });
      return verdict;
    },

    'backup.status': () => backups.status(),

    'backup.setSchedule': async (schedule, ctx) => {
      if (schedule.folder) await assertDestination(schedule.folder, parts.dataDir);
      s.settings.putBackupSchedule(schedule);
      s.audit.append({ actorId: ctx.operator.id, action: 'backup.scheduled', detail: { daily: schedule.daily, at: schedule.at, keep: schedule.keep } });
      return backups.status();
    },

    'backup.now': async (_input, ctx) => {
      if (!s.settings.backupSchedule().folder) throw refuse('folder', 'backup.noDestination');
      await backups.runDated(false, ctx.operator.id);
      return backups.status();
    },

    'backup.setRecovery': async ({ passphrase, again }, ctx) => {
      if (passphrase !== again) throw refuse('again', 'password.mismatch');
      await backups.setRecovery(passphrase, ctx.operator.id);
      return backups.status();
    },
  };
}
