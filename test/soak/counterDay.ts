/**
 * The process the soak kills: the workstation core on a data folder, with the simulator as its
 * gateway, and the driver of one counter's day inside it — tickets issued through the day, each
 * called in turn and either served with a case (hand-over, request form, two scans, the
 * operator's signature, forward) or marked a no-show. It resumes from whatever the database says
 * after a kill, as an operator would. When every planned ticket is handled it waits for the
 * outbox to drain, closes the day as the administrator, and prints RESULT with the core's own
 * figures and `audit.verify`.
 *
 * Lines it prints: READY (core open), SIGNED_IN, PROGRESS <tickets handled>, MEM <rss> <heap after
 * GC> every SOAK_SAMPLE_MS, ACCEPTED (counter work done), RESULT <json>.
 */
import sharp from 'sharp';
import { openWorkstation } from '../../src/core/workstation';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import type { CaseView } from '../../src/shared/cases';
import type { Ticket } from '../../src/shared/queue';
import { makeIin } from '../support/iins';
import { trainingKey } from '../support/signing';
import { dayPlan, ticketIndex } from './plan';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const plan = dayPlan(Number(env('SOAK_TICKETS')), Number(env('SOAK_CASES')));
const DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];
const SCANNED = ['application', 'applicantIdentity'];
const living = TRAINING_PEOPLE.filter((p) => !p.deceased);
const applicantOf = (c: number) => (plan.refused(c) ? makeIin('010203', '1', 100 + c) : living[c % living.length]!.iin);
/** Tickets issued ahead of the one being served: the hall fills up through the day. */
const AHEAD = plan.unserved + 3;
const COUNTER = 'soak-counter';
const ADMIN = { login: 'admin', password: 'Soak-admin-2026' };
const OPERATOR = { login: 'soak-operator', first: 'Soak-temporary-2026', password: 'Soak-operator-2026' };

const ws = openWorkstation(
  {
    dataDir: env('SOAK_DATA_DIR'),
    masterKey: Buffer.from(env('SOAK_KEY'), 'hex'),
    resourcesDir: env('SOAK_RESOURCES'),
    gatewayConnection: { endpoint: env('SOAK_GATEWAY'), senderId: 'AZHO-SOAK', password: 'soak-sender', caPem: null, pollIntervalSeconds: 1 },
    trustDir: env('SOAK_RESOURCES') + '/training-pki',
    outbox: { concurrency: 4, backoff: { baseMs: 50, capMs: 500, floorMs: 10 }, settleMs: 0 },
  },
  () => {},
);
const say = (line: string) => process.stdout.write(line + '\n');
say('READY');
setInterval(() => ws.maintain(), 300);
// Heap after a full collection: what the core really holds, not garbage not yet collected.
const gc = (globalThis as { gc?: () => void }).gc;
setInterval(() => {
  gc?.();
  const m = process.memoryUsage();
  say(`MEM ${m.rss} ${m.heapUsed}`);
}, Number(env('SOAK_SAMPLE_MS')));

