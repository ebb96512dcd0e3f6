import type { SessionView } from '../../shared/schemas';
import { publicOperator, type OperatorRecord } from '../auth/operatorStore';
import type { Session } from '../auth/sessions';
import { iso } from '../clock';
import type { Services } from '../services';

export function sessionView(s: Services, session: Session, operator: OperatorRecord): SessionView {
  return {
    operator: publicOperator(operator),
    locked: session.locked,
    startedAt: iso(session.startedAt),
    expiresAt: iso(session.expiresAt),
    idleLockSeconds: s.idleLockSeconds(),
  };
}
