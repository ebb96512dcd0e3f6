/**
 * The branch server for the branch benchmark, in a process of its own as it runs at a branch: the
 * benchmark's twenty windows and twenty boards do not land on its event loop. Over IPC it makes
 * enrollment codes and reports what only it can see: its own time per call (request in → answer
 * written), the time of the call_next statement on PostgreSQL, and its event-loop lag.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import pg from 'pg';
import { startBranchServer } from '../../src/branch/server';
import type { DeviceRole } from '../../src/shared/branch/wire';

const [dsn, dataDir] = process.argv.slice(2) as [string, string];
const handled: Record<string, number[]> = {};
let callNextSql: number[] = [];

// call_next's own time on the database, from the statement sent to its answer (locks included).
type Query = (this: pg.Client, ...args: unknown[]) => Promise<unknown>;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  const result = query.apply(this, args);
  if (typeof args[0] === 'string' && args[0].startsWith('SELECT call_next(')) {
    const t0 = performance.now();
    result.then(() => callNextSql.push(performance.now() - t0), () => undefined);
  }
  return result;
};

const server = await startBranchServer({
  dsn,
  dataDir,
  branchId: 'BENCH-01',
  branchName: 'Бенчмарк филиалы',
  log: (line) => {
    if (line.event === 'call' && line.status === 200 && typeof line.ms === 'number') (handled[String(line.call)] ??= []).push(line.ms);
  },
});

let lag: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
type Message = { id: number; type: 'enroll'; device: string; role: DeviceRole } | { id: number; type: 'measure' | 'report' | 'stop' };

process.on('message', (m: Message) => {
  const reply = (value: unknown) => process.send!({ id: m.id, value });
  if (m.type === 'enroll') void server.makeEnrollmentCode(m.device, m.role).then(reply);
  if (m.type === 'measure') {
    // From now on: what came before (enrolment, warm-up, the baseline's turn) does not count.
    for (const k of Object.keys(handled)) delete handled[k];
    callNextSql = [];
    lag.disable();
    lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    reply(null);
  }
  if (m.type === 'report') reply({ handled, callNextSql, lag: { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 } });
  if (m.type === 'stop') void server.close().then(() => reply(null)).finally(() => process.exit(0));
});

process.send!({ id: 0, value: { port: server.port, enrollPort: server.enrollPort, caPem: server.caPem } });
