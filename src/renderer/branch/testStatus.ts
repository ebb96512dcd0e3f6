/** A branch status for the renderer's tests: online at a known branch, nothing pending, changed by a patch. */
import type { BranchStatus } from '../../shared/branchStatus';

export const branchStatus = (patch: Partial<BranchStatus> = {}): BranchStatus => ({
  state: 'online',
  branchId: 'ALA-03',
  branchName: 'Алматы, №3',
  device: 'window-7',
  pending: { tickets: 0, cases: 0, audit: 0 },
  lastSyncAt: null,
  problem: null,
  ...patch,
});
