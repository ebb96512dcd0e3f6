import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'settings.get' | 'settings.update' | 'audit.list' | 'audit.verify';

export function settingsAndAuditHandlers(s: Services): HandlerGroup<Calls> {
  return {
    'settings.get': () => s.settings.get(),

    'settings.update': (input, ctx) => {
      s.db.transaction(() => {
        s.settings.put(input);
        s.audit.append({ actorId: ctx.operator.id, action: 'settings.updated', detail: { ...input } });
      }).immediate();
      return s.settings.get();
    },

    'audit.list': ({ limit, beforeId }) => ({ entries: s.audit.list(limit, beforeId) }),

    'audit.verify': (_input, ctx) => {
      const verdict = s.audit.verify();
      s.audit.append({ actorId: ctx.operator.id, action: 'audit.verified', detail: { ok: verdict.ok, checked: verdict.checked } });
      return verdict;
    },
  };
}
