/**
 * The supervisor's report over the whole branch. Two workstations of one branch, cut off from it,
 * each serve walk-ins from their own fallback queue and take cases — norms breached, refusals,
 * surveys. While cut off, each counter's report is its own (scope 'counter'). Once they have
 * reported to the branch, the report at either counter is the branch's (scope 'branch'): the sum of
 * the two, every figure exact; the drill-down lists the other workstation's case without an id to
 * open; a survey answered after its case was reported reaches the branch too; and a sync sent
 * again counts nothing twice.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BranchClient } from '../../src/core/branch/branchClient';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { databasePath } from '../../src/core/workstation';
import type { Report } from '../../src/shared/reports/report';
import { startTestBranch, type TestBranch } from '../support/branch';
import { OPERATOR, openCounter } from '../support/counter';
import { makeIin } from '../support/iins';
import { startLinkProxy, type LinkProxy } from '../support/linkProxy';
import { postgresAvailable } from '../support/postgres';
import { signRequest } from '../support/signing';
import { S1_DOCUMENTS, until } from '../support/simulatedCounter';
import { ADMIN, type TestCore } from '../support/workstation';

const ACT = 's1-aktobe-285';
/** The test clock's day: Thursday 15 January 2026, 14:00 in Aktobe. */
const DAY = '2026-01-15';
const QUERY = { period: 'day' as const, from: DAY, to: DAY };
const PERSON = TRAINING_PEOPLE[0]!.iin;
const UNKNOWN = makeIin('010203', '5', 4321);

interface Counter {
  core: TestCore;
  proxy: LinkProxy;
  /** The counter's client (where its operator is logged in). */
  at: string;
}

