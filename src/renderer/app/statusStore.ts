/**
 * What the workstation said about itself at start-up — first run, training, a storage problem —
 * and a storage problem any call meets later (the database damaged while running).
 */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import { invoke, onCallProblem } from '../client/client';
import { toProblem, type Problem } from '../client/problem';

export type AppStatus = CallOutput<'app.status'>;

interface StatusState {
  status: AppStatus | null;
  problem: Problem | null;
  load(): Promise<AppStatus | null>;
  setupDone(): void;
  /** The core stopped on a storage problem while running: the status says so from now on. */
  storageFailed(storage: NonNullable<AppStatus['storageProblem']>): void;
}

export const useStatus = create<StatusState>()((set, get) => ({
  status: null,
  problem: null,
  async load() {
    set({ problem: null });
    try {
      const status = await invoke('app.status', {});
      set({ status });
      return status;
    } catch (error) {
      set({ status: null, problem: toProblem(error) });
      return null;
    }
  },
  setupDone() {
    const status = get().status;
    if (status) set({ status: { ...status, firstRun: false } });
  },
  storageFailed(storage) {
    const status = get().status;
    // Before the first status there is nothing to amend: the core's own answer will tell it.
    if (status) set({ status: { ...status, ready: false, storageProblem: storage } });
    else void get().load();
  },
}));

/**
 * A call refused because the database was found damaged while the workstation ran turns the
 * whole window to the storage screen (App.tsx), the one a start on that file shows — here, once,
 * for every call of every screen. The core answers 'corrupt' of its own database only; a backup
 * folder's trouble ('io') is shown where it happened and leaves the screen as it is.
 */
onCallProblem((_name, problem) => {
  if (problem.code === 'STORAGE_UNAVAILABLE' && problem.storage?.problem === 'corrupt') useStatus.getState().storageFailed(problem.storage);
});
