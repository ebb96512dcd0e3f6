/**
 * Administrator: whom the operators' signatures must chain to (the authorities' certificates),
 * the revocation lists, and an OCSP responder if the branch has one. Forwarding always needs a
 * signature on a live counter; only training may switch that off.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SigningSettings } from '../../shared/scans';
import { invoke } from '../client/client';
import { precheck } from '../client/precheck';
import { toProblem, validationProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PemField } from '../ui/PemField';
import { useSaveForm } from '../ui/useSaveForm';

export function SigningTrustSettings() {
  const t = useT();
  const [settings, setSettings] = useState<SigningSettings | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    invoke('signing.settings', {}).then(setSettings, (error: unknown) => setProblem(toProblem(error)));
  }, []);
  return (
    <div className="settings-group" data-testid="signing-settings">
      <h2 className="section-title">{t('signingSettings.title')}</h2>
      <p className="page-lead">{t('signingSettings.lead')}</p>
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {settings && <SigningTrustForm settings={settings} saved={setSettings} />}
    </div>
  );
}

function SigningTrustForm({ settings, saved: onSaved }: { settings: SigningSettings; saved(settings: SigningSettings): void }) {
  const t = useT();
  const [values, setValues] = useState({ ...settings, ocspUrl: settings.ocspUrl ?? '' });
  const { form, problem, saved, busy, save } = useSaveForm();
  const fields = problem?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: SigningSettings = { ...values, ocspUrl: values.ocspUrl.trim() || null };
    await save(validationProblem(precheck('signing.updateSettings', input)), async () => onSaved(await invoke('signing.updateSettings', input)));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={submit} noValidate data-testid="signing-settings-form">
      {saved && <Notice tone="success">{t('signingSettings.saved')}</Notice>}
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <PemField
        label={t('signingSettings.roots')}
        hint={t('signingSettings.rootsHint')}
        name="trustedRootsPem"
        value={values.trustedRootsPem}
        error={fields.trustedRootsPem}
        onChange={(trustedRootsPem) => setValues({ ...values, trustedRootsPem })}
      />
      <PemField
        label={t('signingSettings.crl')}
        hint={t('signingSettings.crlHint')}
        name="crlPem"
        value={values.crlPem}
        error={fields.crlPem}
        onChange={(crlPem) => setValues({ ...values, crlPem })}
      />
      <Field
        label={t('signingSettings.ocsp')}
        hint={t('signingSettings.ocspHint')}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={fields.ocspUrl}
        value={values.ocspUrl}
        onChange={(event) => setValues({ ...values, ocspUrl: event.target.value })}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}
