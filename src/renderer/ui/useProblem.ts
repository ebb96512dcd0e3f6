/** A form's last failure, turned into words by the one mapper in the current language. */
import { useMemo, useState } from 'react';
import type { Problem } from '../client/problem';
import { describeProblem, type ProblemText } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';

export function useProblem(): [ProblemText | null, (problem: Problem | null) => void] {
  const t = useT();
  const [problem, setProblem] = useState<Problem | null>(null);
  const text = useMemo(() => (problem ? describeProblem(t, problem) : null), [t, problem]);
  return [text, setProblem];
}
