import { afterEach, describe, expect, it } from 'vitest';
import { makeIin } from '../../../test/support/iins';
import { openCounter } from '../../../test/support/counter';
import type { TestCore } from '../../../test/support/workstation';
import type { CaseView } from '../../shared/cases';
import { TRAINING_PEOPLE, TRAINING_POWERS_OF_ATTORNEY } from '../gateway/trainingGateway';
import { signRequest } from '../../../test/support/signing';

let core: TestCore;
afterEach(() => core?.dispose());

const ALL_S1_DOCUMENTS = ['application', 'applicantIdentity', 'childBirthCertificate', 'disabilityCertificate', 'pmpkConclusion', 'homeSchoolingCertificate'];
const PERSON = TRAINING_PEOPLE[0]!;
const stepsWalked = (v: CaseView) => v.steps.map((s) => s.step);

async function s1Case(documents = ALL_S1_DOCUMENTS, locale: 'kk' | 'ru' = 'kk') {
  let v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: locale }, 'counter-1');
  expect(v.step).toBe('start');
  v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents }, 'counter-1');
  // Process 1 is done by the operator's own login: the case waits at process 2, the request form.
  expect(v.step).toBe('p2');
  return v;
}

describe('S1 Aktobe at the counter: every path of the act', () => {
  it('c1 yes, c2 yes: the result is issued through the operator, then the survey', async () => {
    core = await openCounter();
    let v = await s1Case();
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null }, 'counter-1');
    // Process 3 and condition 1 ran by themselves; the applicant's data came from ЖТ МДҚ.
    expect(v).toMatchObject({ step: 'p5', status: 'inProgress', applicant: { iin: PERSON.iin, fullName: 'Сәрсенов Ерлан Қайратұлы' } });
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'p8', status: 'resultReady', registrationNumber: expect.stringMatching(/^ЕС-\d{6}$/) });
    expect(v.documents.map((d) => d.kind)).toEqual(['receipt']);
    v = await core.call('cases.issue', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'endedWithResult', status: 'issued', outcome: 'result' });
    expect(stepsWalked(v)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8']);
    expect(v.steps.every((s) => s.endedAt !== null)).toBe(true);
    v = await core.call('cases.survey', { caseId: v.id, processQuality: 3, informationQuality: 2 }, 'counter-1');
    expect(v.survey).toEqual({ processQuality: 3, informationQuality: 2 });
    expect((await core.fail('cases.survey', { caseId: v.id, processQuality: 1, informationQuality: 1 }, 'counter-1')).code).toBe('ALREADY_DONE');

    const receipt = await core.call('cases.document', { caseId: v.id, kind: 'receipt' }, 'counter-1');
    expect(receipt.title).toBe('Құжаттарды қабылдау туралы қолхат');
    expect(receipt.fields).toEqual(expect.arrayContaining([
      { label: 'Өтініш нөмірі', value: v.number },
      // The test clock's day: the result date is 29 January 2026, written out as on paper.
      { label: 'Нәтиженің дайын болатын күні', value: '2026 жылғы 29 қаңтар' },
      { label: 'Оператор', value: 'Нұрлан Әбілұлы Сейітов' },
    ]));
    expect(receipt.list?.items).toHaveLength(ALL_S1_DOCUMENTS.length);
    expect((await core.call('cases.document', { caseId: v.id, kind: 'issuance' }, 'counter-1')).kind).toBe('issuance');
  });

  it('c1 no: the applicant is not in ЖТ МДҚ, and process 4 gives the notice that the data cannot be obtained', async () => {
    core = await openCounter();
    let v = await s1Case(ALL_S1_DOCUMENTS, 'ru');
    const absent = makeIin('010203', '5', 4321);
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: absent, representative: null }, 'counter-1');
    expect(v).toMatchObject({ step: 'endedWithRefusal', status: 'refused', outcome: 'refusal' });
    expect(stepsWalked(v)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p4']);
    const notice = await core.call('cases.document', { caseId: v.id, kind: 'refusalDataUnavailable' }, 'counter-1');
    expect(notice.title).toBe('Уведомление о невозможности получения сведений');
    expect(notice.paragraphs[0]).toContain('ГБД ФЛ');
    expect(notice.paragraphs.at(-1)).toContain('процесс 4');
  });

  it('c2 no: documents missing, the provider refuses in process 7 with the reason', async () => {
    core = await openCounter();
    let v = await s1Case(ALL_S1_DOCUMENTS.filter((d) => d !== 'pmpkConclusion'));
    expect(v.documentsMissing).toBe(true);
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null }, 'counter-1');
    await signRequest(core, v.id);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, 'counter-1');
    expect(v).toMatchObject({ step: 'endedWithRefusal', status: 'refused' });
    expect(stepsWalked(v)).toEqual(['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p7']);
    expect(v.refusalReason?.kk).toContain('Психологиялық-медициналық-педагогикалық консультацияның');
    expect(v.refusalReason?.ru).toBe('Неполный пакет документов по пункту 9 Стандарта: Заключение психолого-медико-педагогической консультации');
    const refusal = await core.call('cases.document', { caseId: v.id, kind: 'refusalDocuments' }, 'counter-1');
    expect(refusal.paragraphs.join(' ')).toContain('7-үдеріс');
  });
});

