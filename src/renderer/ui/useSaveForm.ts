/**
 * A settings form's save: the contract's own check first (no round trip for a mistake it already
 * names), then the call; the outcome as a notice in the current language, and the cursor on the
 * first field at fault.
 */
import { useRef, useState } from 'react';
import { attempt, type Problem } from '../client/problem';
import { focusFirstInvalid } from './focusFirstInvalid';
import { useProblem } from './useProblem';

export function useSaveForm() {
  const form = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useProblem();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(checked: Problem | null, call: () => Promise<unknown>): Promise<void> {
    setSaved(false);
    let failed = checked;
    if (!failed) {
      setBusy(true);
      failed = await attempt(call);
      setBusy(false);
    }
    setProblem(failed);
    setSaved(!failed);
    if (failed) focusFirstInvalid(form.current);
  }

  return { form, problem, saved, busy, save };
}
