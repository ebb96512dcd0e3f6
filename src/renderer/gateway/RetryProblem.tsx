/** Why the last "send again now" did not go through, until the operator closes it. */
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { useGateway } from './gatewayStore';

export function RetryProblem() {
  const t = useT();
  const { retryProblem, dismissRetryProblem } = useGateway();
  if (!retryProblem) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="retry-problem">
      <p>{describeProblem(t, retryProblem).summary}</p>
      <div>
        <Button variant="quiet" onClick={dismissRetryProblem}>
          {t('action.close')}
        </Button>
      </div>
    </div>
  );
}
