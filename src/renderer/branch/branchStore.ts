/**
 * The link to the branch server as this workstation sees it: the state the core pushes on every
 * change, and the administrator's enrollment. Public (the hall's screens read it too) and free of
 * personal data, so it is not forgotten when a session closes.
 */
import { create } from 'zustand';
import type { BranchStatus } from '../../shared/branchStatus';
import type { CallInput } from '../../shared/contract';
import { invoke } from '../client/client';

interface BranchState {
  status: BranchStatus | null;
  loadStatus(): Promise<void>;
  /** The core said the link, or what is still to be sent, changed. */
  statusChanged(status: BranchStatus): void;
  /** Joins a branch; the status the core answers with is the new one. Throws CallFailed. */
  enroll(input: CallInput<'branch.enroll'>): Promise<BranchStatus>;
}

export const useBranch = create<BranchState>()((set) => {
  // A push newer than a fetch in flight wins: the fetch's answer would put an older state back.
  let changes = 0;

  return {
    status: null,
    async loadStatus() {
      const before = changes;
      try {
        const status = await invoke('branch.status', {});
        if (changes === before) set({ status });
      } catch {
        // No word from the core about the branch: the indicator stays hidden until the next push.
      }
    },
    statusChanged(status) {
      changes++;
      set({ status });
    },
    async enroll(input) {
      const status = await invoke('branch.enroll', input);
      changes++;
      set({ status });
      return status;
    },
  };
});
