/**
 * Administrator: where the e-government gateway is, who this workstation is to it, the password
 * (written, never shown), the certificate it is trusted by, and how long to wait and how often to ask.
 */
import type { FormEvent } from 'react';
import type { GatewaySettings } from '../../shared/gateway';
import { precheck } from '../client/precheck';
import { validationProblem } from '../client/problem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { PemField } from '../ui/PemField';
import { useFormValues } from '../ui/useFormValues';
import { useSaveForm } from '../ui/useSaveForm';
import { useGateway } from './gatewayStore';
import { formValues, settingsInput } from './settingsInput';

export function GatewaySettingsForm({ settings }: { settings: GatewaySettings }) {
  const t = useT();
  const saveSettings = useGateway((s) => s.saveSettings);
  const { values, bind, set } = useFormValues(formValues(settings));
  const { form, problem, saved, busy, save } = useSaveForm();
  const fields = problem?.fields ?? {};
  const outOfRange = (name: string) => fields[name] && t('reason.outOfRange');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = settingsInput(values);
    await save(validationProblem(precheck('gateway.updateSettings', input)), async () => {
      await saveSettings(input);
      set('password', '');
    });
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={submit} noValidate data-testid="gateway-settings-form">
      {saved && <Notice tone="success">{t('gateway.settings.saved')}</Notice>}
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <Field label={t('gateway.field.endpoint')} hint={t('gateway.hint.endpoint')} inputMode="url" autoComplete="off" spellCheck={false} error={fields.endpoint} {...bind('endpoint')} />
      <Field label={t('gateway.field.senderId')} hint={t('gateway.hint.senderId')} autoComplete="off" spellCheck={false} error={fields.senderId} {...bind('senderId')} />
      <Field
        label={t('gateway.field.password')}
        type="password"
        autoComplete="new-password"
        placeholder={t(settings.passwordSet ? 'gateway.password.set' : 'gateway.password.notSet')}
        hint={t('gateway.hint.password')}
        error={fields.password}
        data-password-set={settings.passwordSet}
        {...bind('password')}
      />
      <PemField
        label={t('gateway.field.caPem')}
        hint={t('gateway.hint.caPem')}
        name="caPem"
        value={values.caPem}
        error={fields.caPem}
        onChange={(caPem) => set('caPem', caPem)}
      />
      <div className="form-row">
        <Field label={t('gateway.field.timeoutSeconds')} hint={t('gateway.hint.timeoutSeconds')} inputMode="numeric" autoComplete="off" error={outOfRange('timeoutSeconds')} {...bind('timeoutSeconds')} />
        <Field
          label={t('gateway.field.pollIntervalSeconds')}
          hint={t('gateway.hint.pollIntervalSeconds')}
          inputMode="numeric"
          autoComplete="off"
          error={outOfRange('pollIntervalSeconds')}
          {...bind('pollIntervalSeconds')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}
