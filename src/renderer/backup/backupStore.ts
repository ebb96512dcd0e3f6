/**
 * The administrator's backups as the settings screen shows them: the schedule, the last run and
 * the dated backups (one `backup.status`), "Back up now", the check of one backup, and the
 * recovery passphrase. While a backup runs the status is read again every few seconds, so the
 * screen shows its end without the administrator pressing anything.
 */
import { create } from 'zustand';
import type { BackupSchedule, BackupStatus, BackupVerdict } from '../../shared/backup';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

/** How often the status is read while a backup is being made. */
export const RUNNING_POLL_MS = 2000;

interface BackupState {
  status: BackupStatus | null;
  problem: Problem | null;
  /** Verdicts of the backups checked on this screen, by folder. */
  verdicts: Record<string, BackupVerdict>;
  checking: string | null;
  backingUp: boolean;
  load(): Promise<void>;
  saveSchedule(schedule: BackupSchedule): Promise<void>;
  backUpNow(): Promise<void>;
  check(folder: string): Promise<void>;
  setRecovery(passphrase: string, again: string): Promise<void>;
  forget(): void;
}

let poll: ReturnType<typeof setTimeout> | undefined;

export const useBackups = create<BackupState>()((set, get) => {
  /** Takes a status the core answered with, and reads it again later while a backup runs. */
  const take = (status: BackupStatus) => {
    clearTimeout(poll);
    set({ status, problem: null });
    if (status.running) poll = setTimeout(() => void get().load(), RUNNING_POLL_MS);
  };
  return {
    status: null,
    problem: null,
    verdicts: {},
    checking: null,
    backingUp: false,
    async load() {
      try {
        take(await invoke('backup.status', {}));
      } catch (error) {
        set({ problem: toProblem(error) });
      }
    },
    async saveSchedule(schedule) {
      take(await invoke('backup.setSchedule', schedule));
    },
    async backUpNow() {
      set({ backingUp: true });
      try {
        take(await invoke('backup.now', {}));
      } finally {
        set({ backingUp: false });
      }
    },
    async check(folder) {
      set({ checking: folder });
      try {
        const verdict = await invoke('backup.verify', { folder });
        set({ verdicts: { ...get().verdicts, [folder]: verdict } });
      } catch (error) {
        set({ problem: toProblem(error) });
      } finally {
        set({ checking: null });
      }
    },
    async setRecovery(passphrase, again) {
      take(await invoke('backup.setRecovery', { passphrase, again }));
    },
    forget() {
      clearTimeout(poll);
      set({ status: null, problem: null, verdicts: {}, checking: null, backingUp: false });
    },
  };
});

whenSessionCloses(() => useBackups.getState().forget());
