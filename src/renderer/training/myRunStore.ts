/**
 * The trainee's side: the run the logged-in operator walks (or null). Read on login and again
 * whenever the core says a run moved, so the highlighted step follows the case as it goes.
 */
import { create } from 'zustand';
import type { TrainingRun } from '../../shared/training/scenario';
import { invoke } from '../client/client';
import { coalesce } from '../client/coalesce';
import { whenSessionCloses } from '../session/sessionStore';

interface MyRunState {
  run: TrainingRun | null;
  /** True once the core has answered at least once for this session. */
  known: boolean;
  load(): Promise<void>;
}

export const useMyRun = create<MyRunState>()((set) => ({
  run: null,
  known: false,
  // One read at a time: the steps a run moves through while one is under way cost one more read.
  load: coalesce(async () => {
    try {
      set({ run: await invoke('training.myRun', {}), known: true });
    } catch {
      // Without an answer the panel stays as it was: the case screen works without it.
    }
  }),
}));

whenSessionCloses(() => useMyRun.setState({ run: null, known: false }));
