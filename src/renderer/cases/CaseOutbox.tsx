/** The case's requests to the state systems, as the backlog shows them; any not yet answered may be sent again now. */
import type { CaseView } from '../../shared/cases';
import { useGateway } from '../gateway/gatewayStore';
import { OutboxMessages } from '../gateway/OutboxMessages';
import { RetryProblem } from '../gateway/RetryProblem';
import { useT } from '../i18n/localeStore';
import { useCases } from './casesStore';

export function CaseOutbox({ view }: { view: CaseView }) {
  const t = useT();
  const { retry, retrying } = useGateway();
  const reloadCase = useCases((s) => s.reloadCase);
  if (view.outbox.length === 0) return null;

  async function retryNow(messageId: string) {
    if (!(await retry(messageId))) await reloadCase();
  }

  return (
    <section className="card case-outbox" aria-labelledby="case-outbox-title" data-testid="case-outbox">
      <h2 className="section-title" id="case-outbox-title">
        {t('gateway.case.title')}
      </h2>
      <RetryProblem />
      <div className="table-wrap">
        <OutboxMessages messages={view.outbox} onRetry={(id) => void retryNow(id)} retrying={retrying} />
      </div>
    </section>
  );
}
