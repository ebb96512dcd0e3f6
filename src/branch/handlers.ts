/** One handler per call of the branch contract: a call added there without a handler does not compile. */
import type pg from 'pg';
import { BRANCH_CONTRACT_VERSION, type BranchCallName, type BranchOutput, type BranchParsed } from '../shared/branch/wire';
import type { BranchDirectory } from './directory';
import type { LoginThrottle } from './loginThrottle';
import type { BranchQueue, Device } from './queue';
import type { BranchRegistry } from './registry';
import { queueStats } from './queueStats';
import { reportCalls } from './reportCalls';
import { dayReport } from './reports';

export type BranchHandlers = { [N in BranchCallName]: (device: Device, input: BranchParsed<N>) => Promise<BranchOutput<N>> };

interface Deps {
  pool: pg.Pool;
  queue: BranchQueue;
  registry: BranchRegistry;
  directory: BranchDirectory;
  throttle: LoginThrottle;
  branch: { id: string; name: string };
  today(): string;
  timeZone: string;
}

export function branchHandlers(d: Deps): BranchHandlers {
  return {
    hello: async (device) => {
      const { rows } = await d.pool.query<{ priority_categories: string[]; max_priority_streak: number; recalls_before_no_show: number }>(
        'SELECT priority_categories, max_priority_streak, recalls_before_no_show FROM branch_settings',
      );
      const s = rows[0]!;
      return {
        branchId: d.branch.id,
        branchName: d.branch.name,
        device: { name: device.name, role: device.role },
        day: d.today(),
        serverTime: new Date().toISOString(),
        contractVersion: BRANCH_CONTRACT_VERSION,
        queue: { priorityCategories: s.priority_categories, maxPriorityStreak: s.max_priority_streak, recallsBeforeNoShow: s.recalls_before_no_show },
      };
    },
    'queue.issue': (device, input) => d.queue.issue(device, input),
    'queue.setWindow': (device, input) => d.queue.setWindow(device, input),
    'queue.callNext': (device, input) => d.queue.callNext(device, input),
    'queue.callTicket': (device, input) => d.queue.callTicket(device, input),
    'queue.recall': (device, input) => d.queue.recall(device, input),
    'queue.noShow': (device, input) => d.queue.noShow(device, input),
    'queue.returnToQueue': (device, input) => d.queue.returnToQueue(device, input),
    'queue.finish': (device, input) => d.queue.finish(device, input),
    'queue.startService': (device, input) => d.queue.startService(device, input),
    'queue.transfer': (device, input) => d.queue.transfer(device, input),
    'queue.current': (device, input) => d.queue.current(device, input.window),
    'queue.overview': () => d.queue.overview(),
    'queue.board': (_device, input) => d.queue.board(input.windows),
    'queue.get': (_device, input) => d.queue.get(input.ticketId),
    reconcile: (device, input) => d.registry.reconcile(device, input),
    'reports.day': (_device, input) => dayReport(d.pool, input.day, d.timeZone),
    'queue.stats': (_device, input) => queueStats(d.pool, input.day),
    'operators.push': (device, input) => d.directory.push(device, input),
    'operators.pull': () => d.directory.pull(),
    'auth.failed': (_device, input) => d.throttle.failed(input.loginKey),
    'auth.succeeded': (_device, input) => d.throttle.succeeded(input.loginKey),
    'auth.throttle': (_device, input) => d.throttle.state(input.loginKey),
    ...reportCalls(d.pool, d.timeZone, d.directory),
  };
}
