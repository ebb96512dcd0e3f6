import type { Operator } from '../../shared/schemas';
import { useT } from '../i18n/localeStore';

/** Who is logged in: the full name and the role, as on the staff badge. */
export function OperatorBadge({ operator, onDark }: { operator: Operator; onDark?: boolean }) {
  const t = useT();
  return (
    <div className={`operator-badge${onDark ? ' operator-badge--dark' : ''}`} data-testid="operator-badge">
      <span className="operator-badge-name">{operator.fullName}</span>
      <span className="operator-badge-role">{t(`role.${operator.role}`)}</span>
    </div>
  );
}
