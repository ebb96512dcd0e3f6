import { useEffect } from 'react';
import { on } from '../client/client';
import { useCases } from './casesStore';

/** Cases move without the operator (the state systems answer): the screens showing them read them again. */
export function useCaseEvents(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    return on('cases.changed', ({ caseId }) => useCases.getState().caseChanged(caseId));
  }, [enabled]);
}
