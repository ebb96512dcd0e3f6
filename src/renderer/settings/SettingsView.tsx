/**
 * Administrator: how soon an idle screen locks, how long a session may last, the branch's region
 * and hours, the branch server this workstation belongs to, and the link to the e-government gateway.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../shared/schemas';
import { BranchSettings } from '../branch/BranchSettings';
import { validationProblem } from '../client/problem';
import { precheck } from '../client/precheck';
import { GatewaySettingsForm } from '../gateway/GatewaySettingsForm';
import { SigningTrustSettings } from '../scans/SigningTrustForm';
import { useGateway } from '../gateway/gatewayStore';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { formatDecimal } from '../ui/format';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { useSaveForm } from '../ui/useSaveForm';
import { BranchForm } from './BranchForm';
import { useSettings } from './settingsStore';

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const save = useSettings((s) => s.save);
  const [idleMinutes, setIdleMinutes] = useState(() => formatDecimal(locale, settings.idleLockSeconds / 60));
  const [limitMinutes, setLimitMinutes] = useState(String(settings.sessionLimitMinutes));
  const { form, problem, saved, busy, save: submitSave } = useSaveForm();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Typed with a comma too: that is how Kazakh and Russian write 0,5.
    const input = {
      idleLockSeconds: Math.round(Number(idleMinutes.replace(',', '.')) * 60),
      sessionLimitMinutes: Number(limitMinutes),
    };
    await submitSave(validationProblem(precheck('settings.update', input)), () => save(input));
  }

  // A number out of range reads better as "outside the range below" than as "too short".
  return (
    <form ref={form} className="form form--narrow" onSubmit={submit} noValidate data-testid="settings-form">
      {saved && <Notice tone="success">{t('settings.saved')}</Notice>}
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <Field
        label={t('field.idleLockMinutes')}
        hint={t('hint.idleLock')}
        inputMode="decimal"
        autoFocus
        name="idleLockMinutes"
        value={idleMinutes}
        error={problem?.fields.idleLockSeconds && t('reason.outOfRange')}
        onChange={(event) => setIdleMinutes(event.target.value)}
      />
      <Field
        label={t('field.sessionLimitMinutes')}
        hint={t('hint.sessionLimit')}
        inputMode="numeric"
        name="sessionLimitMinutes"
        value={limitMinutes}
        error={problem?.fields.sessionLimitMinutes && t('reason.outOfRange')}
        onChange={(event) => setLimitMinutes(event.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}

export function SettingsView() {
  const t = useT();
  const { settings, problem, load, branch, branchProblem, loadBranch } = useSettings();
  const { settings: gateway, settingsProblem: gatewayProblem, loadSettings: loadGateway } = useGateway();
  useEffect(() => {
    void load();
    void loadBranch();
    void loadGateway();
  }, [load, loadBranch, loadGateway]);
  return (
    <section data-testid="settings-view">
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <div className="settings-group">
        <h2 className="section-title">{t('settings.session')}</h2>
        {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
        {settings && <SettingsForm settings={settings} />}
      </div>
      <div className="settings-group">
        <h2 className="section-title">{t('settings.branch')}</h2>
        <p className="page-lead">{t('settings.branchLead')}</p>
        {branchProblem && <Notice tone="error">{describeProblem(t, branchProblem).summary}</Notice>}
        {branch && <BranchForm branch={branch} />}
      </div>
      <BranchSettings />
      <div className="settings-group">
        <h2 className="section-title">{t('gateway.settings.title')}</h2>
        <p className="page-lead">{t('gateway.settings.lead')}</p>
        {gatewayProblem && <Notice tone="error">{describeProblem(t, gatewayProblem).summary}</Notice>}
        {gateway && <GatewaySettingsForm settings={gateway} />}
      </div>
      <SigningTrustSettings />
    </section>
  );
}
