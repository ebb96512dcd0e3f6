/** The paper ticket: number, service group, time, people ahead, the expected wait. Also what the kiosk shows. */
import type { TicketPrint } from '../../shared/queue';
import type { Text } from '../../shared/regulation';
import { useLocale, useT } from '../i18n/localeStore';
import { clockTime, priorityLabel, shortDate } from '../queue/labels';

interface Props {
  print: TicketPrint;
  /** The service the applicant chose, when one was chosen. */
  service: Text | null;
}

export function TicketSlip({ print, service }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { ticket, peopleAhead, estimatedWaitMinutes } = print;
  return (
    <article className="slip" data-testid="ticket-slip" data-number={ticket.number} aria-label={t('queue.kiosk.ticket')}>
      <p className="slip-org">{t('app.corporation')}</p>
      <p className="slip-caption">{t('queue.kiosk.ticket')}</p>
      <p className="slip-number">{ticket.number}</p>
      <p className="slip-group">
        {t('queue.group', { group: ticket.group })}
        {service && <span className="slip-service">{service[locale]}</span>}
      </p>
      {ticket.priority && <p className="slip-priority">{t('queue.kiosk.priorityLine', { category: priorityLabel(t, ticket.priority) })}</p>}
      <dl className="slip-facts">
        <div>
          <dt>{t('queue.kiosk.issuedAt')}</dt>
          <dd>
            {shortDate(ticket.issuedAt)} {clockTime(ticket.issuedAt)}
          </dd>
        </div>
        <div>
          <dt>{t('queue.kiosk.peopleAhead')}</dt>
          <dd data-testid="slip-ahead">{peopleAhead}</dd>
        </div>
        <div>
          <dt>{t('queue.kiosk.wait')}</dt>
          <dd data-testid="slip-wait">
            {estimatedWaitMinutes > 0 ? t('queue.kiosk.waitMinutes', { minutes: estimatedWaitMinutes }) : t('queue.kiosk.waitSoon')}
          </dd>
        </div>
      </dl>
      <p className="slip-note">{t('queue.kiosk.watchBoard')}</p>
    </article>
  );
}
