import { useEffect } from 'react';
import { on } from '../client/client';
import { useBranch } from './branchStore';

/** While a screen that shows the branch link is up: its state fetched once, then followed from the core's pushes. */
export function useBranchLive(): void {
  useEffect(() => {
    void useBranch.getState().loadStatus();
    return on('branch.changed', (status) => useBranch.getState().statusChanged(status));
  }, []);
}
