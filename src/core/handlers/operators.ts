/** The administrator's work on accounts: create, disable or enable, reset a password. */
import { AppError } from '../../shared/errors';
import { hashPassword } from '../auth/password';
import { publicOperator } from '../auth/operatorStore';
import { iso } from '../clock';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type OperatorCalls = 'operators.list' | 'operators.create' | 'operators.setDisabled' | 'operators.resetPassword';

export function operatorHandlers(s: Services): HandlerGroup<OperatorCalls> {
  const existing = (id: number) => {
    const op = s.operators.byId(id);
    if (!op) throw new AppError('NOT_FOUND');
    return op;
  };

  return {
    'operators.list': (_input, ctx) => {
      const operators = s.operators.all();
      // The list shows IINs and names: viewing personal data leaves a trace.
      s.audit.append({ actorId: ctx.operator.id, action: 'operators.viewed', detail: { count: operators.length } });
      return { operators };
    },

    'operators.create': async (input, ctx) => {
      if (s.operators.loginTaken(input.login)) throw new AppError({ code: 'LOGIN_TAKEN', issues: [{ path: 'login', reason: 'login.taken' }] });
      if (s.operators.iinTaken(input.iin)) throw new AppError({ code: 'IIN_TAKEN', issues: [{ path: 'iin', reason: 'iin.taken' }] });
      const passwordHash = await hashPassword(input.password);
      const id = s.db.transaction(() => {
        // A second administrator may have taken the login while the password was hashing.
        if (s.operators.loginTaken(input.login)) throw new AppError('LOGIN_TAKEN');
        if (s.operators.iinTaken(input.iin)) throw new AppError('IIN_TAKEN');
        const newId = s.operators.insert({ ...input, passwordHash, mustChangePassword: true, createdAt: iso(s.clock.now()) });
        s.audit.append({ actorId: ctx.operator.id, action: 'operators.created', subject: `operator:${newId}`, detail: { role: input.role } });
        return newId;
      }).immediate();
      return publicOperator(existing(id));
    },

    'operators.setDisabled': ({ operatorId, disabled }, ctx) => {
      const target = existing(operatorId);
      s.db.transaction(() => {
        if (disabled && target.role === 'admin' && !target.disabled && s.operators.activeAdmins() <= 1) {
          throw new AppError('LAST_ADMIN');
        }
        s.operators.setDisabled(operatorId, disabled, iso(s.clock.now()));
        s.audit.append({
          actorId: ctx.operator.id,
          action: disabled ? 'operators.disabled' : 'operators.enabled',
          subject: `operator:${operatorId}`,
        });
      }).immediate();
      if (disabled) s.sessions.endAllOf(operatorId, 'disabled');
      return publicOperator(existing(operatorId));
    },

    'operators.resetPassword': async ({ operatorId, password }, ctx) => {
      const target = existing(operatorId);
      const hash = await hashPassword(password);
      s.db.transaction(() => {
        s.operators.setPassword(operatorId, hash, true, iso(s.clock.now()));
        // A reset is also how an administrator lifts a lockout.
        s.throttle.clear(target.login);
        s.audit.append({ actorId: ctx.operator.id, action: 'operators.passwordReset', subject: `operator:${operatorId}` });
      }).immediate();
      return publicOperator(existing(operatorId));
    },
  };
}
