/**
 * A case's requests to the state systems, one row each: what it asks, where it stands, how many
 * attempts, when the next one is, why the last failed. The backlog and the case screen share it.
 */
import type { OutboxMessageView } from '../../shared/gateway';
import { useNow } from '../ui/useNow';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { TableHead } from '../ui/TableHead';
import { failureText, mayRetry, messageTone, messageWhen } from './words';

interface OutboxMessagesProps {
  messages: OutboxMessageView[];
  /** Absent where the operator may not retry (an administrator looking at the backlog). */
  onRetry?: ((messageId: string) => void) | undefined;
  retrying: ReadonlySet<string>;
}

export function OutboxMessages({ messages, onRetry, retrying }: OutboxMessagesProps) {
  const t = useT();
  // The next attempt's "now" moves on by itself.
  const now = new Date(useNow(15_000));
  return (
    <table className="table table--dense outbox-table" data-testid="outbox-messages">
      <TableHead
        columns={[t('gateway.col.kind'), t('gateway.col.state'), t('gateway.col.attempts'), t('gateway.col.when'), t('gateway.col.failure')]}
        actions={onRetry ? t('gateway.retry') : undefined}
      />
      <tbody>
        {messages.map((m) => (
          <tr key={m.messageId} data-kind={m.kind} data-state={m.state}>
            <td>{t(`gateway.kind.${m.kind}`)}</td>
            <td>
              <span className={`tag tag--${messageTone(m.state)}`}>{t(`gateway.state.${m.state}`)}</span>
            </td>
            <td>{m.attempts}</td>
            <td className="nowrap">{messageWhen(t, m, now)}</td>
            <td>{m.lastFailure ? failureText(t, m.lastFailure, m.lastCode) : '—'}</td>
            {onRetry && (
              <td className="table-actions">
                {mayRetry(m) && (
                  <Button
                    variant="quiet"
                    busy={retrying.has(m.messageId)}
                    onClick={() => onRetry(m.messageId)}
                    aria-label={t('gateway.retryNamed', { kind: t(`gateway.kind.${m.kind}`) })}
                    data-testid="retry-message"
                  >
                    {t('gateway.retry')}
                  </Button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