describe('a step out of order, or twice, leaves the case as it was', () => {
  it('refuses forwarding before the form, a stale version and a repeated hand-over', async () => {
    core = await openCounter();
    const v = await s1Case();
    const before = core.auditActions().length;
    expect((await core.fail('cases.forward', { caseId: v.id, version: v.version }, 'counter-1')).code).toBe('STEP_OUT_OF_ORDER');
    expect((await core.fail('cases.handOver', { caseId: v.id, version: v.version, documents: [] }, 'counter-1')).code).toBe('STEP_OUT_OF_ORDER');
    expect((await core.fail('cases.submitForm', { caseId: v.id, version: v.version - 1, applicantIin: PERSON.iin, representative: null }, 'counter-1')).code).toBe('CASE_CHANGED');
    expect(core.auditActions().length).toBe(before);
    const again = await core.call('cases.get', { caseId: v.id }, 'counter-1');
    expect({ step: again.step, version: again.version }).toEqual({ step: v.step, version: v.version });
  });

  it('takes the same form sent twice at once only once', async () => {
    core = await openCounter();
    const v = await s1Case();
    const input = { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null };
    const [a, b] = await Promise.all([
      core.ws.dispatch('cases.submitForm', input, 'counter-1'),
      core.ws.dispatch('cases.submitForm', input, 'counter-1'),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const failed = (a.ok ? b : a) as { ok: false; error: { code: string } };
    expect(failed.error.code).toBe('CASE_CHANGED');
  });

  it('rejects documents that are not on the act\'s list', async () => {
    core = await openCounter();
    const v = await core.call('cases.start', { regulationId: 's1-aktobe-285', documentLocale: 'kk' }, 'counter-1');
    expect(await core.fail('cases.handOver', { caseId: v.id, version: v.version, documents: ['passportOfSomeoneElse'] }, 'counter-1')).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'documents', reason: 'documents.unknown' }],
    });
  });
});

describe('the case survives a restart exactly where it stood', () => {
  it('resumes at process 5 after the workstation is closed and opened again', async () => {
    core = await openCounter();
    let v = await s1Case();
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null }, 'counter-1');
    core.reopen();
    await core.call('auth.login', { login: 'operator1', password: 'Оператор-құпиясөзі-2026' }, 'counter-1');
    const resumed = await core.call('cases.get', { caseId: v.id }, 'counter-1');
    expect(resumed).toEqual({ ...v, steps: resumed.steps });
    expect(stepsWalked(resumed)).toEqual(stepsWalked(v));
    await signRequest(core, v.id);
    const done = await core.call('cases.forward', { caseId: v.id, version: resumed.version }, 'counter-1');
    expect(done.step).toBe('p8');
  });
});

describe('norms and deadlines', () => {
  it('records a step that ran past its norm', async () => {
    core = await openCounter();
    let v = await s1Case();
    core.clock.advance(5 * 60_000); // process 2's norm is 2 minutes
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null }, 'counter-1');
    const p2 = v.steps.find((s) => s.step === 'p2')!;
    expect(p2.breached).toBe(true);
    expect(v.steps.find((s) => s.step === 'p3')!.breached).toBe(false);
  });

  it('states the expected result date from the provider flow\'s norms on the working calendar', async () => {
    core = await openCounter();
    // The test clock stands at Thursday 15 January 2026, 14:00 in Aktobe (09:00 UTC).
    const v = await s1Case();
    // 20 + 10 min, then ten working days (16, 19–23, 26–29 January), then 10 + 20 min.
    expect(v.expectedResultDate).toBe('2026-01-29');
  });
});

