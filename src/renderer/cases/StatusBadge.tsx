import type { CaseStatus } from '../../shared/cases';
import { useT } from '../i18n/localeStore';

const TONE: Record<CaseStatus, string> = {
  inProgress: 'info',
  waitingTarget: 'warn',
  refused: 'danger',
  resultReady: 'ok',
  issued: 'done',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--${TONE[status]}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
