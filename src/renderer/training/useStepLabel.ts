import { useCallback, useEffect } from 'react';
import { useCases } from '../cases/casesStore';
import { counterChannel, findStep, stepLabel } from '../cases/steps';
import { useT } from '../i18n/localeStore';

/**
 * A run's step as the act numbers it ("3-үдеріс", "1-шарт"): short enough for a list line, where
 * the step's own words may run to a paragraph. Null until the act is read, or for an unknown step.
 */
export function useStepLabel(regulationId: string): (stepId: string | null) => string | null {
  const t = useT();
  const regulation = useCases((s) => s.regulations[regulationId]);
  useEffect(() => {
    void useCases.getState().regulation(regulationId);
  }, [regulationId]);
  return useCallback(
    (stepId) => {
      const step = stepId && regulation ? findStep(counterChannel(regulation), stepId) : undefined;
      return step ? stepLabel(t, step) : null;
    },
    [t, regulation],
  );
}