describe('a representative with a power of attorney', () => {
  const poa = TRAINING_POWERS_OF_ATTORNEY[0]!;

  it('refuses a notarised power of attorney that also carries the details of another certification', async () => {
    core = await openCounter();
    const v = await s1Case();
    const error = await core.fail('cases.submitForm', {
      caseId: v.id,
      version: v.version,
      applicantIin: poa.principalIin,
      representative: {
        iin: poa.representativeIin,
        fullName: 'Сәрсенов Ерлан Қайратұлы',
        powerOfAttorney: { kind: 'notarised', number: poa.number, date: poa.date, notary: poa.notary, certifiedBy: 'ЖШС «Мысал»' },
      },
    }, 'counter-1');
    expect(error).toEqual({ code: 'VALIDATION', issues: [{ path: 'representative.powerOfAttorney.certifiedBy', reason: 'poa.otherCertificationNotFilled' }] });
  });

  it('in Karaganda checks the power of attorney in БНАЖ: a revoked one gives the process-4 notice (training: the act is repealed)', async () => {
    core = await openCounter({ training: true });
    const revoked = TRAINING_POWERS_OF_ATTORNEY[1]!;
    let v = await core.call('cases.start', { regulationId: 's1-karaganda-38-08', documentLocale: 'kk' }, 'counter-1');
    const karaganda = await core.call('catalog.regulation', { id: 's1-karaganda-38-08' }, 'counter-1');
    const docs = karaganda.requiredDocuments.filter((d) => !d.optional).map((d) => d.id);
    v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: docs }, 'counter-1');
    v = await core.call('cases.submitForm', {
      caseId: v.id,
      version: v.version,
      applicantIin: revoked.principalIin,
      representative: { iin: revoked.representativeIin, fullName: 'Оспанов Дәулет Серікұлы', powerOfAttorney: { kind: 'notarised', number: revoked.number, date: revoked.date, notary: revoked.notary } },
    }, 'counter-1');
    expect(v).toMatchObject({ status: 'refused', training: true });
    const notice = await core.call('cases.document', { caseId: v.id, kind: 'refusalDataUnavailable' }, 'counter-1');
    expect(notice.paragraphs.join(' ')).toContain('БНАЖ');
  });
});

describe('the service catalog', () => {
  it('finds services by a few letters in any language, and explains the ones not offered here', async () => {
    core = await openCounter();
    const kk = await core.call('catalog.search', { query: 'мүгед бал' }, 'counter-1');
    expect(kk.entries.map((e) => e.regulationId)).toContain('s1-aktobe-285');
    const ru = await core.call('catalog.search', { query: 'возмещ затр' }, 'counter-1');
    expect(ru.entries[0]).toMatchObject({ regulationId: 's1-aktobe-285', availability: 'available', openable: true });
    // Foster care (S5) is in force in Aktobe but has no State Corporation channel: listed, not openable.
    const foster = await core.call('catalog.search', { query: 'патрон' }, 'counter-1');
    expect(foster.entries).toEqual([expect.objectContaining({ regulationId: 's5-aktobe-33', availability: 'noStateCorporationChannel', openable: false })]);
    expect((await core.fail('cases.start', { regulationId: 's5-aktobe-33', documentLocale: 'kk' }, 'counter-1')).code).toBe('SERVICE_NOT_OFFERED');
    const en = await core.call('catalog.search', { query: 'home SCHOOL' }, 'counter-1');
    expect(en.entries.some((e) => e.regulationId === 's1-aktobe-285')).toBe(true);
    expect((await core.call('catalog.search', { query: 'zzzz' }, 'counter-1')).entries).toEqual([]);
  });

  it('a live counter lists only its region, and cannot open a repealed act', async () => {
    core = await openCounter();
    const all = await core.call('catalog.search', { query: '' }, 'counter-1');
    expect(new Set(all.entries.map((e) => e.region))).toEqual(new Set(['aktobe']));
    await core.call('auth.login', { login: 'admin', password: 'Құпия-сөз-2026' }, 'admin');
    await core.call('branch.update', { region: 'karaganda', opensAt: '09:00', closesAt: '18:00' }, 'admin');
    const karaganda = await core.call('catalog.search', { query: '' }, 'counter-1');
    expect(karaganda.entries.every((e) => e.availability === 'repealed' && !e.openable)).toBe(true);
    expect((await core.fail('cases.start', { regulationId: 's1-karaganda-38-08', documentLocale: 'kk' }, 'counter-1')).code).toBe('SERVICE_NOT_OFFERED');
  });
});

describe('finding cases', () => {
  it('lists today\'s cases, finds one by IIN or number, and a look at the applicant leaves an audit row', async () => {
    core = await openCounter();
    let v = await s1Case();
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: PERSON.iin, representative: null }, 'counter-1');
    expect((await core.call('cases.list', {}, 'counter-1')).cases.map((c) => c.number)).toEqual([v.number]);
    expect((await core.call('cases.list', { find: PERSON.iin }, 'counter-1')).cases).toHaveLength(1);
    expect((await core.call('cases.list', { find: v.number.toLowerCase() }, 'counter-1')).cases).toHaveLength(1);
    expect((await core.call('cases.list', { status: 'issued' }, 'counter-1')).cases).toHaveLength(0);
    await core.call('cases.get', { caseId: v.id }, 'counter-1');
    expect(core.auditActions()).toContain('cases.viewed');
  });
});
