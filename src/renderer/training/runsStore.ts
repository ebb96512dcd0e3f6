/**
 * The trainer's side of training mode: the scenarios that can be started, the runs of the day
 * (each trainee's progress step by step), and the actions on them — start, stop, reset. The core
 * says when a run moved ('training.changed'); the screen then reads the runs again, never guesses.
 */
import { create } from 'zustand';
import type { CallInput } from '../../shared/contract';
import type { ScenarioSummary, TrainingRun } from '../../shared/training/scenario';
import { invoke } from '../client/client';
import { coalesce } from '../client/coalesce';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

export interface ResetDone {
  cases: number;
  tickets: number;
}

interface RunsState {
  scenarios: ScenarioSummary[] | null;
  runs: TrainingRun[] | null;
  problem: Problem | null;
  /** The last reset's counts, shown until the next action. */
  reset: ResetDone | null;
  loadScenarios(): Promise<void>;
  refresh(): Promise<void>;
  start(input: CallInput<'training.start'>): Promise<TrainingRun>;
  stop(runId: number): Promise<void>;
  resetData(): Promise<void>;
}

export const useTrainingRuns = create<RunsState>()((set, get) => ({
  scenarios: null,
  runs: null,
  problem: null,
  reset: null,
  async loadScenarios() {
    try {
      const { scenarios } = await invoke('training.scenarios', {});
      set({ scenarios, problem: null });
    } catch (error) {
      set({ problem: toProblem(error) });
    }
  },
  // One read at a time; events that arrive meanwhile ask for exactly one more afterwards.
  refresh: coalesce(async () => {
    try {
      const { runs } = await invoke('training.runs', {});
      set({ runs: newestFirst(runs) });
    } catch (error) {
      set({ problem: toProblem(error) });
    }
  }),
  async start(input) {
    const run = await invoke('training.start', input);
    set({ runs: newestFirst([run, ...(get().runs ?? []).filter((r) => r.id !== run.id)]), reset: null });
    return run;
  },
  async stop(runId) {
    const run = await invoke('training.stop', { runId });
    set({ runs: (get().runs ?? []).map((r) => (r.id === run.id ? run : r)) });
  },
  async resetData() {
    const done = await invoke('training.reset', {});
    set({ reset: done, runs: [] });
    await get().refresh();
  },
}));

function newestFirst(runs: TrainingRun[]): TrainingRun[] {
  return [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
}

whenSessionCloses(() => useTrainingRuns.setState({ scenarios: null, runs: null, problem: null, reset: null }));
