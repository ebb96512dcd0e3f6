/**
 * The operator's queue panel: this window's ticket and every action on a key, the lines waiting
 * per group, today's tickets. Starting service opens a case under the chosen act and hands it to
 * the case screen.
 */
import { useEffect, useState } from 'react';
import type { Ticket } from '../../shared/queue';
import { on } from '../client/client';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { availableActions, CurrentTicket } from './CurrentTicket';
import { CallChosenDialog, StartServiceDialog, TransferDialog } from './QueueDialogs';
import { TodayTickets, WaitingLines } from './QueueLists';
import { rememberedWindow, useQueue, type Done } from './queueStore';
import { SHORTCUTS, useQueueShortcuts, type ShortcutName } from './useQueueShortcuts';
import { WindowSetup } from './WindowSetup';
import './queue.css';

type OpenDialog = 'chosen' | 'transfer' | 'start' | null;

function DoneLine({ done, onOpenCase }: { done: Done; onOpenCase: ((caseId: number) => void) | null }) {
  const t = useT();
  switch (done.kind) {
    case 'paused':
    case 'resumed':
      return null;
    case 'transferred':
      return (
        <Notice tone="success" testId="queue-done">
          {done.toWindow
            ? t('queue.done.transferredToWindow', { number: done.number, window: done.toWindow })
            : t('queue.done.transferredToGroup', { number: done.number, group: done.toGroup ?? '' })}
        </Notice>
      );
    case 'serviceStarted':
      return (
        <Notice tone="success" testId="queue-done">
          <span>
            {t('queue.done.serviceStarted', { number: done.number, case: done.caseNumber })}{' '}
            {onOpenCase && (
              <Button variant="quiet" onClick={() => onOpenCase(done.caseId)}>
                {t('queue.current.openCase')}
              </Button>
            )}
          </span>
        </Notice>
      );
    default:
      return (
        <Notice tone="success" testId="queue-done">
          {t(`queue.done.${done.kind}`, { number: done.number })}
        </Notice>
      );
  }
}

export function QueuePanel({ onOpenCase }: { onOpenCase: ((caseId: number) => void) | null }) {
  const t = useT();
  const q = useQueue();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [changing, setChanging] = useState(false);
  const { overview, kiosk } = q;
  const win = overview?.window ?? null;
  const current = win?.current ?? null;

  useEffect(() => {
    void useQueue.getState().load();
    return on('queue.changed', () => void useQueue.getState().refresh());
  }, []);

  // A dialog about a ticket closes when the ticket is no longer the one at the window.
  useEffect(() => {
    if ((dialog === 'transfer' || dialog === 'start') && !current) setDialog(null);
  }, [dialog, current]);

  const allowed = availableActions(win);
  const run = (name: ShortcutName, action: () => void) => (allowed.has(name) && !q.busy ? action : undefined);
  const actions: Partial<Record<ShortcutName, () => void>> = {
    callNext: run('callNext', () => void q.callNext()),
    callChosen: run('callChosen', () => setDialog('chosen')),
    recall: current ? run('recall', () => void q.act('recall', current)) : undefined,
    noShow: current ? run('noShow', () => void q.act('noShow', current)) : undefined,
    returnToQueue: current ? run('returnToQueue', () => void q.act('returnToQueue', current)) : undefined,
    finish: current ? run('finish', () => void q.act('finish', current)) : undefined,
    startService: run('startService', () => setDialog('start')),
    transfer: run('transfer', () => setDialog('transfer')),
    pause: run('pause', () => void q.togglePause()),
  };
  useQueueShortcuts(win && !changing ? actions : {});

  const waitingGroups = overview?.waiting.map((w) => w.group) ?? [];
  const allGroups = [...new Set([...(kiosk?.groups.map((g) => g.group) ?? []), ...waitingGroups, ...(win?.groups ?? [])])].sort();
  const problem = q.actionProblem ?? (overview ? null : q.loadProblem);

  return (
    <section className="queue-panel" data-testid="queue-panel" data-window={win?.window ?? ''} data-paused={win?.paused ? 'true' : 'false'}>
      <PageHeader
        title={t('queue.title')}
        lead={win ? t('queue.lead.window', { window: win.window, groups: win.groups.join(', ') }) : t('queue.lead.noWindow')}
        actions={
          win &&
          !changing && (
            <>
              <Button onClick={() => setChanging(true)}>{t('queue.setup.change')}</Button>
              <Button
                variant={win.paused ? 'primary' : 'secondary'}
                shortcut={SHORTCUTS.pause}
                disabled={q.busy}
                onClick={() => void q.togglePause()}
                data-action="pause"
              >
                {win.paused ? t('queue.action.resume') : t('queue.action.pause')}
              </Button>
            </>
          )
        }
      />

      {problem && (
        <Notice tone={problem.code === 'QUEUE_EMPTY' ? 'info' : 'error'} testId="queue-problem">
          <span data-code={problem.code}>{describeProblem(t, problem).summary}</span>
        </Notice>
      )}
      {!problem && q.done && <DoneLine done={q.done} onOpenCase={onOpenCase} />}
      {win?.paused && (
        <Notice tone="warning" testId="queue-paused">
          {t('queue.pausedNotice')}
        </Notice>
      )}

      {overview && (!win || changing) && (
        <WindowSetup
          initial={win ? { window: win.window, groups: win.groups } : rememberedWindow()}
          kiosk={kiosk}
          waitingGroups={waitingGroups}
          onCancel={win ? () => setChanging(false) : null}
          onSave={async (choice) => {
            const failed = await q.setWindow(choice);
            if (!failed) setChanging(false);
            return failed;
          }}
        />
      )}

      {overview && (
        <div className="queue-grid">
          {win && !changing ? (
            <CurrentTicket
              window={win}
              settings={q.settings}
              busy={q.busy}
              caseNumber={current?.caseId ? (q.cases[current.caseId] ?? null) : null}
              actions={actions}
              onOpenCase={onOpenCase}
            />
          ) : (
            <div />
          )}
          <WaitingLines waiting={overview.waiting} myGroups={win?.groups ?? []} />
        </div>
      )}

      {overview && (
        <TodayTickets
          tickets={overview.tickets}
          canCall={Boolean(actions.callChosen)}
          onCall={(ticket: Ticket) => void q.callTicket(ticket.id)}
        />
      )}
      {!overview && q.loading && <p className="muted">{t('queue.loading')}</p>}

      {dialog === 'chosen' && overview && (
        <CallChosenDialog
          tickets={overview.tickets}
          myGroups={win?.groups ?? []}
          onClose={() => setDialog(null)}
          onCall={(ticket) => {
            setDialog(null);
            void q.callTicket(ticket.id);
          }}
        />
      )}
      {dialog === 'transfer' && current && win && (
        <TransferDialog
          ticket={current}
          groups={allGroups}
          currentWindow={win.window}
          onClose={() => setDialog(null)}
          onTransfer={async (to) => {
            const failed = await q.transfer(current, to);
            if (!failed) setDialog(null);
            return failed;
          }}
        />
      )}
      {dialog === 'start' && current && (
        <StartServiceDialog
          ticket={current}
          kiosk={kiosk}
          onClose={() => setDialog(null)}
          onStart={async (regulationId, documentLocale) => {
            const result = await q.startService(current, regulationId, documentLocale);
            if (result && 'caseId' in result) {
              setDialog(null);
              onOpenCase?.(result.caseId);
              return null;
            }
            return result;
          }}
        />
      )}
    </section>
  );
}
