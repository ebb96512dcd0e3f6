/**
 * The trainer's switch for the simulated state systems: make them slow, fail, or go down, to show
 * the waiting path, acceptance without the link, and the case finishing by itself once it is back.
 */
import { useState, type FormEvent } from 'react';
import { SIMULATOR_FAULTS, type SimulatorFault } from '../../shared/gateway';
import { useGateway } from '../gateway/gatewayStore';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { useProblem } from '../ui/useProblem';
import { useTraining } from './trainingStore';

export function GatewayFaultControl() {
  const t = useT();
  const simulator = useGateway((s) => s.status?.simulator ?? false);
  const { fault, setFault } = useTraining();
  const [mode, setMode] = useState<SimulatorFault>(fault ?? 'none');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useProblem();
  if (!simulator) return null;

  async function apply(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(await setFault(mode));
    setBusy(false);
  }

  return (
    <form className="gateway-fault" onSubmit={apply} data-testid="gateway-fault">
      <h3 className="subsection-title">{t('training.fault.title')}</h3>
      <p className="muted small">{t('training.fault.lead')}</p>
      {problem && <Notice tone="error">{problem.summary}</Notice>}
      <div className="gateway-fault-row">
        <SelectField
          label={t('training.fault.mode')}
          name="fault"
          value={mode}
          options={SIMULATOR_FAULTS.map((value) => ({ value, label: t(`training.fault.${value}`) }))}
          onChange={(event) => setMode(event.target.value as SimulatorFault)}
        />
        <Button type="submit" busy={busy}>
          {t('training.fault.apply')}
        </Button>
      </div>
      {fault && (
        <p className="small" role="status" data-testid="gateway-fault-on">
          {t('training.fault.on', { mode: t(`training.fault.${fault}`) })}
        </p>
      )}
    </form>
  );
}
