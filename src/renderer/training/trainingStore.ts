/**
 * Training mode only: the simulated registers' people and powers of attorney for the trainer's
 * demo, and the fault the simulated state systems are told to show.
 */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import type { SimulatorFault } from '../../shared/gateway';
import { invoke } from '../client/client';
import { attempt, toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

export type Population = CallOutput<'training.population'>;

interface TrainingState {
  population: Population | null;
  problem: Problem | null;
  load(): Promise<void>;
  /** The fault last switched on from this screen (the core does not say which is on). */
  fault: SimulatorFault | null;
  setFault(mode: SimulatorFault): Promise<Problem | null>;
}

export const useTraining = create<TrainingState>()((set, get) => ({
  population: null,
  problem: null,
  fault: null,
  async load() {
    if (get().population) return;
    set({ problem: null });
    try {
      set({ population: await invoke('training.population', {}) });
    } catch (error) {
      set({ problem: toProblem(error) });
    }
  },
  async setFault(mode) {
    return attempt(async () => {
      const { mode: on } = await invoke('training.gatewayFault', { mode });
      set({ fault: on });
    });
  },
}));

whenSessionCloses(() => useTraining.setState({ population: null, problem: null }));
