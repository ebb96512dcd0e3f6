/** The audit log, newest first, with the chain check an inspector asks for. */
import { useEffect } from 'react';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { AuditTable } from './AuditTable';
import { useAudit } from './auditStore';
import { VerdictNotice } from './VerdictNotice';

export function AuditView() {
  const t = useT();
  const { entries, reachedStart, loading, problem, verdict, verifying, verifyProblem, loadLatest, loadOlder, verify } = useAudit();

  useEffect(() => {
    void loadLatest();
  }, [loadLatest]);

  return (
    <section data-testid="audit-view">
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          <>
            <Button onClick={() => void loadLatest()} busy={loading && !entries.length}>
              {t('action.refresh')}
            </Button>
            <Button variant="primary" busy={verifying} onClick={() => void verify()}>
              {t('action.verifyChain')}
            </Button>
          </>
        }
      />
      {verdict && <VerdictNotice verdict={verdict} />}
      {verifyProblem && <Notice tone="error">{describeProblem(t, verifyProblem).summary}</Notice>}
      {problem && <Notice tone="error">{describeProblem(t, problem).summary}</Notice>}
      {entries.length > 0 ? <AuditTable entries={entries} /> : !loading && !problem && <p className="muted">{t('audit.empty')}</p>}
      <div className="table-footer">
        {entries.length > 0 && !reachedStart && (
          <Button busy={loading} onClick={() => void loadOlder()}>
            {t('action.loadMore')}
          </Button>
        )}
        {entries.length > 0 && reachedStart && <p className="muted">{t('audit.end')}</p>}
      </div>
    </section>
  );
}
