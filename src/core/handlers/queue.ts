/** The queue's calls: the hall's kiosk and board, the operator's window, the supervisor's figures. */
import { AppError } from '../../shared/errors';
import type { CaseCommands } from '../cases/caseCommands';
import type { CaseReader } from '../cases/caseReader';
import { dayStats, ticketsCsv } from '../queue/stats';
import type { CounterQueue } from '../branch/branchQueue';
import type { QueueStore } from '../queue/queueStore';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls =
  | 'queue.kiosk' | 'queue.issue' | 'queue.board' | 'queue.overview' | 'queue.setWindow' | 'queue.pause' | 'queue.resume'
  | 'queue.callNext' | 'queue.callTicket' | 'queue.recall' | 'queue.noShow' | 'queue.returnToQueue' | 'queue.finish'
  | 'queue.transfer' | 'queue.startService' | 'queue.stats' | 'queue.exportCsv' | 'queue.closeDay' | 'queue.settings'
  | 'queue.updateSettings';

export interface QueueHandlerDeps {
  /** The counter's queue, or the branch's when this workstation belongs to one. */
  queue: CounterQueue;
  store: QueueStore;
  /** The case a ticket's service opens, and how it is read back. */
  commands: CaseCommands;
  cases: CaseReader;
  catalog: Catalog;
  today(): string;
}

export function queueHandlers(s: Services, d: QueueHandlerDeps): HandlerGroup<Calls> {
  const operatorName = (id: number) => s.operators.byId(id)?.fullName ?? `#${id}`;
  const offered = () => d.catalog.search({ query: '', region: s.settings.branch().region, today: d.today(), training: s.training }).filter((e) => e.openable);

  return {
    'queue.kiosk': () => {
      const groups = new Map<string, { regulationId: string; title: { kk: string; ru: string; en: string } }[]>();
      for (const e of offered()) {
        const group = d.catalog.get(e.regulationId)!.service.queueGroup;
        groups.set(group, [...(groups.get(group) ?? []), { regulationId: e.regulationId, title: e.title }]);
      }
      return {
        day: d.today(),
        groups: [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, services]) => ({ group, services })),
        priorityCategories: s.settings.queue().priorityCategories,
      };
    },
    'queue.issue': ({ group, regulationId, priority }, ctx) => {
      if (regulationId && d.catalog.get(regulationId)?.service.queueGroup !== group) {
        throw new AppError({ code: 'VALIDATION', issues: [{ path: 'regulationId', reason: 'queue.serviceNotInGroup' }] });
      }
      return d.queue.issue(group, priority, regulationId ?? null, ctx.clientId);
    },
    'queue.board': ({ windows }) => d.queue.board(windows),
    'queue.overview': (_input, ctx) => d.queue.overview(ctx.clientId),
    'queue.setWindow': ({ window, groups }, ctx) => d.queue.setWindow(ctx.clientId, window, groups, ctx.operator),
    'queue.pause': (_input, ctx) => d.queue.pause(ctx.clientId, true, ctx.operator),
    'queue.resume': (_input, ctx) => d.queue.pause(ctx.clientId, false, ctx.operator),
    'queue.callNext': (_input, ctx) => d.queue.callNext(ctx.clientId, ctx.operator),
    'queue.callTicket': ({ ticketId }, ctx) => d.queue.callTicket(ctx.clientId, ticketId, ctx.operator),
    'queue.recall': ({ ticketId, version }, ctx) => d.queue.act('recall', ctx.clientId, ticketId, version, ctx.operator),
    'queue.noShow': ({ ticketId, version }, ctx) => d.queue.act('noShow', ctx.clientId, ticketId, version, ctx.operator),
    'queue.returnToQueue': ({ ticketId, version }, ctx) => d.queue.act('returnToQueue', ctx.clientId, ticketId, version, ctx.operator),
    'queue.finish': ({ ticketId, version }, ctx) => d.queue.act('finish', ctx.clientId, ticketId, version, ctx.operator),
    'queue.transfer': ({ ticketId, version, toGroup, toWindow }, ctx) =>
      d.queue.transfer(ctx.clientId, ticketId, version, { group: toGroup, window: toWindow }, ctx.operator),

    'queue.startService': async ({ ticketId, version, regulationId, documentLocale }, ctx) => {
      if (!d.catalog.canOpen(regulationId, s.settings.branch().region, d.today(), s.training)) throw new AppError('SERVICE_NOT_OFFERED');
      // The ticket is checked before a case is opened, so a stale ticket opens nothing.
      const where = await d.queue.ticketForService(ctx.clientId, ticketId, version);
      const record = await d.commands.start({ regulationId, documentLocale }, ctx.operator);
      const ticket = await d.queue.startService(ctx.clientId, ticketId, version, record.id, record.number, ctx.operator, where);
      return { ticket, case: d.cases.view(record) };
    },

    'queue.stats': ({ day }) => {
      const which = day ?? d.today();
      return d.queue.stats(which, () => dayStats(which, d.store.forDay(which), operatorName), (login) => s.operators.byLogin(login));
    },
    'queue.exportCsv': ({ day }, ctx) => {
      const which = day ?? d.today();
      s.audit.append({ actorId: ctx.operator.id, action: 'queue.exported', detail: { day: which } });
      return { filename: `queue-${which}.csv`, csv: ticketsCsv(d.store.forDay(which), operatorName) };
    },
    'queue.closeDay': (_input, ctx) => ({ unserved: d.queue.closeDay(ctx.operator) }),
    'queue.settings': () => s.settings.queue(),
    'queue.updateSettings': (input, ctx) => {
      s.db.transaction(() => {
        s.settings.putQueue(input);
        s.audit.append({ actorId: ctx.operator.id, action: 'queue.settingsUpdated', detail: { ...input } });
      }).immediate();
      return s.settings.queue();
    },
  };
}
