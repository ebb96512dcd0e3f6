/** A step the state systems perform: the case waits for their answer; the operator may ask again. */
import type { CaseView } from '../../../shared/cases';
import type { Channel, Step } from '../../../shared/regulation';
import { useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useCases } from '../casesStore';

export function WaitingPanel({ channel, step, view }: { channel: Channel; step: Step; view: CaseView }) {
  const t = useT();
  const { refresh, busy } = useCases();
  const target = t(channel.targetSystem === 'eSobes' ? 'target.eSobes' : 'target.regionalGateway');
  const onRegisters = step.effect === 'stateDatabaseRequest' || step.effect === 'stateDatabaseCheck';
  return (
    <div className="panel-form" data-testid="waiting-panel">
      {view.gatewayWaiting && (
        <div className="notice notice--warning" role="status" data-testid="gateway-waiting">
          {t('waiting.gateway')}
        </div>
      )}
      <p className="waiting-text">
        <span className="spinner" aria-hidden="true" />
        {onRegisters ? t('waiting.registers') : t('waiting.target', { target })}
      </p>
      {view.registrationNumber && (
        <p className="muted">
          {t('case.registrationNumber')}: <span className="mono">{view.registrationNumber}</span>
        </p>
      )}
      <div className="form-actions">
        <Button variant="primary" busy={busy} autoFocus onClick={() => void refresh()} data-testid="refresh">
          {t('action.askAgain')}
        </Button>
      </div>
    </div>
  );
}
