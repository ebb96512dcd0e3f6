/**
 * The process the crash test kills: the workstation core, opened on a data folder, with the
 * simulator as its gateway. It completes the counter part of its share of cases (continuing any
 * a kill interrupted, as an operator would after a restart) and then just drains the outbox.
 * It prints READY once the core is open (the sender is draining) and SIGNED_IN once the operator
 * is logged in (accepting cases).
 */
import { randomBytes } from 'node:crypto';
import { openWorkstation } from '../../src/core/workstation';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import type { CaseView } from '../../src/shared/cases';
import { makeIin } from '../support/iins';
import { trainingKey } from '../support/signing';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const total = Number(env('CRASH_CASES'));
const DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];
const living = TRAINING_PEOPLE.filter((p) => !p.deceased);
/** Every tenth applicant is in no register: their case ends in the process-4 refusal. */
export const applicantOf = (i: number) => (i % 10 === 9 ? makeIin('010203', '1', 100 + i) : living[i % living.length]!.iin);

const ws = openWorkstation(
  {
    dataDir: env('CRASH_DATA_DIR'),
    masterKey: Buffer.from(env('CRASH_KEY'), 'hex'),
    resourcesDir: env('CRASH_RESOURCES'),
    gatewayConnection: { endpoint: env('CRASH_GATEWAY'), senderId: 'AZHO-CRASH', password: 'crash-sender', caPem: null, pollIntervalSeconds: 1 },
    trustDir: env('CRASH_RESOURCES') + '/training-pki',
    // The calls return at once: enqueueing and draining overlap, as at a busy counter.
    outbox: { concurrency: 8, backoff: { baseMs: 20, capMs: 200, floorMs: 5 }, settleMs: 0 },
  },
  () => {},
);
process.stdout.write('READY\n');
setInterval(() => ws.maintain(), 300);

async function call<T>(name: string, input: unknown, client = 'crash-counter'): Promise<T> {
  const result = await ws.dispatch(name as never, input, client);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const OPERATOR = { login: 'crash-operator', first: 'Crash-temporary-2026', password: 'Crash-operator-2026' };

async function signIn() {
  const status = await call<{ firstRun: boolean }>('app.status', {});
  if (status.firstRun) {
    await call('setup.createAdmin', { login: 'admin', fullName: 'Әкімші Сынақ', iin: makeIin('850315', '4', 12), password: randomBytes(12).toString('hex') }, 'admin');
    await call('operators.create', { login: OPERATOR.login, fullName: 'Оператор Сынақ', iin: makeIin('880512', '3', 77), role: 'operator', password: OPERATOR.first }, 'admin');
  }
  // A new account changes its first password; a kill may have come before or after that.
  const login = await ws.dispatch('auth.login', { login: OPERATOR.login, password: OPERATOR.password }, 'crash-counter');
  if (login.ok) return;
  await call('auth.login', { login: OPERATOR.login, password: OPERATOR.first });
  await call('auth.changePassword', { current: OPERATOR.first, next: OPERATOR.password });
}

/** The counter part of case `caseId`, from wherever a kill (or an answer arriving meanwhile) left it. */
async function counterPart(caseId: number, i: number) {
  for (;;) {
    const v = await call<CaseView>('cases.get', { caseId });
    if (v.counterDone || v.status === 'refused') return;
    const step = { caseId, version: v.version };
    const result =
      v.step === 'start' ? await ws.dispatch('cases.handOver', { ...step, documents: DOCUMENTS }, 'crash-counter')
      : v.step === 'p2' ? await ws.dispatch('cases.submitForm', { ...step, applicantIin: applicantOf(i), representative: null }, 'crash-counter')
      : (await sign(caseId)) ?? (await ws.dispatch('cases.forward', step, 'crash-counter'));
    // The look-up's answer may move the case between reading it and acting: read it again.
    if (!result.ok && result.error.code !== 'CASE_CHANGED') throw new Error(`case ${caseId} at ${v.step}: ${JSON.stringify(result.error)}`);
  }
}

/** Signs the request with the operator's training key; a failure is returned like a call's. */
async function sign(caseId: number) {
  const v = await call<CaseView>('cases.get', { caseId });
  const signed = await ws.dispatch('signing.sign', { caseId, version: v.version, signer: trainingKey() }, 'crash-counter');
  return signed.ok ? undefined : signed;
}

async function main() {
  await signIn();
  process.stdout.write('SIGNED_IN\n');
  // Case ids are 1..total in the order they were opened.
  for (let i = 0; i < total; i++) {
    const existing = await ws.dispatch('cases.get', { caseId: i + 1 }, 'crash-counter');
    if (!existing.ok) await call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' });
    await counterPart(i + 1, i);
  }
  process.stdout.write('ACCEPTED\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`crash core: ${(err as Error).stack}\n`);
  process.exit(2);
});
