import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, S1_DOCUMENTS } from '../../../test/support/counter';
import { makeIin } from '../../../test/support/iins';
import { SwitchableGateway } from '../../../test/support/switchableGateway';
import type { TestCore } from '../../../test/support/workstation';
import type { CaseView } from '../../shared/cases';
import { TRAINING_PEOPLE } from '../gateway/trainingGateway';
import { signRequest } from '../../../test/support/signing';

let core: TestCore;
afterEach(() => core?.dispose());

const PERSON = TRAINING_PEOPLE[0]!;
// Quick backoff: the manual clock is moved by the tests, the timers are real but short.
const QUICK = { backoff: { baseMs: 50, capMs: 400, floorMs: 10 }, settleMs: 2000 };

async function counterWith(gateway: SwitchableGateway) {
  core = await openCounter({ gateway, outbox: QUICK });
  return core;
}

async function acceptedForm(applicantIin = PERSON.iin): Promise<CaseView> {
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: S1_DOCUMENTS }, 'counter-1');
  return core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin, representative: null }, 'counter-1');
}

/** Moves the manual clock on until `done` holds: the sender's backoff timers fire in real time. */
async function until(done: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (await done()) return;
    core.clock.advance(500);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const get = (id: number) => core.call('cases.get', { caseId: id }, 'counter-1');

describe('online: the operator sees the answers, not the outbox', () => {
  it('process 3, condition 1 and the forward come back within the call, each request one outbox message', async () => {
    const gateway = new SwitchableGateway();
    await counterWith(gateway);
    let v = await acceptedForm();
    expect(v).toMatchObject({ step: 'p5', gatewayWaiting: false, applicant: { fullName: 'Сәрсенов Ерлан Қайратұлы' } });
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'p8', status: 'resultReady', counterDone: true });
    expect(v.outbox.map((m) => [m.kind, m.state, m.attempts])).toEqual([['person', 'done', 1], ['submit', 'done', 1], ['status', 'done', 1]]);
    // The case number travels as the correlation id; each message has its own id.
    expect(new Set(gateway.calls.map((c) => c.correlationId))).toEqual(new Set([v.number]));
    expect(new Set(gateway.calls.map((c) => c.messageId)).size).toBe(3);
    const receipt = await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1');
    expect(receipt.pending).toBe(false);
    expect(receipt.fields).toContainEqual({ label: expect.any(String), value: v.registrationNumber });
  });
});

describe('offline acceptance', () => {
  it('accepts with the link down, gives a pending receipt, and runs process 3 → condition 1 → process 5 when it returns', async () => {
    const gateway = new SwitchableGateway();
    gateway.mode = 'down';
    await counterWith(gateway);
    let v = await acceptedForm();
    expect(v).toMatchObject({ step: 'p3', gatewayWaiting: true });
    expect(v.outbox).toEqual([expect.objectContaining({ kind: 'person', state: 'pending', attempts: 1, lastFailure: 'unreachable' })]);

    // The counter part, done ahead: signed, receipt given, the applicant may leave.
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'p3', counterDone: true });
    const pendingReceipt = await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1');
    expect(pendingReceipt.pending).toBe(true);
    expect((await core.fail('cases.forward', { caseId: v.id, version: v.version }, 'counter-1')).code).toBe('ALREADY_DONE');

    // While down, the sender keeps trying, further apart each time.
    await until(async () => (await get(v.id)).outbox[0]!.attempts >= 4, 'four attempts');
    expect((await core.call('gateway.status', {}, 'counter-1')).link).toBe('offline');
    const tried = gateway.calls.length;

    gateway.mode = 'up';
    await until(async () => (await get(v.id)).step === 'p8', 'the case to reach process 8');
    v = await get(v.id);
    expect(v.steps.map((s) => s.step)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8']);
    expect(gateway.calls.slice(tried).map((c) => c.kind)).toEqual(['person', 'submit', 'status']);
    const receipt = await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1');
    expect(receipt).toMatchObject({ pending: false });
    // Numbered hours later, the receipt still says when the documents were accepted.
    expect(receipt.createdAt).toBe(pendingReceipt.createdAt);
    expect((await core.call('cases.toIssue', {}, 'counter-1')).cases.map((c) => c.id)).toEqual([v.id]);
    expect((await core.call('gateway.status', {}, 'counter-1')).link).toBe('degraded');
    core.clock.advance(121_000);
    core.ws.maintain();
    expect((await core.call('gateway.status', {}, 'counter-1')).link).toBe('online');
    expect(core.events.some((e) => e.event.name === 'cases.changed')).toBe(true);
  });

  it('a person missing from ЖТ МДҚ, found out after the applicant left, gives the process-4 notice to collect', async () => {
    const gateway = new SwitchableGateway();
    gateway.mode = 'down';
    await counterWith(gateway);
    let v = await acceptedForm(makeIin('010203', '5', 4321));
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    gateway.mode = 'up';
    await core.call('cases.refresh', { caseId: v.id }, 'counter-1');
    await until(async () => (await get(v.id)).status === 'refused', 'the refusal');
    v = await get(v.id);
    expect(v).toMatchObject({ step: 'endedWithRefusal', awaitingCollection: true });
    expect(v.outbox.map((m) => m.kind)).toEqual(['person']);
    expect(gateway.calls.filter((c) => c.kind === 'submit')).toHaveLength(0);
    expect((await core.call('cases.toIssue', {}, 'counter-1')).cases).toEqual([expect.objectContaining({ id: v.id, awaitingCollection: true })]);
    v = await core.call('cases.handOverRefusal', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v.awaitingCollection).toBe(false);
    expect((await core.call('cases.toIssue', {}, 'counter-1')).cases).toEqual([]);
    expect((await core.fail('cases.handOverRefusal', { caseId: v.id, version: v.version }, 'counter-1')).code).toBe('ALREADY_DONE');
    expect(core.auditActions()).toContain('cases.refusalCollected');
  });
});

