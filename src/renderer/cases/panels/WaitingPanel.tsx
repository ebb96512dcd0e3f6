/**
 * A step the state systems perform: the case waits for their answer, and goes on by itself when
 * it comes. The panel says what it waits for and whether the link is there; the operator may send
 * the case's requests again now.
 */
import type { CaseView } from '../../../shared/cases';
import type { Channel, Step } from '../../../shared/regulation';
import { useGateway } from '../../gateway/gatewayStore';
import { linkDown } from '../../gateway/words';
import { useT } from '../../i18n/localeStore';
import { Button } from '../../ui/Button';
import { useCases } from '../casesStore';

interface WaitingPanelProps {
  channel: Channel;
  step: Step;
  view: CaseView;
  /** Off where another action on the same panel is the one to take first. */
  autoFocus?: boolean;
}

function WaitingFor({ channel, step, view }: Omit<WaitingPanelProps, 'autoFocus'>) {
  const t = useT();
  const target = t(channel.targetSystem === 'eSobes' ? 'target.eSobes' : 'target.regionalGateway');
  // The request not yet answered says best what the case waits for; without one, the step does.
  const open = view.outbox.find((m) => m.state !== 'done');
  let words: string;
  if (open) words = t(`waiting.for.${open.kind}`, { target });
  else if (step.effect === 'stateDatabaseRequest' || step.effect === 'stateDatabaseCheck') words = t('waiting.registers');
  else words = t('waiting.target', { target });
  return (
    <p className="waiting-text" role="status" data-testid="waiting-for">
      <span className="spinner" aria-hidden="true" />
      {words}
    </p>
  );
}

/** The counter part is over: the applicant has the receipt and need not wait. */
function CounterDone({ view }: { view: CaseView }) {
  const t = useT();
  const openDocument = useCases((s) => s.openDocument);
  const receipt = view.documents.some((d) => d.kind === 'receipt');
  return (
    <div className="notice notice--info" role="status" data-testid="counter-done">
      <p>{t('waiting.counterDone')}</p>
      {receipt && (
        <div>
          <Button variant="quiet" onClick={() => openDocument(view.id, 'receipt')} data-testid="open-receipt">
            {t('document.openNamed', { name: t('document.receipt') })}
          </Button>
        </div>
      )}
    </div>
  );
}

export function WaitingPanel({ channel, step, view, autoFocus = true }: WaitingPanelProps) {
  const t = useT();
  const { refresh, busy } = useCases();
  const down = linkDown(useGateway((s) => s.status?.link));
  return (
    <div className="panel-form" data-testid="waiting-panel">
      {view.gatewayWaiting && (
        <div className={`notice ${down ? 'notice--warning' : 'notice--info'}`} role="status" data-testid="gateway-waiting">
          {t(down ? 'waiting.linkDown' : 'waiting.gateway')}
        </div>
      )}
      {view.counterDone && <CounterDone view={view} />}
      <WaitingFor channel={channel} step={step} view={view} />
      {view.registrationNumber && (
        <p className="muted">
          {t('case.registrationNumber')}: <span className="mono">{view.registrationNumber}</span>
        </p>
      )}
      <div className="form-actions">
        <Button variant="primary" busy={busy} autoFocus={autoFocus} onClick={() => void refresh()} data-testid="refresh">
          {t('action.askAgain')}
        </Button>
      </div>
    </div>
  );
}
