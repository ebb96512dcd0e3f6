/**
 * Administrator: joining this workstation to a branch — the branch server's two addresses, the
 * branch's CA certificate and the one-time code. Once the branch has taken the code it is cleared:
 * it is good for one enrollment only.
 */
import { useState, type FormEvent } from 'react';
import type { BranchStatus } from '../../shared/branchStatus';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { Notice } from '../ui/Notice';
import { PemField } from '../ui/PemField';
import { useForm } from '../ui/useForm';
import { useBranch } from './branchStore';
import { describeEnrollProblem, EMPTY_ENROLL_FORM, enrollInput } from './enrollForm';

export function BranchEnrollForm({ joined }: { joined: boolean }) {
  const t = useT();
  const enroll = useBranch((s) => s.enroll);
  // Described by its own words: an unanswered enrollment means something else than a ticket's.
  const { form, values, bind, set, problem, fieldError, busy, submit } = useForm(EMPTY_ENROLL_FORM, { describe: describeEnrollProblem });
  const [done, setDone] = useState<BranchStatus | null>(null);

  async function join(event: FormEvent) {
    event.preventDefault();
    const input = enrollInput(values);
    setDone(null);
    await submit(precheck('branch.enroll', input), async () => {
      setDone(await enroll(input));
      set('code', '');
    });
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={join} noValidate data-testid="branch-enroll-form">
      <h3 className="subsection-title">{t('branch.enroll.title')}</h3>
      <p className="page-lead">{t('branch.enroll.lead')}</p>
      {joined && !done && <Notice tone="info">{t('branch.enroll.again')}</Notice>}
      {done && (
        <Notice tone="success" testId="branch-enrolled">
          {t('branch.enroll.done', { branch: done.branchName ?? done.branchId ?? '—', device: done.device ?? '—' })}
        </Notice>
      )}
      <FormOutcome problem={problem} />
      <Field
        label={t('branch.enroll.enrollUrl')}
        hint={t('branch.enroll.enrollUrlHint')}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={fieldError('enrollUrl')}
        {...bind('enrollUrl')}
      />
      <Field label={t('branch.enroll.apiUrl')} hint={t('branch.enroll.apiUrlHint')} inputMode="url" autoComplete="off" spellCheck={false} error={fieldError('apiUrl')} {...bind('apiUrl')} />
      <PemField label={t('branch.enroll.caPem')} hint={t('branch.enroll.caPemHint')} name="caPem" value={values.caPem} error={fieldError('caPem')} onChange={(caPem) => set('caPem', caPem)} />
      <Field
        label={t('branch.enroll.code')}
        hint={t('branch.enroll.codeHint')}
        className="branch-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={fieldError('code')}
        {...bind('code')}
      />
      <FormSubmit busy={busy}>{t('branch.enroll.submit')}</FormSubmit>
    </form>
  );
}