describe('the sender', () => {
  it('stops a case at a final error until the operator retries; other cases go on', async () => {
    const gateway = new SwitchableGateway();
    await counterWith(gateway);
    gateway.mode = 'reject';
    const blocked = await acceptedForm();
    expect(blocked.outbox).toEqual([expect.objectContaining({ state: 'failed', lastFailure: 'rejected', lastCode: 'BSNS400', attempts: 1 })]);
    gateway.mode = 'up';
    const other = await acceptedForm(TRAINING_PEOPLE[1]!.iin);
    expect(other.step).toBe('p5');
    core.clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 50));
    expect((await get(blocked.id)).outbox[0]!.state).toBe('failed');
    const backlog = await core.call('gateway.backlog', {}, 'counter-1');
    expect(backlog.cases).toEqual([expect.objectContaining({ caseId: blocked.id, messages: [expect.objectContaining({ state: 'failed' })] })]);

    await core.call('gateway.retry', { messageId: blocked.outbox[0]!.messageId }, 'counter-1');
    await until(async () => (await get(blocked.id)).step === 'p5', 'the retried case to move on');
    expect(core.auditActions()).toContain('gateway.retried');
    expect((await core.fail('gateway.retry', { messageId: blocked.outbox[0]!.messageId }, 'counter-1')).code).toBe('NOT_FOUND');
  });

  it('sends side by side across cases, never more than its bound, and in order within a case', async () => {
    const gateway = new SwitchableGateway();
    gateway.delayMs = 30;
    core = await openCounter({ gateway, outbox: { ...QUICK, concurrency: 3, settleMs: 0 } });
    const cases: CaseView[] = [];
    for (let i = 0; i < 8; i++) cases.push(await acceptedForm());
    await until(async () => (await Promise.all(cases.map((c) => get(c.id)))).every((c) => c.step === 'p5'), 'all at process 5');
    expect(gateway.maxInFlight).toBeGreaterThan(1);
    expect(gateway.maxInFlight).toBeLessThanOrEqual(3);
    for (const c of cases) {
      const v = await get(c.id);
      await signRequest(core, v.id);
      await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    }
    await until(async () => (await Promise.all(cases.map((c) => get(c.id)))).every((c) => c.step === 'p8'), 'all at process 8');
    for (const c of cases) {
      const v = await get(c.id);
      const order = gateway.calls.filter((x) => x.correlationId === v.number).map((x) => x.kind);
      expect(order).toEqual(['person', 'submit', 'status']);
    }
  });

  it('asks the target system again, once per poll interval, until it decides', async () => {
    const gateway = new SwitchableGateway();
    gateway.decided = false;
    await counterWith(gateway);
    let v = await acceptedForm();
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'c2', status: 'waitingTarget' });
    const asked = () => gateway.calls.filter((c) => c.kind === 'status').length;
    expect(asked()).toBe(1);
    core.ws.maintain(); // within the interval: not asked again
    core.clock.advance(61_000);
    core.ws.maintain();
    await until(() => asked() === 2, 'a second status look-up');
    gateway.decided = true;
    core.clock.advance(61_000);
    core.ws.maintain();
    await until(async () => (await get(v.id)).step === 'p8', 'the decision applied');
    expect(asked()).toBe(3);
  });

  it('picks up where it stood after a restart: the open message goes again under the same id', async () => {
    const gateway = new SwitchableGateway();
    gateway.mode = 'down';
    await counterWith(gateway);
    const v = await acceptedForm();
    const messageId = v.outbox[0]!.messageId;
    core.reopen();
    gateway.mode = 'up';
    await core.call('auth.login', { login: 'operator1', password: 'Оператор-құпиясөзі-2026' }, 'counter-1');
    await until(async () => (await get(v.id)).step === 'p5', 'the case to move on after the restart');
    const sent = gateway.calls.filter((c) => c.kind === 'person').map((c) => c.messageId);
    expect(new Set(sent)).toEqual(new Set([messageId]));
  });
});
