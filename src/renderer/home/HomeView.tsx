/** A calm start page: the date, this session's times, that process 1 is done, the next applicant, and for the administrator the backups. */
import type { SessionView } from '../../shared/schemas';
import { BackupHealth } from '../backup/BackupHealth';
import { useLocale, useT } from '../i18n/localeStore';
import { formatDecimal, formatFullDate, formatMoment } from '../ui/format';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useNow } from '../ui/useNow';

/** Counters stay open past midnight rarely, but the date on screen must never be yesterday's. */
function useToday(): Date {
  return new Date(useNow(60_000));
}

function NextApplicant({ onNewCase }: { onNewCase(): void }) {
  const t = useT();
  return (
    <div className="home-next" data-testid="home-next">
      <div>
        <p className="home-next-title">{t('home.next.title')}</p>
        <p className="home-next-lead">{t('home.next.lead')}</p>
      </div>
      <Button variant="primary" className="btn--large" shortcut="F2" onClick={onNewCase} data-testid="home-new-case">
        {t('action.newCase')}
      </Button>
    </div>
  );
}

export function HomeView({ session, onNewCase }: { session: SessionView; onNewCase?: (() => void) | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const today = useToday();
  const firstName = session.operator.fullName.split(/\s+/)[1] ?? session.operator.fullName;
  return (
    <section className="home" data-testid="home-view">
      <p className="home-date">{formatFullDate(t, today)}</p>
      <h1 className="page-title">{t('home.greeting', { name: firstName })}</h1>
      <Notice tone="success">{t('home.process1')}</Notice>
      {onNewCase && <NextApplicant onNewCase={onNewCase} />}
      {/* Backups are the administrator's to keep: only their start page asks after them. */}
      {session.operator.role === 'admin' && <BackupHealth />}
      <dl className="home-facts">
        <div className="home-fact">
          <dt>{t('home.sessionStart')}</dt>
          <dd data-testid="session-start">{formatMoment(t, session.startedAt, today)}</dd>
        </div>
        <div className="home-fact">
          <dt>{t('home.sessionEnd')}</dt>
          <dd data-testid="session-end">{formatMoment(t, session.expiresAt, today)}</dd>
        </div>
        <div className="home-fact">
          <dt>{t('home.idleLock')}</dt>
          <dd>{t('home.idleLockValue', { minutes: formatDecimal(locale, session.idleLockSeconds / 60) })}</dd>
        </div>
      </dl>
      <p className="home-note">{t('home.leaving')}</p>
    </section>
  );
}
