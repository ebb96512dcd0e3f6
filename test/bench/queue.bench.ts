/**
 * Benchmarks of the electronic queue:
 * 1. call-next with 100,000 tickets in the day (in the core, as the worker runs it);
 * 2. issuing tickets at 1,000 a second through the web host while a board is subscribed;
 * 3. from a call to the board's pushed event through the web host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { openWorkstation } from '../../src/core/workstation';
import { makeIin } from '../support/iins';
import { ms, report, summary, type Verdict } from './measure';

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const HOST_CLI = new URL('../../out/host/cli.js', import.meta.url).pathname;
const PASSWORD = 'bench-password-2026';
const ADMIN = { login: 'admin', fullName: 'Бенчмарк Әкімші', iin: makeIin('850315', '4', 12), password: PASSWORD };
const OPERATOR = { login: 'operator', fullName: 'Бенчмарк Оператор', iin: makeIin('880512', '3', 77), role: 'operator', password: PASSWORD };

async function callNext(root: string): Promise<Verdict[]> {
  const clock = new ManualClock();
  const ws = openWorkstation({ dataDir: join(root, 'queue'), masterKey: randomBytes(32), resourcesDir: RESOURCES, clock }, () => {});
  const call = async (name: string, input: unknown, client = 'w1') => {
    const r = await ws.dispatch(name, input, client);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: number; version: number };
  };
  await call('setup.createAdmin', ADMIN, 'a');
  await call('operators.create', OPERATOR, 'a');
  await call('auth.login', { login: 'operator', password: PASSWORD });
  await call('auth.changePassword', { current: PASSWORD, next: 'bench-password-2027' });
  await call('queue.setWindow', { window: '1', groups: ['A', 'B', 'C', 'D'] });
  const priorities = [null, null, null, 'elderly', null, null, 'disability', null, null, null];
  const t0 = performance.now();
  for (let i = 0; i < 100_000; i++) {
    // The worker checkpoints every 5 s between calls; a few hundred issues take about that long here.
    if (i % 500 === 0) ws.maintain();
    await call('queue.issue', { group: 'ABCD'[i % 4]!, priority: priorities[i % 10]! }, 'kiosk');
  }
  const issueSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 200 === 0) ws.maintain();
    const s = performance.now();
    const t = await call('queue.callNext', {});
    times.push(performance.now() - s);
    await call('queue.noShow', { ticketId: t.id, version: t.version });
  }
  ws.close();
  const s = summary(times.slice(200));
  return [
    {
      name: 'call-next, 100,000 tickets in the day',
      figure: `p50 ${ms(s.p50)} p99 ${ms(s.p99)} (the 100,000 issued in ${issueSeconds.toFixed(1)} s in the core: ${Math.round(100_000 / issueSeconds)}/s)`,
      goal: 'p99 < 1 ms',
      pass: s.p99 < 1,
    },
  ];
}

function spawnHost(dataDir: string): Promise<{ child: ChildProcess; links: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOST_CLI, '--data-dir', dataDir, '--port', '0', '--links', '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const links = [...out.matchAll(/AZHO_URL=(\S+)/g)].map((m) => m[1]!);
      if (links.length === 3) resolve({ child, links });
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
}

function cookieFor(link: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    request(new URL(link), { agent }, (res) => {
      res.resume();
      resolve(String(res.headers['set-cookie']).split(';')[0]!);
    })
      .on('error', reject)
      .end();
  });
}

function post(agent: Agent, origin: string, cookie: string, name: string, input: unknown): Promise<any> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/api/call/${name}`, origin),
      { method: 'POST', agent, headers: { 'content-type': 'application/json', origin, cookie, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => {
          const envelope = JSON.parse(text);
          if (envelope.ok) resolve(envelope.value);
          else reject(new Error(`${name}: ${JSON.stringify(envelope.error)}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A board: an SSE subscriber that hands every event to `onEvent` with its arrival time. */
function subscribe(origin: string, cookie: string, onEvent: (event: { name: string; payload: any }, at: number) => void): () => void {
  const req = request(new URL('/api/events', origin), { headers: { cookie } }, (res) => {
    let buffer = '';
    res.on('data', (chunk: Buffer) => {
      const at = performance.now();
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (data) onEvent(JSON.parse(data.slice(6)), at);
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

async function throughHost(root: string): Promise<Verdict[]> {
  const host = await spawnHost(join(root, 'host'));
  const origin = new URL(host.links[0]!).origin;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const [admin, operator, board] = await Promise.all(host.links.map((l) => cookieFor(l, agent)));
  await post(agent, origin, admin!, 'setup.createAdmin', ADMIN);
  await post(agent, origin, admin!, 'operators.create', OPERATOR);
  await post(agent, origin, operator!, 'auth.login', { login: 'operator', password: PASSWORD });
  await post(agent, origin, operator!, 'auth.changePassword', { current: PASSWORD, next: 'bench-password-2027' });
  await post(agent, origin, operator!, 'queue.setWindow', { window: '1', groups: ['A'] });

  let changedEvents = 0;
  const calledAt = new Map<string, number>();
  const unsubscribe = subscribe(origin, board!, (event, at) => {
    if (event.name === 'queue.changed') changedEvents++;
    if (event.name === 'queue.called' && !event.payload.recall) calledAt.set(event.payload.number, at);
  });
  await new Promise((r) => setTimeout(r, 200));

  // 1,000 tickets a second for five seconds, in steps of 50 every 50 ms, 8 requests in flight.
  const target = 1000;
  const seconds = 5;
  const issueLatency: number[] = [];
  const started = performance.now();
  let issued = 0;
  for (let step = 0; step < (seconds * 1000) / 50; step++) {
    const due = started + step * 50;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await Promise.all(
      Array.from({ length: target / 20 }, async () => {
        const t0 = performance.now();
        await post(agent, origin, admin!, 'queue.issue', { group: 'A', priority: null });
        issueLatency.push(performance.now() - t0);
        issued++;
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  const rate = issued / elapsed;
  const il = summary(issueLatency);

  // Calls: from the operator's request to the board hearing the number.
  const toBoard: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    const t = await post(agent, origin, operator!, 'queue.callNext', {});
    for (let spin = 0; !calledAt.has(t.number) && spin < 200; spin++) await new Promise((r) => setTimeout(r, 1));
    toBoard.push((calledAt.get(t.number) ?? Infinity) - t0);
    await post(agent, origin, operator!, 'queue.noShow', { ticketId: t.id, version: t.version });
  }
  unsubscribe();
  agent.destroy();
  host.child.kill('SIGTERM');
  await once(host.child, 'exit');
  const tb = summary(toBoard);
  return [
    {
      name: 'tickets issued through the web host, board subscribed',
      figure: `${Math.round(rate)}/s sustained for ${elapsed.toFixed(1)} s (issue p50 ${ms(il.p50)} p99 ${ms(il.p99)}); board received ${changedEvents} change events`,
      goal: '≥ 1,000 per second',
      pass: rate >= 1000 * 0.95 && changedEvents >= issued,
    },
    {
      name: 'call → board event through the web host',
      figure: `p50 ${ms(tb.p50)} p99 ${ms(tb.p99)}`,
      goal: 'p99 < 50 ms',
      pass: tb.p99 < 50,
    },
  ];
}

const root = mkdtempSync(join(tmpdir(), 'azho-bench-queue-'));
try {
  report([...(await callNext(root)), ...(await throughHost(root))]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
