/**
 * The administrator's backups as a service of the core: one at a time, into a folder they name
 * (`backup.create`) or into a new dated folder of the schedule's folder — on demand
 * (`backup.now`) or every day at the schedule's time (`tick`, from the core's maintenance timer).
 *
 * A dated backup is verified against its own manifest before the old ones beyond `keep` are
 * removed, so a bad new backup never costs a good old one. Every backup and every failure leaves
 * an audit row; the last one is kept for the settings screen, with what went wrong in words the
 * administrator can act on (no drive, full drive, …).
 */
import { join } from 'node:path';
import type { BackupRun, BackupRunProblem, BackupStatus, BackupSummary } from '../../shared/backup';
import { iso } from '../clock';
import { isDiskFull } from '../db/diskFull';
import type { Services } from '../services';
import { BackupFolderError, createBackup } from './backup';
import { listDated, pruneDated } from './dated';
import { isFolder } from './files';
import { verifyBackup } from './restore';
import { recoverySetAt, writeRecoveryFile } from './recoveryKey';
import { datedName, isDue, nextRunAt } from './schedule';

export interface BackupParts {
  dataDir: string;
  /** The keyring's 'backup-manifest' key. */
  key: Buffer;
  masterKey: Uint8Array;
  /** Holds back scan files' removal until the release is called (ScanService.removals). */
  holdScanRemovals(): () => void;
}

/** A dated backup that could not be made, with what the administrator should know. */
class RunFailed extends Error {
  constructor(readonly problem: BackupRunProblem, readonly folder: string | null) {
    super(problem);
  }
}

export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();
  private runs = 0;

  constructor(
    private readonly s: Services,
    private readonly parts: BackupParts,
  ) {}

  get running(): boolean {
    return this.runs > 0;
  }

  /** Runs `work` after any backup already under way, with scan removals held from this moment. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const release = this.parts.holdScanRemovals();
    this.runs++;
    const done = this.queue.then(work).finally(() => {
      this.runs--;
      release();
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  private backupInto(folder: string): Promise<{ folder: string; summary: BackupSummary }> {
    const { s, parts } = this;
    return createBackup({ db: s.db, dataDir: parts.dataDir, key: parts.key, training: s.training, anchor: () => s.audit.anchor(), now: () => iso(s.clock.now()) }, folder);
  }

  /** Into a folder the administrator names, which must be empty. */
  create(folder: string, actorId: number): Promise<{ folder: string; summary: BackupSummary }> {
    return this.serially(async () => {
      const made = await this.backupInto(folder);
      const { files, bytes, auditHead } = made.summary;
      this.s.audit.append({ actorId, action: 'backup.created', detail: { files, bytes, auditHeadId: auditHead?.id ?? null } });
      return made;
    });
  }

  /** Into a new dated folder of the schedule's folder; the outcome is recorded, never thrown. */
  runDated(scheduled: boolean, actorId: number | null): Promise<BackupRun> {
    return this.serially(async () => {
      const schedule = this.s.settings.backupSchedule();
      const at = iso(this.s.clock.now());
      let run: BackupRun;
      try {
        const { folder, summary, pruned } = await this.makeDated(schedule.folder, schedule.keep);
        run = { at, scheduled, ok: true, folder, problem: null, summary };
        const { files, bytes, auditHead } = summary;
        this.s.audit.append({ actorId, action: 'backup.created', detail: { scheduled, files, bytes, auditHeadId: auditHead?.id ?? null, pruned } });
      } catch (err) {
        const failed = err instanceof RunFailed ? err : new RunFailed(problemOf(err), null);
        run = { at, scheduled, ok: false, folder: failed.folder, problem: failed.problem, summary: null };
        this.s.audit.append({ actorId, action: 'backup.failed', detail: { scheduled, problem: failed.problem } });
      }
      const runs = this.s.settings.backupRuns();
      this.s.settings.putBackupRuns({ last: run, lastScheduled: scheduled ? run : runs.lastScheduled });
      return run;
    });
  }

  private async makeDated(destination: string | null, keep: number) {
    if (!destination) throw new RunFailed('noDestination', null);
    if (!(await isFolder(destination))) throw new RunFailed('destinationMissing', null);
    const folder = join(destination, datedName(this.s.clock.now()));
    const { summary } = await this.backupInto(folder);
    const verdict = await verifyBackup(folder, this.parts.key);
    if (!verdict.ok) throw new RunFailed('verifyFailed', folder);
    return { folder, summary, pruned: await pruneDated(destination, keep, folder) };
  }

  /** From the core's maintenance timer: makes the day's backup when it is due. */
  tick(): void {
    if (this.running) return;
    if (!isDue(this.s.settings.backupSchedule(), this.s.settings.backupRuns().lastScheduled, this.s.clock.now())) return;
    void this.runDated(true, null);
  }

  async status(): Promise<BackupStatus> {
    const schedule = this.s.settings.backupSchedule();
    const runs = this.s.settings.backupRuns();
    const next = nextRunAt(schedule, runs.lastScheduled, this.s.clock.now());
    return {
      schedule,
      lastRun: runs.last,
      nextRunAt: next === null ? null : iso(next),
      backups: schedule.folder ? await listDated(schedule.folder) : [],
      recoverySetAt: await recoverySetAt(this.parts.dataDir),
      running: this.running,
    };
  }

  async setRecovery(passphrase: string, actorId: number): Promise<void> {
    await writeRecoveryFile(this.parts.dataDir, this.parts.masterKey, passphrase, () => iso(this.s.clock.now()));
    // The passphrase itself is never recorded anywhere; only that it was set, and by whom.
    this.s.audit.append({ actorId, action: 'backup.recoverySet', detail: {} });
  }
}

function problemOf(err: unknown): BackupRunProblem {
  if (isDiskFull(err)) return 'diskFull';
  if (err instanceof BackupFolderError) return 'io';
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? 'io' : 'internal';
}
