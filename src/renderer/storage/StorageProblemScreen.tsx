/** The data store did not open: say why, where, and what to do; nothing else can start. */
import { startWorkstation } from '../app/startup';
import type { AppStatus } from '../app/statusStore';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PublicLayout } from '../ui/PublicLayout';

export function StorageProblemScreen({ problem }: { problem: NonNullable<AppStatus['storageProblem']> }) {
  const t = useT();
  return (
    <PublicLayout wide testId="storage-screen">
      <h1 className="card-title">{t('storage.title')}</h1>
      <p className="card-lead">{t('storage.lead')}</p>
      <Notice tone="error">{t(`storage.${problem.problem}`)}</Notice>
      <dl className="facts">
        <dt>{t('storage.path')}</dt>
        <dd className="mono" data-testid="storage-path">
          {problem.path}
        </dd>
      </dl>
      <div className="form-actions">
        <Button variant="primary" autoFocus onClick={() => void startWorkstation()}>
          {t('action.retry')}
        </Button>
      </div>
    </PublicLayout>
  );
}
