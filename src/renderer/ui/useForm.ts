/**
 * One form's state, as every settings and setup form keeps it: the values as typed, the problem
 * of the last submit in the current language (its summary, and the contract's VALIDATION issues
 * as messages beside their fields), whether it is being sent, and whether it went through.
 *
 * A submit is checked first — with the contract's own check (`precheck`) and whatever the form adds
 * — so a mistake the contract already names costs no round trip; then the call. After a failure the
 * cursor goes to the first field at fault, so Enter-driven work goes on.
 */
import { useMemo, useRef, useState } from 'react';
import type { FieldIssue } from '../../shared/errors';
import { attempt, validationProblem, type Problem } from '../client/problem';
import { describeProblem, type ProblemText } from '../i18n/describeProblem';
import { useT, type Translate } from '../i18n/localeStore';
import { focusFirstInvalid } from './focusFirstInvalid';
import { useFormValues } from './useFormValues';

interface FormOptions {
  /** A form whose failures mean something of their own (an unanswered enrollment) says so here. */
  describe?(t: Translate, problem: Problem): ProblemText;
}

export function useForm<T extends Record<string, string>>(initial: T, options: FormOptions = {}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { values, set, bind, setValues } = useFormValues(initial);
  const [failure, setFailure] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const describe = options.describe ?? describeProblem;
  const problem = useMemo(() => (failure ? describe(t, failure) : null), [describe, t, failure]);

  /** The issues found before sending stop the submit; otherwise the call runs. True when it went through. */
  async function submit(issues: FieldIssue[], call: () => Promise<unknown>): Promise<boolean> {
    setTried(true);
    setSaved(false);
    let failed = validationProblem(issues);
    if (!failed) {
      setBusy(true);
      failed = await attempt(call);
      setBusy(false);
    }
    setFailure(failed);
    setSaved(!failed);
    if (failed) focusFirstInvalid(form.current);
    return !failed;
  }

  return {
    form,
    values,
    set,
    bind,
    setValues,
    /** The last submit's failure in words, or null. */
    problem,
    /** The message beside one field (by its dotted path), if the last submit found one there. */
    fieldError: (path: string): string | undefined => problem?.fields[path],
    busy,
    saved,
    /** A submit has been tried: a form that checks as it is filled in starts showing what is missing. */
    tried,
    submit,
  };
}
