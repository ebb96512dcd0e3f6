/** What a form's last submit came to, above its fields: saved, or the problem in one sentence. */
import type { ProblemText } from '../i18n/describeProblem';
import { Notice } from './Notice';

export function FormOutcome({ problem, saved }: { problem: ProblemText | null; saved?: string | false | undefined }) {
  return (
    <>
      {saved && <Notice tone="success">{saved}</Notice>}
      {problem && <Notice tone="error">{problem.summary}</Notice>}
    </>
  );
}
