/** The frame header's word on the link to the state systems; a click opens the backlog. */
import { useT } from '../i18n/localeStore';
import { useGateway } from './gatewayStore';
import { backlogCounts, linkTone } from './words';
import './gateway.css';

export function LinkIndicator({ onOpen }: { onOpen(): void }) {
  const t = useT();
  const status = useGateway((s) => s.status);
  if (!status) return null;
  const counts = backlogCounts(t, status);
  return (
    <div className="link-indicator" role="status" aria-live="polite" data-testid="link-indicator" data-link={status.link}>
      <button type="button" className={`link-button link-button--${linkTone(status.link)}`} onClick={onOpen} title={t('gateway.openBacklog')}>
        <span className="link-dot" aria-hidden="true" />
        <span className="link-words">{t(`gateway.link.${status.link}`)}</span>
        {counts && <span className="link-counts">{counts}</span>}
      </button>
    </div>
  );
}
