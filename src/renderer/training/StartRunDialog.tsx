/** "Start for a trainee": the scenario chosen, the trainee's login and the window they work at. */
import { useState, type FormEvent } from 'react';
import type { ScenarioSummary } from '../../shared/training/scenario';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { useForm } from '../ui/useForm';
import { useTrainingRuns } from './runsStore';
import { checkStart, startInput, type StartErrors, type StartValues } from './startForm';

export function StartRunDialog({ scenario, onClose }: { scenario: ScenarioSummary; onClose(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const start = useTrainingRuns((s) => s.start);
  const { form, values, bind, problem, fieldError, busy, submit } = useForm<StartValues & Record<string, string>>({ trainee: '', window: '' });
  // The form's own check speaks in its own words (a window's name), not in the contract's reasons.
  const [errors, setErrors] = useState<StartErrors>({});

  async function startRun(event: FormEvent) {
    event.preventDefault();
    const found = checkStart(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (await submit([], () => start(startInput(scenario.id, values)))) onClose();
  }

  return (
    <Dialog title={t('training.start.title')} onClose={onClose}>
      <form ref={form} className="form" onSubmit={startRun} noValidate data-testid="start-run">
        <p className="strong">{scenario.title[locale]}</p>
        <FormOutcome problem={problem} />
        <Field
          label={t('training.start.trainee')}
          hint={t('training.start.traineeHint')}
          autoComplete="off"
          spellCheck={false}
          error={errors.trainee ? t(errors.trainee) : fieldError('trainee')}
          {...bind('trainee')}
        />
        <Field
          label={t('training.start.window')}
          hint={t('training.start.windowHint')}
          autoComplete="off"
          error={errors.window ? t(errors.window) : fieldError('window')}
          {...bind('window')}
        />
        <div className="dialog-actions">
          <Button onClick={onClose} shortcut="Esc">
            {t('action.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('training.start.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
