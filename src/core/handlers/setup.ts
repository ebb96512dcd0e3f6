/** First run: a person creates the administrator. There is no default account or password. */
import { AppError } from '../../shared/errors';
import { hashPassword } from '../auth/password';
import { iso } from '../clock';
import type { Services } from '../services';
import { sessionView } from './sessionView';
import type { HandlerGroup } from './types';

export function setupHandlers(s: Services): HandlerGroup<'setup.createAdmin' | 'app.status'> {
  return {
    'app.status': () => ({
      ready: true,
      firstRun: !s.operators.any(),
      training: s.training,
      version: s.version,
      storageProblem: null,
    }),

    'setup.createAdmin': async (input, ctx) => {
      if (s.operators.any()) throw new AppError('SETUP_ALREADY_DONE');
      const passwordHash = await hashPassword(input.password);
      const id = s.db.transaction(() => {
        // Checked again inside the write transaction: two first-run screens cannot both win.
        if (s.operators.count() > 0) throw new AppError('SETUP_ALREADY_DONE');
        const at = iso(s.clock.now());
        const newId = s.operators.insert({ ...input, role: 'admin', passwordHash, mustChangePassword: false, createdAt: at });
        s.audit.append({ actorId: newId, action: 'setup.adminCreated', subject: `operator:${newId}` });
        s.audit.append({ actorId: newId, action: 'auth.login', subject: `operator:${newId}`, detail: { client: ctx.clientId } });
        return newId;
      }).immediate();
      return sessionView(s, s.sessions.start(ctx.clientId, id), s.operators.byId(id)!);
    },
  };
}
