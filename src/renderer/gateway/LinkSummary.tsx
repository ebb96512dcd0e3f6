/** The link at the top of the backlog: its state since when, the last failure, how many cases wait. */
import type { GatewayStatus } from '../../shared/gateway';
import { useT } from '../i18n/localeStore';
import { formatMoment } from '../ui/format';
import { failureText, linkDown, linkTone } from './words';

export function LinkSummary({ status }: { status: GatewayStatus }) {
  const t = useT();
  return (
    <section className={`link-summary link-summary--${linkTone(status.link)}`} role="status" aria-live="polite" data-testid="link-summary" data-link={status.link}>
      <p className="link-summary-state">
        <span className="link-dot" aria-hidden="true" />
        <span className="strong">{t(`gateway.link.${status.link}`)}</span>
        <span className="muted"> · {t('gateway.since', { time: formatMoment(t, status.since) })}</span>
      </p>
      <p>{t(`gateway.linkMeans.${status.link}`)}</p>
      {status.lastFailure && status.link !== 'online' && <p>{t('gateway.lastFailure', { failure: failureText(t, status.lastFailure, null) })}</p>}
      {linkDown(status.link) && status.casesWaiting > 0 && <p>{t('gateway.casesWaiting', { n: status.casesWaiting })}</p>}
    </section>
  );
}
