/**
 * Administrator: how soon an idle screen locks, how long a session may last, the branch's region
 * and hours, the branch server this workstation belongs to, the link to the e-government gateway,
 * the certificates signatures are trusted by, and the backups.
 */
import { useEffect, type FormEvent } from 'react';
import type { Settings } from '../../shared/schemas';
import { BackupSettings } from '../backup/BackupSettings';
import { BranchSettings } from '../branch/BranchSettings';
import { precheck } from '../client/precheck';
import { GatewaySettingsForm } from '../gateway/GatewaySettingsForm';
import { SigningTrustSettings } from '../scans/SigningTrustForm';
import { useGateway } from '../gateway/gatewayStore';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { formatDecimal } from '../ui/format';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { useForm } from '../ui/useForm';
import { BranchForm } from './BranchForm';
import { useSettings } from './settingsStore';

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const saveSettings = useSettings((s) => s.save);
  const { form, bind, values, problem, fieldError, busy, saved, submit } = useForm({
    idleLockMinutes: formatDecimal(locale, settings.idleLockSeconds / 60),
    sessionLimitMinutes: String(settings.sessionLimitMinutes),
  });
  // A number out of range reads better as "outside the range below" than as "too short".
  const outOfRange = (path: string) => fieldError(path) && t('reason.outOfRange');

  async function save(event: FormEvent) {
    event.preventDefault();
    // Typed with a comma too: that is how Kazakh and Russian write 0,5.
    const input = {
      idleLockSeconds: Math.round(Number(values.idleLockMinutes.replace(',', '.')) * 60),
      sessionLimitMinutes: Number(values.sessionLimitMinutes),
    };
    await submit(precheck('settings.update', input), () => saveSettings(input));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="settings-form">
      <FormOutcome problem={problem} saved={saved && t('settings.saved')} />
      <Field label={t('field.idleLockMinutes')} hint={t('hint.idleLock')} inputMode="decimal" autoFocus error={outOfRange('idleLockSeconds')} {...bind('idleLockMinutes')} />
      <Field label={t('field.sessionLimitMinutes')} hint={t('hint.sessionLimit')} inputMode="numeric" error={outOfRange('sessionLimitMinutes')} {...bind('sessionLimitMinutes')} />
      <FormSubmit busy={busy}>{t('action.save')}</FormSubmit>
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
      <BackupSettings />
    </section>
  );
}
