/** One case in the backlog: its number, service and step, and its requests not yet answered. */
import type { BacklogCase } from '../../shared/cases';
import { useCases } from '../cases/casesStore';
import { StatusBadge } from '../cases/StatusBadge';
import { stepLabelById } from '../cases/steps';
import { useLocale, useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { useGateway } from './gatewayStore';
import { OutboxMessages } from './OutboxMessages';

interface BacklogCaseCardProps {
  item: BacklogCase;
  onOpenCase: ((caseId: number) => void) | null;
  canRetry: boolean;
}

export function BacklogCaseCard({ item, onOpenCase, canRetry }: BacklogCaseCardProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const regulation = useCases((s) => s.regulations[item.regulationId]);
  const { retry, retrying } = useGateway();
  const titleId = `backlog-case-${item.caseId}`;
  return (
    <article className="card backlog-case" aria-labelledby={titleId} data-testid="backlog-case" data-case={item.caseNumber}>
      <header className="backlog-case-head">
        <div>
          <h2 className="backlog-case-title" id={titleId}>
            <span className="mono">{t('case.numberShort', { number: item.caseNumber })}</span> <StatusBadge status={item.status} />
          </h2>
          <p className="backlog-case-service">{item.serviceTitle[locale]}</p>
          <p className="muted small">{t('gateway.backlog.step', { step: stepLabelById(t, regulation, item.step) })}</p>
        </div>
        {onOpenCase && (
          <Button variant="quiet" onClick={() => onOpenCase(item.caseId)} aria-label={t('cases.openNumber', { number: item.caseNumber })}>
            {t('action.open')}
          </Button>
        )}
      </header>
      <OutboxMessages messages={item.messages} onRetry={canRetry ? (id) => void retry(id) : undefined} retrying={retrying} />
    </article>
  );
}
