import type { AuditVerdict } from '../../shared/schemas';
import { useT } from '../i18n/localeStore';
import { Notice } from '../ui/Notice';

export function VerdictNotice({ verdict }: { verdict: AuditVerdict }) {
  const t = useT();
  if (verdict.ok) {
    return (
      <Notice tone="success" testId="audit-verdict">
        {t('audit.verdict.ok', { checked: verdict.checked })}
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
