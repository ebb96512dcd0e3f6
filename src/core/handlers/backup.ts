/**
 * The administrator's backups: made online into an empty folder of their choosing, and checked
 * against the sealed manifest. Restoring is not a call: it is done with the workstation stopped
 * (scripts/restore.ts), since a running core owns its data folder.
 */
import { AppError } from '../../shared/errors';
import { iso } from '../clock';
import { BackupFolderError, createBackup } from '../backup/backup';
import { verifyBackup } from '../backup/restore';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'backup.create' | 'backup.verify';

export function backupHandlers(s: Services, parts: { dataDir: string; key: Buffer }): HandlerGroup<Calls> {
  // One backup at a time: a second request waits for the first rather than racing it into a folder.
  let running: Promise<unknown> = Promise.resolve();
  return {
    'backup.create': async ({ folder }, ctx) => {
      const made = running.then(() =>
        createBackup({ db: s.db, dataDir: parts.dataDir, key: parts.key, training: s.training, anchor: () => s.audit.anchor(), now: () => iso(s.clock.now()) }, folder),
      );
      running = made.catch(() => undefined);
      try {
        const result = await made;
        const { files, bytes, auditHead } = result.summary;
        s.audit.append({ actorId: ctx.operator.id, action: 'backup.created', detail: { files, bytes, auditHeadId: auditHead?.id ?? null } });
        return result;
      } catch (err) {
        if (err instanceof BackupFolderError) throw new AppError({ code: 'VALIDATION', issues: [{ path: 'folder', reason: err.reason }] });
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
  };
}
