/**
 * Administrator: where the e-government gateway is, who this workstation is to it, the password
 * (written, never shown), the certificate it is trusted by, and how long to wait and how often to ask.
 */
import type { FormEvent } from 'react';
import type { GatewaySettings } from '../../shared/gateway';
import { precheck } from '../client/precheck';
import { useT } from '../i18n/localeStore';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { FormSubmit } from '../ui/FormSubmit';
import { PemField } from '../ui/PemField';
import { useForm } from '../ui/useForm';
import { useGateway } from './gatewayStore';
import { formValues, settingsInput } from './settingsInput';

export function GatewaySettingsForm({ settings }: { settings: GatewaySettings }) {
  const t = useT();
  const saveSettings = useGateway((s) => s.saveSettings);
  const { form, values, bind, set, problem, fieldError, busy, saved, submit } = useForm(formValues(settings));
  const outOfRange = (path: string) => fieldError(path) && t('reason.outOfRange');

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = settingsInput(values);
    await submit(precheck('gateway.updateSettings', input), async () => {
      await saveSettings(input);
      set('password', '');
    });
  }

  return (
    <form ref={form} className="form form--narrow" onSubmit={save} noValidate data-testid="gateway-settings-form">
      <FormOutcome problem={problem} saved={saved && t('gateway.settings.saved')} />
      <Field label={t('gateway.field.endpoint')} hint={t('gateway.hint.endpoint')} inputMode="url" autoComplete="off" spellCheck={false} error={fieldError('endpoint')} {...bind('endpoint')} />
      <Field label={t('gateway.field.senderId')} hint={t('gateway.hint.senderId')} autoComplete="off" spellCheck={false} error={fieldError('senderId')} {...bind('senderId')} />
      <Field
        label={t('gateway.field.password')}
        type="password"
        autoComplete="new-password"
        placeholder={t(settings.passwordSet ? 'gateway.password.set' : 'gateway.password.notSet')}
        hint={t('gateway.hint.password')}
        error={fieldError('password')}
        data-password-set={settings.passwordSet}
        {...bind('password')}
      />
      <PemField
        label={t('gateway.field.caPem')}
        hint={t('gateway.hint.caPem')}
        name="caPem"
        value={values.caPem}
        error={fieldError('caPem')}
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
      <FormSubmit busy={busy}>{t('action.save')}</FormSubmit>
    </form>
  );
}
