/**
 * Administrator: whom the operators' signatures must chain to (the authorities' certificates),
 * the revocation lists, and an OCSP responder if the branch has one. Forwarding always needs a
 * signature on a live counter; only training may switch that off.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SigningSettings } from '../../shared/scans';
import { invoke } from '../client/client';
import { precheck } from '../client/precheck';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { Notice } from '../ui/Notice';
import { PemField } from '../ui/PemField';
import { useForm } from '../ui/useForm';

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
  const { form, values, bind, set, problem, fieldError, busy, saved, submit } = useForm({
    trustedRootsPem: settings.trustedRootsPem,
    crlPem: settings.crlPem,
    ocspUrl: settings.ocspUrl ?? '',
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    // Whether a signature is required is not this form's to change: it goes back as it came.
    const input: SigningSettings = { ...values, ocspUrl: values.ocspUrl.trim() || null, required: settings.required };
    await submit(precheck('signing.updateSettings', input), async () => onSaved(await invoke('signing.updateSettings', input)));
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="signing-settings-form">
      <FormOutcome problem={problem} saved={saved && t('signingSettings.saved')} />
      <PemField
        label={t('signingSettings.roots')}
        hint={t('signingSettings.rootsHint')}
        name="trustedRootsPem"
        value={values.trustedRootsPem}
        error={fieldError('trustedRootsPem')}
        onChange={(trustedRootsPem) => set('trustedRootsPem', trustedRootsPem)}
      />
      <PemField
        label={t('signingSettings.crl')}
        hint={t('signingSettings.crlHint')}
        name="crlPem"
        value={values.crlPem}
        error={fieldError('crlPem')}
        onChange={(crlPem) => set('crlPem', crlPem)}
      />
      <Field
        label={t('signingSettings.ocsp')}
        hint={t('signingSettings.ocspHint')}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        error={fieldError('ocspUrl')}
        {...bind('ocspUrl')}
      />
      <FormSubmit busy={busy}>{t('action.save')}</FormSubmit>
    </form>
  );
}
