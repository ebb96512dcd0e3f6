import { AppError } from '../../shared/errors';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../gateway/trainingGateway';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'branch.get' | 'branch.update' | 'catalog.search' | 'catalog.regulation' | 'training.population';

export function catalogAndBranchHandlers(s: Services, catalog: Catalog, today: () => string): HandlerGroup<Calls> {
  return {
    'branch.get': () => s.settings.branch(),

    'branch.update': (input, ctx) => {
      if (input.opensAt >= input.closesAt) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'closesAt', reason: 'time.closesBeforeOpens' }] });
      }
      s.db.transaction(() => {
        s.settings.putBranch(input);
        s.audit.append({ actorId: ctx.operator.id, action: 'branch.updated', detail: { ...input } });
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

    'training.population': () => {
      // Live counters never show a list of people: this is the simulated register of training.
      if (!s.training) throw new AppError('FORBIDDEN');
      return {
        people: TRAINING_PEOPLE.map((p) => ({ iin: p.iin, fullName: [p.surname, p.name, p.patronymic].filter(Boolean).join(' '), deceased: p.deceased })),
        powersOfAttorney: TRAINING_POWERS_OF_ATTORNEY.map(({ validUntil: _v, scope: _s, ...p }) => p),
      };
    },

    'catalog.regulation': ({ id }) => {
      const regulation = catalog.get(id);
      if (!regulation) throw new AppError('NOT_FOUND');
      return regulation;
    },
  };
}
