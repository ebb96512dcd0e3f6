/**
 * Administrator: joining this workstation to a branch — the branch server's two addresses, the
 * branch's CA certificate and the one-time code. Once the branch has taken the code it is cleared:
 * it is good for one enrollment only.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { BranchStatus } from '../../shared/branchStatus';
import { precheck } from '../client/precheck';
import { attempt, validationProblem, type Problem } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { focusFirstInvalid } from '../ui/focusFirstInvalid';
import { Notice } from '../ui/Notice';
import { PemField } from '../ui/PemField';
import { useFormValues } from '../ui/useFormValues';
import { useBranch } from './branchStore';
import { describeEnrollProblem, EMPTY_ENROLL_FORM, enrollInput } from './enrollForm';

export function BranchEnrollForm({ joined }: { joined: boolean }) {
  const t = useT();
  const enroll = useBranch((s) => s.enroll);
  const { values, bind, set } = useFormValues(EMPTY_ENROLL_FORM);
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<BranchStatus | null>(null);
  // Described here, not by useSaveForm: an unanswered enrollment means something else than a ticket's.
  const text = problem && describeEnrollProblem(t, problem);
  const fields = text?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = enrollInput(values);
    setDone(null);
    let failed = validationProblem(precheck('branch.enroll', input));
    if (!failed) {
      setBusy(true);
      failed = await attempt(async () => {
        setDone(await enroll(input));
        set('code', '');
      });
      setBusy(false);
    }
    setProblem(failed);
    if (failed) focusFirstInvalid(form.current);
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={submit} noValidate data-testid="branch-enroll-form">
      <h3 className="subsection-title">{t('branch.enroll.title')}</h3>
      <p className="page-lead">{t('branch.enroll.lead')}</p>
      {joined && !done && <Notice tone="info">{t('branch.enroll.again')}</Notice>}
      {done && (
        <Notice tone="success" testId="branch-enrolled">
          {t('branch.enroll.done', { branch: done.branchName ?? done.branchId ?? '—', device: done.device ?? '—' })}
        </Notice>
      )}
      {text && <Notice tone="error">{text.summary}</Notice>}
      <Field
        label={t('branch.enroll.enrollUrl')}
        hint={t('branch.enroll.enrollUrlHint')}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={fields.enrollUrl}
        {...bind('enrollUrl')}
      />
      <Field label={t('branch.enroll.apiUrl')} hint={t('branch.enroll.apiUrlHint')} inputMode="url" autoComplete="off" spellCheck={false} error={fields.apiUrl} {...bind('apiUrl')} />
      <PemField label={t('branch.enroll.caPem')} hint={t('branch.enroll.caPemHint')} name="caPem" value={values.caPem} error={fields.caPem} onChange={(caPem) => set('caPem', caPem)} />
      <Field
        label={t('branch.enroll.code')}
        hint={t('branch.enroll.codeHint')}
        className="branch-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={fields.code}
        {...bind('code')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('branch.enroll.submit')}
        </Button>
      </div>
    </form>
  );
}
