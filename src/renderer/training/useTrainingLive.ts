import { useEffect } from 'react';
import { on } from '../client/client';
import { useMyRun } from './myRunStore';
import { useTrainingRuns } from './runsStore';

/** The trainer's screen: a run moved (a step done, the score ready) — read the runs again. */
export function useRunsLive(): void {
  useEffect(() => {
    const refresh = () => void useTrainingRuns.getState().refresh();
    refresh();
    const offRun = on('training.changed', refresh);
    // A state system's answer moves a trainee's case without the trainee: the run's step moves too.
    const offCase = on('cases.changed', ({ caseId }) => {
      if (useTrainingRuns.getState().runs?.some((run) => run.caseId === caseId)) refresh();
    });
    return () => {
      offRun();
      offCase();
    };
  }, []);
}

/**
 * The trainee's run, in training mode only: read at login, again when a run moves, and when a case
 * moves without the operator (a state system's answer decides the next step of the run too).
 */
export function useMyRunLive(training: boolean): void {
  useEffect(() => {
    if (!training) return;
    const load = () => void useMyRun.getState().load();
    load();
    const offRun = on('training.changed', load);
    const offCase = on('cases.changed', ({ caseId }) => {
      if (useMyRun.getState().run?.caseId === caseId) load();
    });
    return () => {
      offRun();
      offCase();
    };
  }, [training]);
}
