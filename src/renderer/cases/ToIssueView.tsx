/**
 * What to hand over when the applicant comes back: results ready to issue, and refusals produced
 * while they were away. Read again whenever a case moves.
 */
import { useEffect } from 'react';
import { describeProblem } from '../i18n/describeProblem';
import { useT } from '../i18n/localeStore';
import { Notice } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { CaseTable } from './CaseList';
import { useCases } from './casesStore';

export function ToIssueView({ onOpenCase }: { onOpenCase(caseId: number): void }) {
  const t = useT();
  const { toIssue, toIssueProblem, loadToIssue } = useCases();
  useEffect(() => {
    void loadToIssue();
  }, [loadToIssue]);
  return (
    <section data-testid="to-issue">
      <PageHeader title={t('toIssue.title')} lead={t('toIssue.lead')} />
      {toIssueProblem && <Notice tone="error">{describeProblem(t, toIssueProblem).summary}</Notice>}
      {toIssue &&
        (toIssue.length > 0 ? (
          <CaseTable cases={toIssue} testId="to-issue-table" onOpen={onOpenCase} />
        ) : (
          <p className="empty-state">{t('toIssue.empty')}</p>
        ))}
    </section>
  );
}
