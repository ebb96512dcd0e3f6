/**
 * The ticket kiosk in the hall: a touch screen with big targets. The applicant picks a service,
 * says whether they need barrier-free service, and takes the printed ticket. In Kazakh or Russian;
 * after each ticket the screen goes back to the start, in the state language. Cut off from the
 * branch it still issues: this workstation's fallback queue numbers the ticket.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TicketPrint } from '../../shared/queue';
import type { Text } from '../../shared/regulation';
import { HallBranchNotice } from '../branch/HallBranchNotice';
import { useBranchLive } from '../branch/useBranchLive';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useLocale, useT } from '../i18n/localeStore';
import { priorityLabel } from '../queue/labels';
import { PdfButton } from '../reports/PdfButton';
import { TicketSlip } from './TicketSlip';
import { useLiveQueue } from './useLiveQueue';
import './hall.css';

type Step =
  | { kind: 'service' }
  | { kind: 'priority'; group: string; regulationId: string; title: Text }
  | { kind: 'ticket'; print: TicketPrint; title: Text | null };

/** The ticket stays on screen this long, a half-finished choice a little longer. */
const TICKET_SHOWN_MS = 30_000;
const IDLE_MS = 60_000;

function KioskLanguage() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="kiosk-lang" role="group" aria-label={t('locale.label')} data-testid="kiosk-language">
      {(['kk', 'ru'] as const).map((l) => (
        <button key={l} type="button" lang={l} className="kiosk-lang-option" aria-pressed={locale === l} onClick={() => setLocale(l)}>
          {t(`locale.${l}`)}
        </button>
      ))}
    </div>
  );
}

export function KioskPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const setLocale = useLocale((s) => s.setLocale);
  const { value: kiosk, problem: loadProblem } = useLiveQueue(() => invoke('queue.kiosk', {}), false);
  const [step, setStep] = useState<Step>({ kind: 'service' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  useBranchLive();

  const restart = useCallback(() => {
    setStep({ kind: 'service' });
    setProblem(null);
    // The next person in the hall starts in the state language.
    if (useLocale.getState().locale !== 'kk') setLocale('kk');
  }, [setLocale]);

  // Kazakh or Russian only: a language remembered from elsewhere gives way to the state language.
  useEffect(() => {
    if (!['kk', 'ru'].includes(useLocale.getState().locale)) setLocale('kk');
  }, [setLocale]);

  // The kiosk is a public screen: a choice left half-way, or a ticket not taken, goes back to the start.
  useEffect(() => {
    if (step.kind === 'service') return;
    const timer = window.setTimeout(restart, step.kind === 'ticket' ? TICKET_SHOWN_MS : IDLE_MS);
    return () => window.clearTimeout(timer);
  }, [step, restart]);

  // The ticket is printed as soon as it is on the screen; "Print again" is there if the paper jammed.
  useEffect(() => {
    if (step.kind !== 'ticket') return;
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, [step]);

  async function issue(group: string, regulationId: string, title: Text, priority: string | null) {
    setBusy(true);
    setProblem(null);
    try {
      const print = await invoke('queue.issue', { group, regulationId, priority });
      setStep({ kind: 'ticket', print, title });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }

  const services = (kiosk?.groups ?? []).flatMap((g) => g.services.map((s) => ({ group: g.group, ...s })));
  const shownProblem = problem ?? (kiosk ? null : loadProblem);

  return (
    <div className={`kiosk kiosk--${step.kind}`} data-testid="kiosk" data-step={step.kind}>
      <header className="kiosk-header">
        <div className="kiosk-brand">
          <span className="kiosk-brand-name">{t('queue.kiosk.title')}</span>
          <span className="kiosk-brand-org">{t('app.corporation')}</span>
        </div>
        <KioskLanguage />
      </header>

      <main className="kiosk-main">
        <HallBranchNotice screen="kiosk" />
        {shownProblem && (
          <p className="kiosk-problem" role="alert">
            {describeProblem(t, shownProblem).summary}
          </p>
        )}

        {step.kind === 'service' && (
          <section className="kiosk-step" aria-labelledby="kiosk-step-title">
            <h1 className="kiosk-title" id="kiosk-step-title">
              {t('queue.kiosk.chooseService')}
            </h1>
            <p className="kiosk-hint">{t('queue.kiosk.chooseHint')}</p>
            {kiosk && services.length === 0 && <p className="kiosk-lead">{t('queue.kiosk.noServices')}</p>}
            <ul className="kiosk-services">
              {services.map((s) => (
                <li key={s.regulationId}>
                  <button
                    type="button"
                    className="kiosk-service"
                    data-group={s.group}
                    data-regulation={s.regulationId}
                    onClick={() => setStep({ kind: 'priority', group: s.group, regulationId: s.regulationId, title: s.title })}
                  >
                    <span className="kiosk-service-letter" aria-hidden="true">
                      {s.group}
                    </span>
                    <span className="kiosk-service-title">{s.title[locale]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {step.kind === 'priority' && (
          <section className="kiosk-step" aria-labelledby="kiosk-step-title">
            <h1 className="kiosk-title" id="kiosk-step-title">
              {t('queue.kiosk.priorityQuestion')}
            </h1>
            <p className="kiosk-lead">
              <span className="kiosk-chosen-letter">{step.group}</span> {step.title[locale]}
            </p>
            <div className="kiosk-choices">
              <button
                type="button"
                className="kiosk-choice kiosk-choice--main"
                data-priority="none"
                disabled={busy}
                onClick={() => void issue(step.group, step.regulationId, step.title, null)}
              >
                {t('queue.kiosk.noPriority')}
              </button>
              {(kiosk?.priorityCategories ?? []).map((category) => (
                <button
                  key={category}
                  type="button"
                  className="kiosk-choice"
                  data-priority={category}
                  disabled={busy}
                  onClick={() => void issue(step.group, step.regulationId, step.title, category)}
                >
                  {priorityLabel(t, category)}
                </button>
              ))}
            </div>
            <p className="kiosk-small">{t('queue.kiosk.priorityHint')}</p>
            <button type="button" className="kiosk-back" onClick={restart}>
              {t('action.back')}
            </button>
          </section>
        )}

        {step.kind === 'ticket' && (
          <section className="kiosk-step kiosk-step--ticket" aria-labelledby="kiosk-step-title">
            <h1 className="kiosk-title" id="kiosk-step-title">
              {t('queue.kiosk.takeTicket')}
            </h1>
            <TicketSlip print={step.print} service={step.title} />
            <div className="kiosk-ticket-actions">
              <button type="button" className="kiosk-back" onClick={() => window.print()}>
                {t('queue.kiosk.printAgain')}
              </button>
              {/* The ticket rendered by the core for the 80 mm printer, the same on every kiosk. */}
              <PdfButton label={t('print.ticketPdf')} className="kiosk-back" testId="ticket-pdf" call="queue.ticketPdf" input={{ ticketId: step.print.ticket.id }} />
              <button type="button" className="kiosk-choice kiosk-choice--main" onClick={restart}>
                {t('queue.kiosk.done')}
              </button>
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
