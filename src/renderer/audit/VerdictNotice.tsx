import type { AuditVerdict } from '../../shared/schemas';
import { useT } from '../i18n/localeStore';
import { Notice } from '../ui/Notice';

export function VerdictNotice({ verdict }: { verdict: AuditVerdict }) {
  const t = useT();
  if (verdict.ok) {
    return (
      <Notice tone="success" testId="audit-verdict">
        {t('audit.verdict.ok', { checked: verdict.checked })}
        {/* The head kept outside the database: the administrator may write it down or compare it with a backup's. */}
        {verdict.anchor ? (
          <span className="audit-anchor" data-testid="audit-anchor">
            {' '}
            {t('audit.verdict.anchor', { id: verdict.anchor.id, hash: verdict.anchor.hash.slice(0, 16) })}
          </span>
        ) : null}
      </Notice>
    );
  }
  return (
    <Notice tone="error" testId="audit-verdict">
      {t('audit.verdict.broken', {
        brokenAt: verdict.brokenAt ?? '?',
        problem: t(`audit.problem.${verdict.problem ?? 'edited'}`),
      })}
    </Notice>
  );
}