async function call<T>(name: string, input: unknown, client = COUNTER): Promise<T> {
  const result = await ws.dispatch(name as never, input, client);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const tries = (name: string, input: unknown, client = COUNTER) => ws.dispatch(name as never, input, client);

/** Accounts on the first run; every run logs both in again (a kill ends the sessions). */
async function signIn() {
  if ((await call<{ firstRun: boolean }>('app.status', {})).firstRun) {
    await call('setup.createAdmin', { login: ADMIN.login, fullName: 'Әкімші Сынақ', iin: makeIin('850315', '4', 12), password: ADMIN.password }, 'admin');
  }
  await call('auth.login', ADMIN, 'admin');
  // Nobody is marked a no-show by the clock: the plan decides who does not come.
  const settings = await call<Record<string, unknown>>('queue.settings', {}, 'admin');
  await call('queue.updateSettings', { ...settings, noShowAfterSeconds: 1800 }, 'admin');
  // A new account changes its first password; a kill may have come before or after either step.
  if ((await tries('auth.login', { login: OPERATOR.login, password: OPERATOR.password })).ok) return;
  if (!(await tries('auth.login', { login: OPERATOR.login, password: OPERATOR.first })).ok) {
    await call('operators.create', { login: OPERATOR.login, fullName: 'Оператор Сынақ', iin: makeIin('880512', '3', 77), role: 'operator', password: OPERATOR.first }, 'admin');
    await call('auth.login', { login: OPERATOR.login, password: OPERATOR.first });
  }
  await call('auth.changePassword', { current: OPERATOR.first, next: OPERATOR.password });
}

/** A small scanned page; noise, so that every page is a different file. */
const page = () => sharp({ create: { width: 96, height: 128, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();

/** The scans the case still lacks (a kill may have come between two). */
async function scan(caseId: number) {
  const have = await call<{ scans: { documentId: string }[]; locked: boolean }>('scans.list', { caseId });
  if (have.locked) return;
  for (const documentId of SCANNED) {
    if (have.scans.some((s) => s.documentId === documentId)) continue;
    await call('scans.add', { caseId, documentId, source: 'scanner', content: new Uint8Array(await page()) });
  }
}

/** The counter part of a case, from wherever a kill (or an answer arriving meanwhile) left it. */
async function counterPart(caseId: number, c: number) {
  for (;;) {
    const v = await call<CaseView>('cases.get', { caseId });
    if (v.counterDone || v.status === 'refused') return;
    // The look-up of process 3 has not come back (a fault held it up): the operator waits for it.
    if (v.gatewayWaiting) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const step = { caseId, version: v.version };
    let result;
    if (v.step === 'start') result = await tries('cases.handOver', { ...step, documents: DOCUMENTS });
    else if (v.step === 'p2') result = await tries('cases.submitForm', { ...step, applicantIin: applicantOf(c), representative: null });
    else {
      await scan(caseId);
      const fresh = await call<CaseView>('cases.get', { caseId });
      const signed = await tries('signing.sign', { caseId, version: fresh.version, signer: trainingKey() });
      result = signed.ok ? await tries('cases.forward', { caseId, version: (await call<CaseView>('cases.get', { caseId })).version }) : signed;
    }
    // The look-up's answer may move the case between reading it and acting: read it again.
    if (!result.ok && result.error.code !== 'CASE_CHANGED') throw new Error(`case ${caseId} at ${v.step}: ${JSON.stringify(result.error)}`);
  }
}

interface Overview { window: { current: Ticket | null } | null; tickets: Ticket[] }

async function counterDay() {
  await call('queue.setWindow', { window: '1', groups: ['A'] });
  for (;;) {
    const o = await call<Overview>('queue.overview', {});
    const handled = o.tickets.filter((t) => t.state === 'done' || t.state === 'noShow').length;
    say(`PROGRESS ${handled}`);
    if (o.tickets.length < Math.min(plan.tickets, handled + AHEAD)) {
      await call('queue.issue', { group: 'A', priority: null }, 'kiosk');
      continue;
    }
    const current = o.window?.current;
    if (current) {
      const i = ticketIndex(current.number);
      const ref = { ticketId: current.id, version: current.version };
      if (plan.fate(i) !== 'case') await call('queue.noShow', ref);
      else if (current.state === 'called') await call('queue.startService', { ...ref, regulationId: 's1-aktobe-285', documentLocale: 'kk' });
      else {
        await counterPart(current.caseId!, plan.caseIndex(i));
        await call('queue.finish', ref);
      }
      continue;
    }
    if (handled >= plan.tickets - plan.unserved) return o.tickets;
    const next = await call<Ticket>('queue.callNext', {});
    if (ticketIndex(next.number) !== handled) throw new Error(`called ${next.number} with ${handled} handled: not first come, first served`);
  }
}

/** Every case at the end of its flow: the result ready, or the refusal recorded. */
async function drained(caseIds: number[]) {
  for (;;) {
    const views = await Promise.all(caseIds.map((caseId) => call<CaseView>('cases.get', { caseId })));
    if (views.every((v) => v.step === 'p8' || v.step === 'endedWithRefusal')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  await signIn();
  say('SIGNED_IN');
  const tickets = await counterDay();
  say('ACCEPTED');
  await drained(tickets.flatMap((t) => (t.caseId ? [t.caseId] : [])));
  const closed = await call<{ unserved: number }>('queue.closeDay', {}, 'admin');
  const stats = await call<{ total: Record<string, number> }>('queue.stats', {}, 'admin');
  const audit = await call('audit.verify', {}, 'admin');
  say(`RESULT ${JSON.stringify({ closed, queue: stats.total, audit })}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak core: ${(err as Error).stack}\n`);
  process.exit(2);
});
