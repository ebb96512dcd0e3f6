/** The queue's choices that need a second word: which ticket to call, where to transfer, which service to open. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DocumentLocale } from '../../shared/cases';
import type { Ticket } from '../../shared/queue';
import type { Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Dialog, SubmitActions } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { clockTime, priorityLabel } from './labels';
import type { Kiosk } from './queueStore';

/** Up and down move between the buttons of a list, as in the service choice. */
function arrowKeys(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-item]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = items[Math.max(0, Math.min(items.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function CallChosenDialog({ tickets, myGroups, onCall, onClose }: { tickets: Ticket[]; myGroups: string[]; onCall(ticket: Ticket): void; onClose(): void }) {
  const t = useT();
  // This window's groups first, each in the order it would be called, then the others.
  const waiting = tickets
    .filter((x) => x.state === 'waiting')
    .sort((a, b) => Number(myGroups.includes(b.group)) - Number(myGroups.includes(a.group)) || Number(b.priority !== null) - Number(a.priority !== null) || a.id - b.id);
  return (
    <Dialog title={t('queue.chosen.title')} onClose={onClose}>
      {waiting.length === 0 ? (
        <p className="muted">{t('queue.chosen.empty')}</p>
      ) : (
        <ul className="queue-pick" onKeyDown={arrowKeys} data-testid="call-chosen">
          {waiting.map((x) => (
            <li key={x.id}>
              <button type="button" className="queue-pick-item" data-item data-number={x.number} onClick={() => onCall(x)}>
                <span className="queue-ticket-number">{x.number}</span>
                {x.priority && <span className="queue-tag queue-tag--priority">{priorityLabel(t, x.priority)}</span>}
                <span className="muted">{t('queue.chosen.issued', { time: clockTime(x.issuedAt) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose} shortcut="Esc">
          {t('action.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

interface TransferProps {
  ticket: Ticket;
  groups: string[];
  currentWindow: string;
  onTransfer(to: { toGroup: string } | { toWindow: string }): Promise<Problem | null>;
  onClose(): void;
}

export function TransferDialog({ ticket, groups, currentWindow, onTransfer, onClose }: TransferProps) {
  const t = useT();
  const [to, setTo] = useState<'group' | 'window'>('group');
  const [group, setGroup] = useState(groups.find((g) => g !== ticket.group) ?? groups[0] ?? ticket.group);
  const [windowName, setWindowName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const described = problem ? describeProblem(t, problem) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const target = windowName.trim();
    if (to === 'window' && (!target || target === currentWindow)) return setMissing(true);
    setBusy(true);
    const failed = await onTransfer(to === 'group' ? { toGroup: group } : { toWindow: target });
    setBusy(false);
    setProblem(failed);
  }

  return (
    <Dialog title={t('queue.transfer.title', { number: ticket.number })} onClose={onClose}>
      <form className="form" onSubmit={submit} data-testid="transfer-form" noValidate>
        <p className="muted">{t('queue.transfer.lead')}</p>
        <fieldset className="queue-radios">
          <legend className="field-label">{t('queue.transfer.to')}</legend>
          <label className="queue-check">
            <input type="radio" name="to" value="group" checked={to === 'group'} onChange={() => setTo('group')} />
            <span>{t('queue.transfer.toGroup')}</span>
          </label>
          {to === 'group' && (
            <div className="queue-letters" role="radiogroup" aria-label={t('queue.transfer.toGroup')}>
              {groups.map((g) => (
                <label key={g} className="queue-letter-option">
                  <input type="radio" name="group" value={g} checked={group === g} onChange={() => setGroup(g)} />
                  <span className="queue-letter">{g}</span>
                </label>
              ))}
            </div>
          )}
          <label className="queue-check">
            <input type="radio" name="to" value="window" checked={to === 'window'} onChange={() => setTo('window')} />
            <span>{t('queue.transfer.toWindow')}</span>
          </label>
          {to === 'window' && (
            <Field
              label={t('queue.transfer.window')}
              name="toWindow"
              value={windowName}
              maxLength={4}
              autoFocus
              autoComplete="off"
              className="queue-setup-window"
              error={missing ? t('queue.transfer.otherWindow') : described?.fields.toWindow}
              onChange={(event) => setWindowName(event.target.value)}
            />
          )}
        </fieldset>
        {described && <Notice tone="error">{described.summary}</Notice>}
        <SubmitActions onCancel={onClose} submitLabel={t('queue.transfer.submit')} busy={busy} />
      </form>
    </Dialog>
  );
}

interface StartProps {
  ticket: Ticket;
  kiosk: Kiosk | null;
  onStart(regulationId: string, documentLocale: DocumentLocale): Promise<Problem | null>;
  onClose(): void;
}

export function StartServiceDialog({ ticket, kiosk, onStart, onClose }: StartProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // The ticket's own group first: most applicants took the ticket for the service they came for.
  const services = [...(kiosk?.groups ?? [])]
    .sort((a, b) => Number(b.group === ticket.group) - Number(a.group === ticket.group))
    .flatMap((g) => g.services.map((s) => ({ group: g.group, ...s })));
  const [regulationId, setRegulationId] = useState(ticket.regulationId ?? services[0]?.regulationId ?? '');
  const [documentLocale, setDocumentLocale] = useState<DocumentLocale>('kk');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!regulationId) return;
    setBusy(true);
    const failed = await onStart(regulationId, documentLocale);
    setBusy(false);
    setProblem(failed);
  }

  return (
    <Dialog title={t('queue.start.title', { number: ticket.number })} onClose={onClose} wide>
      <form className="form" onSubmit={submit} data-testid="start-service-form">
        <fieldset className="queue-radios">
          <legend className="field-label">{t('queue.start.service')}</legend>
          {services.length === 0 && <p className="muted">{t('queue.start.noServices')}</p>}
          <div className="queue-services">
            {services.map((s) => (
              <label key={s.regulationId} className="queue-service" data-regulation={s.regulationId}>
                <input
                  type="radio"
                  name="regulationId"
                  value={s.regulationId}
                  checked={regulationId === s.regulationId}
                  onChange={() => setRegulationId(s.regulationId)}
                />
                <span className="queue-letter">{s.group}</span>
                <span className="queue-service-title">{s.title[locale]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="queue-radios queue-radios--inline">
          <legend className="field-label">{t('queue.start.documentLocale')}</legend>
          {(['kk', 'ru'] as const).map((l) => (
            <label key={l} className="queue-check">
              <input type="radio" name="documentLocale" value={l} checked={documentLocale === l} onChange={() => setDocumentLocale(l)} />
              <span>{t(`documentLocale.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
        <SubmitActions onCancel={onClose} submitLabel={t('queue.start.submit')} busy={busy} disabled={!regulationId} />
      </form>
    </Dialog>
  );
}
