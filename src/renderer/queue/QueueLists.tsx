/** The lines waiting per group, and today's tickets with what happened to each. */
import { useState } from 'react';
import type { Ticket } from '../../shared/queue';
import { useNow } from '../ui/useNow';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { formatDuration } from '../ui/format';
import { clockTime, priorityLabel, stateLabel } from './labels';
import type { Overview } from './queueStore';
import { TableHead } from '../ui/TableHead';

export function WaitingLines({ waiting, myGroups }: { waiting: Overview['waiting']; myGroups: string[] }) {
  const t = useT();
  const total = waiting.reduce((sum, w) => sum + w.regular + w.priority, 0);
  return (
    <section className="queue-card queue-lines" data-testid="queue-lines" aria-labelledby="queue-lines-title">
      <h2 className="queue-card-title" id="queue-lines-title">
        {t('queue.lines.title')}
        <span className="queue-count" data-testid="queue-waiting-total">
          {total}
        </span>
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">{t('queue.lines.empty')}</p>
      ) : (
        <table className="table table--dense queue-lines-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.lines.group')}</th>
              <th scope="col" className="num">
                {t('queue.lines.regular')}
              </th>
              <th scope="col" className="num">
                {t('queue.lines.priority')}
              </th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((w) => (
              <tr key={w.group} data-group={w.group} className={myGroups.includes(w.group) ? 'queue-mine' : undefined}>
                <td>
                  <span className="queue-letter">{w.group}</span>
                  {myGroups.includes(w.group) && <span className="visually-hidden">{t('queue.lines.mine')}</span>}
                </td>
                <td className="num" data-testid="regular">
                  {w.regular}
                </td>
                <td className="num" data-testid="priority">
                  {w.priority}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Filter = 'all' | 'waiting' | 'closed';
const OPEN = new Set(['waiting', 'called', 'serving']);

export function TodayTickets({ tickets, canCall, onCall }: { tickets: Ticket[]; canCall: boolean; onCall(ticket: Ticket): void }) {
  const t = useT();
  const now = useNow(15_000);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = tickets.filter((x) => filter === 'all' || (filter === 'waiting' ? x.state === 'waiting' : !OPEN.has(x.state)));
  const wait = (x: Ticket) => formatDuration((x.calledAt ? Date.parse(x.calledAt) : x.state === 'waiting' ? now : Date.parse(x.finishedAt ?? x.issuedAt)) - Date.parse(x.issuedAt));

  return (
    <section className="queue-today" data-testid="queue-today" aria-labelledby="queue-today-title">
      <div className="queue-today-head">
        <h2 className="queue-section-title" id="queue-today-title">
          {t('queue.today.title')}
        </h2>
        <div className="queue-filter" role="group" aria-label={t('queue.today.filter')}>
          {(['all', 'waiting', 'closed'] as const).map((f) => (
            <button key={f} type="button" className="queue-filter-option" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`queue.today.filter.${f}`)}
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('queue.today.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense">
            <TableHead
              columns={[
                t('queue.today.number'),
                t('queue.today.state'),
                t('queue.today.window'),
                t('queue.today.issued'),
                { label: t('queue.today.wait'), className: 'num' },
              ]}
              actions={t('queue.today.actions')}
            />
            <tbody>
              {shown.map((x) => (
                <tr key={x.id} data-number={x.number} data-state={x.state}>
                  <td>
                    <span className="queue-ticket-number">{x.number}</span>
                    {x.priority && <span className="queue-tag queue-tag--priority">{priorityLabel(t, x.priority)}</span>}
                  </td>
                  <td>
                    <span className={`queue-state queue-state--${x.state}`}>{stateLabel(t, x.state)}</span>
                  </td>
                  <td>{x.window ?? '—'}</td>
                  <td>{clockTime(x.issuedAt)}</td>
                  <td className="num">{wait(x)}</td>
                  <td className="table-actions">
                    {x.state === 'waiting' && (
                      <Button variant="quiet" disabled={!canCall} onClick={() => onCall(x)}>
                        {t('queue.today.call')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
