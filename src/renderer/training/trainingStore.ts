/** Training mode only: the simulated registers' people and powers of attorney, for the trainer's demo. */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

export type Population = CallOutput<'training.population'>;

interface TrainingState {
  population: Population | null;
  problem: Problem | null;
  load(): Promise<void>;
}

export const useTraining = create<TrainingState>()((set, get) => ({
  population: null,
  problem: null,
  async load() {
    if (get().population) return;
    set({ problem: null });
    try {
      set({ population: await invoke('training.population', {}) });
    } catch (error) {
      set({ problem: toProblem(error) });
    }
  },
}));

whenSessionCloses(() => useTraining.setState({ population: null, problem: null }));
