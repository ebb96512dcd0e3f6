import { AppError } from '../../shared/errors';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'branch.get' | 'branch.update' | 'catalog.search' | 'catalog.regulation';

export function catalogAndBranchHandlers(s: Services, catalog: Catalog, today: () => string): HandlerGroup<Calls> {
  return {
    'branch.get': () => s.settings.branch(),

    'branch.update': (input, ctx) => {
      if (input.opensAt >= input.closesAt) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'closesAt', reason: 'time.closesBeforeOpens' }] });
      }
      s.db.transaction(() => {
        s.settings.putBranch(input);
        s.audit.append({ actorId: ctx.operator!.id, action: 'branch.updated', detail: { ...input } });
      }).immediate();
      return s.settings.branch();
    },

    'catalog.search': ({ query }) => {
      const day = today();
      return {
        entries: catalog.search({ query, region: s.settings.branch().region, today: day, training: s.training }),
        problems: [...catalog.problems],
        today: day,
      };
    },

    'catalog.regulation': ({ id }) => {
      const regulation = catalog.get(id);
      if (!regulation) throw new AppError('NOT_FOUND');
      return regulation;
    },
  };
}