describe.skipIf(!postgresAvailable)("the supervisor's report over the whole branch", () => {
  let branch: TestBranch;
  let w1: Counter;
  let w2: Counter;
  let tick: NodeJS.Timeout;
  const own: Report[] = [];
  let caseD: { id: number; number: string };
  let caseA: { id: number; number: string };
  let caseE: { id: number; number: string };

  const join = async (c: Counter, device: string, window: string) => {
    await c.core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, 'admin');
    await c.core.call(
      'branch.enroll',
      { enrollUrl: `https://127.0.0.1:${branch.server.enrollPort}`, apiUrl: c.proxy.url, caPem: branch.server.caPem, code: await branch.server.makeEnrollmentCode(device, 'workstation') },
      'admin',
    );
    await until(async () => (await c.core.call('branch.status', {})).state === 'online', `${device} is online`);
    await c.core.call('queue.setWindow', { window, groups: ['A'] }, c.at);
  };

  beforeAll(async () => {
    branch = await startTestBranch('REP-01');
    // The same operator works at both counters (the branch's directory shares the account), the
    // training key's holder; the supervisor's session stays open while the clock is moved on.
    const open = async (at: string): Promise<Counter> => ({
      core: await openCounter({ running: true, branchTimeoutMs: 800, idleLockSeconds: 24 * 3600 }),
      proxy: await startLinkProxy({ host: '127.0.0.1', port: branch.server.port }),
      at,
    });
    [w1, w2] = await Promise.all([open('counter-1'), open('counter-1')]);
    tick = setInterval(() => [w1, w2].forEach((c) => c.core.ws.sweep()), 100);
    await join(w1, 'W-01', '1');
    await join(w2, 'W-02', '2');
  }, 60_000);

  afterAll(async () => {
    clearInterval(tick);
    for (const c of [w1, w2]) {
      c?.core.dispose();
      await c?.proxy.close();
    }
    await branch?.close();
  });

  /** A case from its hand-over to the result issued. */
  const toResult = async (c: Counter, caseId: number, version: number, beforeHandOverMs = 0) => {
    c.core.clock.advance(beforeHandOverMs);
    let v = await c.core.call('cases.handOver', { caseId, version, documents: S1_DOCUMENTS }, c.at);
    v = await c.core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON, representative: null }, c.at);
    await signRequest(c.core, v.id, c.at);
    v = await c.core.call('cases.forward', { caseId: v.id, version: v.version }, c.at);
    v = await c.core.call('cases.issue', { caseId: v.id, version: v.version }, c.at);
    expect(v.status).toBe('issued');
    return v;
  };

  /** The next walk-in served with a case; the ticket finished when `walk` has taken the case where it goes. */
  const serve = async (c: Counter, walk: (caseId: number, version: number) => Promise<{ id: number; number: string }>) => {
    const t = await c.core.call('queue.callNext', {}, c.at);
    expect(t.number).toMatch(/^A\d-\d{3}$/);
    const started = await c.core.call('queue.startService', { ticketId: t.id, version: t.version, regulationId: ACT, documentLocale: 'kk' }, c.at);
    const k = await walk(started.case.id, started.case.version);
    await c.core.call('queue.finish', { ticketId: t.id, version: started.ticket.version }, c.at);
    return k;
  };

  const noShow = async (c: Counter) => {
    const t = await c.core.call('queue.callNext', {}, c.at);
    await c.core.call('queue.noShow', { ticketId: t.id, version: t.version }, c.at);
  };

  it("while cut off, each counter's report is its own", async () => {
    w1.proxy.block();
    w2.proxy.block();
    // The first walk-in at each finds the link cut and is numbered at the workstation.
    expect((await w1.core.call('queue.issue', { group: 'A', priority: null }, w1.at)).ticket.number).toBe('A1-001');
    expect((await w2.core.call('queue.issue', { group: 'A', priority: null }, w2.at)).ticket.number).toBe('A2-001');
    for (let i = 0; i < 2; i++) await w1.core.call('queue.issue', { group: 'A', priority: null }, w1.at);
    await w2.core.call('queue.issue', { group: 'A', priority: null }, w2.at);

    // W-01: a result issued with process 2 past its 2-minute norm, surveyed; a refusal (the
    // applicant unknown to ЖТ МДҚ, process 4), surveyed; a walk-in who did not come.
    caseA = await serve(w1, async (caseId, version) => {
      let v = await w1.core.call('cases.handOver', { caseId, version, documents: S1_DOCUMENTS }, w1.at);
      w1.core.clock.advance(5 * 60_000);
      v = await w1.core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON, representative: null }, w1.at);
      await signRequest(w1.core, v.id, w1.at);
      v = await w1.core.call('cases.forward', { caseId: v.id, version: v.version }, w1.at);
      v = await w1.core.call('cases.issue', { caseId: v.id, version: v.version }, w1.at);
      return w1.core.call('cases.survey', { caseId: v.id, processQuality: 3, informationQuality: 3 }, w1.at);
    });
    await serve(w1, async (caseId, version) => {
      let v = await w1.core.call('cases.handOver', { caseId, version, documents: S1_DOCUMENTS }, w1.at);
      v = await w1.core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: UNKNOWN, representative: null }, w1.at);
      expect(v).toMatchObject({ status: 'refused', step: 'endedWithRefusal' });
      return w1.core.call('cases.survey', { caseId: v.id, processQuality: 1, informationQuality: 2 }, w1.at);
    });
    await noShow(w1);

    // W-02: a refusal for a missing document (process 7, with its reason), surveyed later; a
    // walk-in who did not come; a case without a ticket, its hand-over past its norm, to the result.
    caseD = await serve(w2, async (caseId, version) => {
      let v = await w2.core.call('cases.handOver', { caseId, version, documents: S1_DOCUMENTS.filter((d) => d !== 'pmpkConclusion') }, w2.at);
      v = await w2.core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON, representative: null }, w2.at);
      await signRequest(w2.core, v.id, w2.at);
      v = await w2.core.call('cases.forward', { caseId: v.id, version: v.version }, w2.at);
      expect(v).toMatchObject({ status: 'refused', step: 'endedWithRefusal' });
      return v;
    });
    await noShow(w2);
    const e = await w2.core.call('cases.start', { regulationId: ACT, documentLocale: 'ru' }, w2.at);
    caseE = await toResult(w2, e.id, e.version, 3 * 60_000);

    for (const c of [w1, w2]) {
      expect((await c.core.call('branch.status', {})).state).toBe('offline');
      const report = await c.core.call('reports.get', QUERY, 'admin');
      expect(report.scope).toBe('counter');
      own.push(report);
    }
    expect(own[0]!.cases.total).toBe(2);
    expect(own[0]!.queue.total).toMatchObject({ issued: 3, served: 2, noShow: 1 });
    expect(own[1]!.cases.total).toBe(2);
    expect(own[1]!.queue.total).toMatchObject({ issued: 2, served: 1, noShow: 1 });
    expect(own[0]!.breachesTotal + own[1]!.breachesTotal).toBe(2);
  }, 60_000);

  it("once both have reported, either counter reads the branch's figures: the sum of the two", async () => {
    w1.proxy.unblock();
    w2.proxy.unblock();
    await Promise.all([w1, w2].map((c) => synced(c.core)));
    // A survey answered after its case reached the branch: the case itself did not change.
    await w2.core.call('cases.survey', { caseId: caseD.id, processQuality: 3, informationQuality: 2 }, w2.at);
    await synced(w2.core);

    const at1 = await w1.core.call('reports.get', QUERY, 'admin');
    const at2 = await w2.core.call('reports.get', QUERY, 'admin');
    expect(at1.scope).toBe('branch');
    // The same figures at either counter; only the breaches' case numbers differ: each workstation
    // numbers its own cases (W-01's and W-02's first case of the day are both A-20260115-0001), so
    // the other one's are shown under its name.
    const figures = ({ generatedAt: _g, breaches: _b, ...rest }: Report) => rest;
    expect(figures(at2)).toEqual(figures(at1));
    expect(at1.breaches.map((b) => b.caseNumber).sort()).toEqual([caseA.number, `W-02/${caseE.number}`].sort());
    expect(at2.breaches.map((b) => b.caseNumber).sort()).toEqual([`W-01/${caseA.number}`, caseE.number].sort());

    expect(at1.cases).toEqual({ total: 4, byStatus: { inProgress: 0, waitingTarget: 0, refused: 2, resultReady: 0, issued: 2 } });
    expect(at1.cases.total).toBe(own[0]!.cases.total + own[1]!.cases.total);
    expect(at1.refusals.total).toBe(2);
    expect(at1.refusals.byAct).toEqual([{ regulationId: ACT, count: 2 }]);
    // The refusal from the state databases has the notice's words for its reason, as at the counter.
    expect(Object.fromEntries(at1.refusals.byReason.map((r) => [r.reason.ru, r.count]))).toEqual({
      'Неполный пакет документов по пункту 9 Стандарта: Заключение психолого-медико-педагогической консультации': 1,
      'Сведения невозможно получить: данные услугополучателя отсутствуют в государственной базе данных «Физические лица» (ГБД ФЛ).': 1,
    });

    // Three surveys: two at W-01 while cut off, one at W-02 after its case was reported.
    expect(at1.survey.answered).toBe(3);
    const answers = Object.fromEntries(at1.survey.questions.map((q) => [q.question, Object.fromEntries(q.answers.map((a) => [a.value, a.count]))]));
    expect(answers).toEqual({ processQuality: { 1: 1, 2: 0, 3: 2 }, informationQuality: { 1: 0, 2: 2, 3: 1 } });

    // The two breaches, one at each workstation, each with its case and operator.
    expect(at1.breachesTotal).toBe(2);
    expect(at1.breaches.map((b) => [b.step, b.operator]).sort()).toEqual([['p2', 'operator1'], ['start', 'operator1']]);
    expect(at1.breachesTotal).toBe(own[0]!.breachesTotal + own[1]!.breachesTotal);
    const p2 = at1.norms.find((n) => n.regulationId === ACT && n.step === 'p2')!;
    expect(p2).toMatchObject({ norm: { max: 2, unit: 'minutes' }, count: 4, breaches: 1 });

    expect(at1.queue.total).toMatchObject({ issued: 5, served: 3, noShow: 2, unserved: 0 });
    for (const key of ['issued', 'served', 'noShow'] as const) expect(at1.queue.total[key]).toBe(own[0]!.queue.total[key] + own[1]!.queue.total[key]);
    expect(at1.byOperator).toEqual([{ operator: 'operator1', cases: 4, refused: 2, breaches: 2 }]);
    expect(at1.byService).toEqual([{ regulationId: ACT, cases: 4, refused: 2, issued: 2, breaches: 2 }]);
  }, 60_000);

  it("drills down to the cases behind a figure: the other workstation's without an id to open", async () => {
    const atW1 = await w1.core.call('reports.cases', { query: QUERY, drill: { figure: 'status', status: 'refused' } }, 'admin');
    expect(atW1.cases).toHaveLength(2);
    const mine = atW1.cases.find((k) => !k.number.includes('/'))!;
    const theirs = atW1.cases.find((k) => k.number.startsWith('W-02/'))!;
    expect(mine.caseId).not.toBeNull();
    expect((await w1.core.call('cases.get', { caseId: mine.caseId! }, w1.at)).number).toBe(mine.number);
    expect(theirs).toMatchObject({ caseId: null, number: `W-02/${caseD.number}`, status: 'refused' });
    // At W-02 it is the other way round.
    const atW2 = await w2.core.call('reports.cases', { query: QUERY, drill: { figure: 'status', status: 'refused' } }, 'admin');
    expect(atW2.cases.find((k) => k.number === caseD.number)!.caseId).toBe(caseD.id);
    expect(atW2.cases.find((k) => k.number === `W-01/${mine.number}`)!.caseId).toBeNull();
  });

  it('a sync sent again counts nothing twice', async () => {
    const before = await w1.core.call('reports.get', QUERY, 'admin');
    const rows = async () =>
      (await branch.server.pool.query<{ n: number }>('SELECT ((SELECT count(*) FROM cases) + (SELECT count(*) FROM case_steps) + (SELECT count(*) FROM case_surveys) + (SELECT count(*) FROM tickets))::int AS n')).rows[0]!.n;
    const stored = await rows();
    for (const c of [w1, w2]) markAllUnsent(c.core);
    expect((await w1.core.call('branch.status', {})).pending.cases).toBe(2);
    await Promise.all([w1, w2].map((c) => synced(c.core)));
    expect(await rows()).toBe(stored);
    const after = await w1.core.call('reports.get', QUERY, 'admin');
    expect({ ...after, generatedAt: before.generatedAt }).toEqual(before);
  });

  it('keeps the newest steps of a case, and takes a case without steps from an older workstation', async () => {
    // W-09 speaks the first contract version, which the server still serves.
    const older = new BranchClient(await branch.enroll('W-09'), { contractVersion: 1 });
    const step = (name: string, minutes: number) => ({
      step: name, operatorLogin: 'operator9', startedAt: `${DAY}T09:00:00.000Z`, endedAt: `${DAY}T09:${String(minutes).padStart(2, '0')}:00.000Z`,
      normDueAt: `${DAY}T09:02:00.000Z`, breached: minutes > 2, norm: { max: 2, unit: 'minutes' as const },
    });
    const registryCase = (version: number, steps?: ReturnType<typeof step>[]) => ({
      localId: 1, version, number: 'A-20260115-0901', regulationId: ACT, status: 'inProgress' as const, step: 'p2', outcome: null,
      refusalReason: null, registrationNumber: null, operatorLogin: 'operator9', window: '9', training: false,
      createdAt: `${DAY}T09:00:00.000Z`, updatedAt: `${DAY}T09:05:00.000Z`, applicant: null, ...(steps ? { group: 'A', steps } : {}),
    });
    const stepsStored = async () =>
      (await branch.server.pool.query<{ step: string }>("SELECT s.step FROM case_steps s JOIN devices d ON d.id = s.device_id WHERE d.name = 'W-09' ORDER BY s.ord")).rows.map((r) => r.step);
    await older.call('reconcile', { tickets: [], cases: [registryCase(3, [step('start', 1), step('p1', 5)])], audit: [] });
    // Version 2 arrives late (a retry of an earlier batch): the steps of version 3 stay.
    await older.call('reconcile', { tickets: [], cases: [registryCase(2, [step('start', 1)])], audit: [] });
    expect(await stepsStored()).toEqual(['start', 'p1']);
    // A case without steps, survey or group (as a version-1 workstation sends it) is stored; the steps stored stay.
    expect((await older.call('reconcile', { tickets: [], cases: [registryCase(4)], audit: [] })).cases).toBe(1);
    expect(await stepsStored()).toEqual(['start', 'p1']);
    // The day is the branch's, UTC+5 as the counters count it: 19:30 UTC on the 14th is 00:30 on
    // the 15th, 19:00 UTC on the 15th is midnight of the 16th.
    const atUtc = (localId: number, createdAt: string) => ({ ...registryCase(0), localId, number: `A-X-${localId}`, createdAt, updatedAt: createdAt });
    await older.call('reconcile', { tickets: [], cases: [atUtc(2, '2026-01-14T19:30:00.000Z'), atUtc(3, '2026-01-15T19:00:00.000Z'), atUtc(4, '2026-01-14T18:59:59.999Z')], audit: [] });
    const report = await w1.core.call('reports.get', { ...QUERY, operator: 'operator9' }, 'admin');
    expect(report).toMatchObject({ scope: 'branch', cases: { total: 2 }, breachesTotal: 1 });
    expect((await w1.core.call('reports.cases', { query: { ...QUERY, operator: 'operator9' }, drill: { figure: 'operator', operator: 'operator9' } }, 'admin')).cases.map((k) => k.number)).toEqual([
      'W-09/A-X-2',
      'W-09/A-20260115-0901',
    ]);
    expect(report.breaches[0]).toMatchObject({ caseNumber: 'W-09/A-20260115-0901', step: 'p1', overSeconds: 180 });
    older.close();
  });

  it("names the operators by the full names in the branch's directory, a login it does not hold by the login alone", async () => {
    const report = await w1.core.call('reports.get', QUERY, 'admin');
    expect(report.scope).toBe('branch');
    // operator1 worked at both counters; operator9 (W-09's, above) has cases but no account in the directory.
    expect(report.byOperator.map((o) => o.operator)).toEqual(['operator1', 'operator9']);
    expect(report.operators).toEqual({ operator1: OPERATOR.fullName });
    // The directory seals the name: it is opened for the report, not read in clear.
    const stored = await branch.server.pool.query<{ full_name_enc: Buffer }>("SELECT full_name_enc FROM operators WHERE login = 'operator1'");
    expect(stored.rows[0]!.full_name_enc.includes(Buffer.from(OPERATOR.fullName))).toBe(false);
    expect((await w2.core.call('reports.get', { ...QUERY, operator: 'operator9' }, 'admin')).operators).toEqual({});
  });

  it("with the link cut, a counter's report is its own again", async () => {
    w1.proxy.block();
    await until(async () => {
      await w1.core.call('queue.issue', { group: 'A', priority: null }, w1.at);
      return (await w1.core.call('branch.status', {})).state === 'offline';
    }, 'W-01 is cut off');
    const report = await w1.core.call('reports.get', QUERY, 'admin');
    expect(report.scope).toBe('counter');
    expect(report.cases.total).toBe(2);
    w1.proxy.unblock();
  });
});

async function synced(core: TestCore) {
  await until(async () => {
    const s = await core.call('branch.status', {});
    return s.state === 'online' && s.pending.tickets + s.pending.cases + s.pending.audit === 0;
  }, 'the workstation has reported everything', 30_000);
}

/** Every case and ticket marked unsent again, as if the workstation died before the branch's acknowledgement. */
function markAllUnsent(core: TestCore) {
  const db = new Database(databasePath(core.dataDir));
  try {
    db.transaction(() => {
      db.prepare("INSERT OR REPLACE INTO branch_pending (kind, ref, seq) SELECT 'ticket', id, version FROM tickets").run();
      db.prepare("INSERT OR REPLACE INTO branch_pending (kind, ref, seq) SELECT 'case', id, version FROM cases").run();
    })();
  } finally {
    db.close();
  }
}
