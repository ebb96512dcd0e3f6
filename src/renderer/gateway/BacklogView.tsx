/**
 * The backlog: every case whose requests to the state systems are not yet answered, with the
 * link's state above them. Kept fresh from the core's pushes while it is open.
 */
import { useEffect } from 'react';
import { useCases } from '../cases/casesStore';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { BacklogCaseCard } from './BacklogCaseCard';
import { useGateway } from './gatewayStore';
import { LinkSummary } from './LinkSummary';
import { RetryProblem } from './RetryProblem';
import { backlogOrder } from './words';
import './gateway.css';

interface BacklogViewProps {
  onOpenCase: ((caseId: number) => void) | null;
  /** Retrying is for those who serve; an administrator looks. */
  canRetry: boolean;
}

export function BacklogView({ onOpenCase, canRetry }: BacklogViewProps) {
  const t = useT();
  const { status, backlog, backlogProblem, reloadBacklog } = useGateway();

  useEffect(() => useGateway.getState().watchBacklog(), []);
  // The step of each case is named as its act numbers it.
  useEffect(() => {
    for (const id of new Set(backlog?.map((c) => c.regulationId))) void useCases.getState().regulation(id);
  }, [backlog]);

  return (
    <section data-testid="gateway-backlog">
      <PageHeader
        title={t('gateway.backlog.title')}
        lead={t('gateway.backlog.lead')}
        actions={<Button onClick={() => void reloadBacklog()}>{t('action.refresh')}</Button>}
      />
      {status && <LinkSummary status={status} />}
      {backlogProblem && <Notice tone="error">{describeProblem(t, backlogProblem).summary}</Notice>}
      <RetryProblem />
      {backlog && backlog.length === 0 && (
        <p className="empty-state" role="status" data-testid="backlog-empty">
          {t('gateway.backlog.empty')}
        </p>
      )}
      {backlog && backlog.length > 0 && (
        <div className="backlog-list">
          {backlogOrder(backlog).map((item) => (
            <BacklogCaseCard key={item.caseId} item={item} onOpenCase={onOpenCase} canRetry={canRetry} />
          ))}
        </div>
      )}
    </section>
  );
}
