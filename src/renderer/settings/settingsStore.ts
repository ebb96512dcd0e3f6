/** The workstation's lock and session limits, as the administrator sets them. */
import { create } from 'zustand';
import type { Settings } from '../../shared/schemas';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

interface SettingsState {
  settings: Settings | null;
  problem: Problem | null;
  load(): Promise<void>;
  save(settings: Settings): Promise<void>;
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
  forget() {
    set({ settings: null, problem: null });
  },
}));

whenSessionCloses(() => useSettings.getState().forget());
