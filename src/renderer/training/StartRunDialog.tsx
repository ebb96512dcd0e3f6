/** "Start for a trainee": the scenario chosen, the trainee's login and the window they work at. */
import { useState, type FormEvent } from 'react';
import type { ScenarioSummary } from '../../shared/training/scenario';
import { attempt } from '../client/problem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { useProblem } from '../ui/useProblem';
import { useTrainingRuns } from './runsStore';
import { checkStart, startInput, type StartErrors, type StartValues } from './startForm';

export function StartRunDialog({ scenario, onClose }: { scenario: ScenarioSummary; onClose(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const start = useTrainingRuns((s) => s.start);
  const [values, setValues] = useState<StartValues>({ trainee: '', window: '' });
  const [errors, setErrors] = useState<StartErrors>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useProblem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkStart(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const failed = await attempt(() => start(startInput(scenario.id, values)));
    setBusy(false);
    setProblem(failed);
    if (!failed) onClose();
  }

  const set = (name: keyof StartValues) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });
  return (
    <Dialog title={t('training.start.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate data-testid="start-run">
        <p className="strong">{scenario.title[locale]}</p>
        {problem && <Notice tone="error">{problem.summary}</Notice>}
        <Field
          label={t('training.start.trainee')}
          hint={t('training.start.traineeHint')}
          name="trainee"
          autoComplete="off"
          spellCheck={false}
          value={values.trainee}
          onChange={set('trainee')}
          error={errors.trainee ? t(errors.trainee) : problem?.fields.trainee}
        />
        <Field
          label={t('training.start.window')}
          hint={t('training.start.windowHint')}
          name="window"
          autoComplete="off"
          value={values.window}
          onChange={set('window')}
          error={errors.window ? t(errors.window) : problem?.fields.window}
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
