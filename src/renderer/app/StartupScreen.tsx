/** While the core answers app.status, or when it does not answer at all. */
import type { Problem } from '../client/problem';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { WorkstationGlyph } from '../ui/icons';
import { Notice } from '../ui/Notice';
import { PublicLayout } from '../ui/PublicLayout';
import { startWorkstation } from './startup';

export function StartupScreen({ problem }: { problem: Problem | null }) {
  const t = useT();
  if (!problem) {
    return (
      <div className="splash" data-testid="startup-screen" aria-busy="true">
        <span className="brand-mark brand-mark--large" aria-hidden="true">
          <WorkstationGlyph />
        </span>
        <p>{t('app.loading')}</p>
      </div>
    );
  }
  return (
    <PublicLayout testId="startup-problem">
      <h1 className="card-title">{t('app.unreachable.title')}</h1>
      <Notice tone="error">{describeProblem(t, problem).summary}</Notice>
      <p className="card-lead">{t('app.unreachable.body')}</p>
      <div className="form-actions">
        <Button variant="primary" autoFocus onClick={() => void startWorkstation()}>
          {t('action.retry')}
        </Button>
      </div>
    </PublicLayout>
  );
}
