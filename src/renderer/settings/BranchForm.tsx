/** Administrator: the branch's region (which acts apply here) and its hours (how minute norms count). */
import type { FormEvent } from 'react';
import type { BranchSettings } from '../../shared/contract';
import { REGIONS, type Region } from '../../shared/regulation';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { SelectField } from '../ui/SelectField';
import { useForm } from '../ui/useForm';
import { useSettings } from './settingsStore';

export function BranchForm({ branch }: { branch: BranchSettings }) {
  const t = useT();
  const saveBranch = useSettings((s) => s.saveBranch);
  const { form, values, bind, problem, fieldError, busy, saved, submit } = useForm({ region: branch.region as string, opensAt: branch.opensAt, closesAt: branch.closesAt });

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = { region: values.region as Region, opensAt: values.opensAt.trim(), closesAt: values.closesAt.trim() };
    const issues = precheck('branch.update', input);
    if (!issues.length && input.opensAt >= input.closesAt) issues.push({ path: 'closesAt', reason: 'time.closesBeforeOpens' });
    await submit(issues, () => saveBranch(input));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="branch-form">
      <FormOutcome problem={problem} saved={saved && t('branch.saved')} />
      <SelectField
        label={t('field.region')}
        options={REGIONS.map((region) => ({ value: region, label: t(`region.${region}`) }))}
        error={fieldError('region')}
        hint={t('hint.region')}
        {...bind('region')}
      />
      <div className="form-row">
        <Field label={t('field.opensAt')} hint={t('hint.time')} inputMode="numeric" autoComplete="off" error={fieldError('opensAt')} {...bind('opensAt')} />
        <Field label={t('field.closesAt')} hint={t('hint.time')} inputMode="numeric" autoComplete="off" error={fieldError('closesAt')} {...bind('closesAt')} />
      </div>
      <FormSubmit busy={busy}>{t('action.save')}</FormSubmit>
    </form>
  );
}
