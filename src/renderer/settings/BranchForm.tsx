/** Administrator: the branch's region (which acts apply here) and its hours (how minute norms count). */
import type { FormEvent } from 'react';
import type { BranchSettings } from '../../shared/contract';
import { REGIONS, type Region } from '../../shared/regulation';
import { precheck } from '../client/precheck';
import { validationProblem } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { useFormValues } from '../ui/useFormValues';
import { useSaveForm } from '../ui/useSaveForm';
import { useSettings } from './settingsStore';

export function BranchForm({ branch }: { branch: BranchSettings }) {
  const t = useT();
  const saveBranch = useSettings((s) => s.saveBranch);
  const { values, bind } = useFormValues({ region: branch.region as string, opensAt: branch.opensAt, closesAt: branch.closesAt });
  const { form, problem, saved, busy, save } = useSaveForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { region: values.region as Region, opensAt: values.opensAt.trim(), closesAt: values.closesAt.trim() };
    let checked = validationProblem(precheck('branch.update', input));
    if (!checked && input.opensAt >= input.closesAt) checked = { code: 'VALIDATION', issues: [{ path: 'closesAt', reason: 'time.closesBeforeOpens' }] };
    await save(checked, () => saveBranch(input));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={submit} noValidate data-testid="branch-form">
      {saved && <Notice tone="success">{t('branch.saved')}</Notice>}
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <SelectField
        label={t('field.region')}
        options={REGIONS.map((region) => ({ value: region, label: t(`region.${region}`) }))}
        error={problem?.fields.region}
        hint={t('hint.region')}
        {...bind('region')}
      />
      <div className="form-row">
        <Field label={t('field.opensAt')} hint={t('hint.time')} inputMode="numeric" autoComplete="off" error={problem?.fields.opensAt} {...bind('opensAt')} />
        <Field label={t('field.closesAt')} hint={t('hint.time')} inputMode="numeric" autoComplete="off" error={problem?.fields.closesAt} {...bind('closesAt')} />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}
