/** What the workstation said about itself at start-up: first run, training, a storage problem. */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';

export type AppStatus = CallOutput<'app.status'>;

interface StatusState {
  status: AppStatus | null;
  problem: Problem | null;
  load(): Promise<AppStatus | null>;
  setupDone(): void;
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
}));
