/** The ticket at this window: its number large, its state and clock, and every action with its key. */
import type { QueueSettings, Ticket, WindowView } from '../../shared/queue';
import { useNow } from '../ui/useNow';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatDuration } from '../ui/format';
import { clockTime, priorityLabel, stateLabel } from './labels';
import { SHORTCUTS, type ShortcutName } from './useQueueShortcuts';

interface Props {
  window: WindowView;
  settings: QueueSettings | null;
  busy: boolean;
  /** The case number this session opened for the ticket, when known. */
  caseNumber: string | null;
  actions: Partial<Record<ShortcutName, () => void>>;
  onOpenCase: ((caseId: number) => void) | null;
}

/** What each key may do with the ticket as it stands. */
export function availableActions(window: WindowView | null): Set<ShortcutName> {
  const allowed = new Set<ShortcutName>();
  if (!window) return allowed;
  allowed.add('pause');
  const state = window.current?.state;
  if (!window.current && !window.paused) allowed.add('callNext').add('callChosen');
  if (state === 'called') allowed.add('recall').add('noShow').add('startService').add('transfer').add('returnToQueue');
  if (state === 'serving') allowed.add('finish').add('transfer');
  return allowed;
}

function Facts({ ticket, settings, caseNumber, onOpenCase }: { ticket: Ticket; settings: QueueSettings | null; caseNumber: string | null; onOpenCase: Props['onOpenCase'] }) {
  const t = useT();
  const now = useNow(1000);
  const since = ticket.state === 'serving' ? ticket.serviceStartedAt : ticket.calledAt;
  return (
    <dl className="queue-facts">
      <div>
        <dt>{t('queue.current.issued')}</dt>
        <dd>{clockTime(ticket.issuedAt)}</dd>
      </div>
      {ticket.calledAt && (
        <div>
          <dt>{t('queue.current.waited')}</dt>
          <dd>{formatDuration(Date.parse(ticket.calledAt) - Date.parse(ticket.issuedAt))}</dd>
        </div>
      )}
      {since && (
        <div>
          <dt>{ticket.state === 'serving' ? t('queue.current.serving') : t('queue.current.sinceCall')}</dt>
          <dd className="queue-clock" data-testid="queue-clock">
            {formatDuration(now - Date.parse(since))}
          </dd>
        </div>
      )}
      {ticket.state === 'called' && (
        <div>
          <dt>{t('queue.current.recalls')}</dt>
          <dd data-testid="queue-recalls">
            {settings ? t('queue.current.recallsOf', { count: ticket.recalls, limit: settings.recallsBeforeNoShow }) : ticket.recalls}
          </dd>
        </div>
      )}
      {ticket.caseId !== null && (
        <div>
          <dt>{t('queue.current.case')}</dt>
          <dd>
            <span className="mono" data-testid="queue-case-number">
              {caseNumber ?? `#${ticket.caseId}`}
            </span>
            {onOpenCase && (
              <Button variant="quiet" onClick={() => onOpenCase(ticket.caseId!)}>
                {t('queue.current.openCase')}
              </Button>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function CurrentTicket({ window, settings, busy, caseNumber, actions, onOpenCase }: Props) {
  const t = useT();
  const ticket = window.current;
  const allowed = availableActions(window);
  // The step the operator most likely takes next stands out.
  const main: ShortcutName = ticket?.state === 'called' ? 'startService' : ticket?.state === 'serving' ? 'finish' : 'callNext';
  const button = (name: ShortcutName, label: string, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <Button
      variant={variant}
      shortcut={SHORTCUTS[name]}
      disabled={!allowed.has(name) || busy}
      onClick={actions[name]}
      data-action={name}
    >
      {label}
    </Button>
  );

  return (
    <section
      className={`queue-card queue-current queue-current--${ticket?.state ?? 'none'}`}
      data-testid="queue-current"
      data-state={ticket?.state ?? 'none'}
      data-number={ticket?.number ?? ''}
      aria-labelledby="queue-current-title"
    >
      <h2 className="queue-card-title" id="queue-current-title">
        {t('queue.current.title', { window: window.window })}
      </h2>
      {ticket ? (
        <div className="queue-current-body">
          <div className="queue-current-number">
            <span className="queue-number" data-testid="queue-current-number">
              {ticket.number}
            </span>
            <span className={`queue-state queue-state--${ticket.state}`}>{stateLabel(t, ticket.state)}</span>
          </div>
          <div className="queue-current-facts">
            <p className="queue-tags">
              {ticket.priority && <span className="queue-tag queue-tag--priority">{priorityLabel(t, ticket.priority)}</span>}
              {ticket.transfers > 0 && <span className="queue-tag">{t('queue.current.transferred', { count: ticket.transfers })}</span>}
            </p>
            <Facts ticket={ticket} settings={settings} caseNumber={caseNumber} onOpenCase={onOpenCase} />
          </div>
        </div>
      ) : (
        <p className="queue-current-empty">{window.paused ? t('queue.current.paused') : t('queue.current.none')}</p>
      )}
      <div className="queue-actions">
        {button('callNext', t('queue.action.callNext'), main === 'callNext' ? 'primary' : 'secondary')}
        {button('callChosen', t('queue.action.callChosen'))}
        {button('recall', t('queue.action.recall'))}
        {button('noShow', t('queue.action.noShow'))}
        {button('startService', t('queue.action.startService'), main === 'startService' ? 'primary' : 'secondary')}
        {button('finish', t('queue.action.finish'), main === 'finish' ? 'primary' : 'secondary')}
        {button('transfer', t('queue.action.transfer'))}
        {button('returnToQueue', t('queue.action.returnToQueue'))}
      </div>
    </section>
  );
}
