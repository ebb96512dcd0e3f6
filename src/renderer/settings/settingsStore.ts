/** The workstation's lock and session limits and the branch (region, hours), as the administrator sets them. */
import { create } from 'zustand';
import type { BranchSettings } from '../../shared/contract';
import type { Settings } from '../../shared/schemas';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

interface SettingsState {
  settings: Settings | null;
  problem: Problem | null;
  load(): Promise<void>;
  save(settings: Settings): Promise<void>;
  branch: BranchSettings | null;
  branchProblem: Problem | null;
  loadBranch(): Promise<void>;
  saveBranch(branch: BranchSettings): Promise<void>;
  forget(): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  problem: null,
  async load() {
    set({ problem: null });
    try {
      set({ settings: await invoke('settings.get', {}) });
    } catch (error) {
      set({ problem: toProblem(error) });
    }
  },
  async save(settings) {
    set({ settings: await invoke('settings.update', settings) });
  },
  branch: null,
  branchProblem: null,
  async loadBranch() {
    set({ branchProblem: null });
    try {
      set({ branch: await invoke('branch.get', {}) });
    } catch (error) {
      set({ branchProblem: toProblem(error) });
    }
  },
  async saveBranch(branch) {
    set({ branch: await invoke('branch.update', branch) });
  },
  forget() {
    set({ settings: null, problem: null, branch: null, branchProblem: null });
  },
}));

whenSessionCloses(() => useSettings.getState().forget());
