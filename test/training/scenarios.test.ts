/**
 * Every scenario walked end to end through the contract by a trainee at a real training
 * workstation (real SQLite, the in-process training population as the state systems), reaching
 * the outcome the scenario expects with a passing score; and wrong walks scored with the
 * mistakes named and the act's rule beside each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/workstation';
import { TRAINEE, TRAINEE_CLIENT, callAndOpen, openTrainingCounter, scenarioFile, walkRight } from './walk';

let core: TestCore;
afterEach(() => core?.dispose());

const COUNTER_TO_RESULT = ['start', 'p1', 'p2', 'p3', 'c1', 'p5', 'p6', 'c2', 'p8'];
const NOTICE = ['start', 'p1', 'p2', 'p3', 'c1', 'p4'];
/** Written from the acts (S1 Aktobe items 7–8, S1 Karaganda item 8), not from the scenario files. */
const WALKS: { id: string; status: string; walked: string[]; documents: string[]; steps: number }[] = [
  { id: '01-plain-case', status: 'resultReady', walked: COUNTER_TO_RESULT, documents: ['receipt'], steps: 9 },
  { id: '02-unknown-applicant', status: 'refused', walked: NOTICE, documents: ['refusalDataUnavailable'], steps: 6 },
  { id: '03-poa-unknown', status: 'refused', walked: NOTICE, documents: ['refusalDataUnavailable'], steps: 6 },
  { id: '04-poa-revoked', status: 'refused', walked: NOTICE, documents: ['refusalDataUnavailable'], steps: 6 },
  { id: '05-deceased', status: 'inProgress', walked: ['start', 'p1', 'p2', 'p3', 'c1', 'p5'], documents: [], steps: 6 },
  { id: '06-document-missing', status: 'refused', walked: [...COUNTER_TO_RESULT.slice(0, 8), 'p7'], documents: ['receipt', 'refusalDocuments'], steps: 9 },
  { id: '09-result-and-survey', status: 'issued', walked: COUNTER_TO_RESULT, documents: ['receipt', 'issuance'], steps: 9 },
  { id: '10-representative', status: 'resultReady', walked: COUNTER_TO_RESULT, documents: ['receipt'], steps: 9 },
];

describe('the scenarios a trainer can start', () => {
  it('lists every scenario file, each with its act and expected outcome', async () => {
    core = await openTrainingCounter();
    const { scenarios } = await core.call('training.scenarios', {}, 'trainer');
    expect(scenarios.map((s) => s.id)).toEqual([
      '01-plain-case', '02-unknown-applicant', '03-poa-unknown', '04-poa-revoked', '05-deceased',
      '06-document-missing', '07-gateway-down', '08-not-provided', '09-result-and-survey', '10-representative',
    ]);
    expect(scenarios.find((s) => s.id === '07-gateway-down')).toMatchObject({ faults: ['down'], expected: { status: 'resultReady' } });
    expect(scenarios.find((s) => s.id === '08-not-provided')).toMatchObject({ regulationId: 's5-aktobe-33', expected: { status: null } });
  });
});

describe('each scenario walked right reaches its outcome with a passing score', () => {
  for (const walk of WALKS) {
    it(walk.id, async () => {
      core = await openTrainingCounter();
      const sc = scenarioFile(walk.id);
      const started = await core.call('training.start', { scenarioId: walk.id, trainee: TRAINEE, window: '1' }, 'trainer');
      expect(started).toMatchObject({ state: 'waiting', caseId: null, ticketNumber: expect.stringMatching(/^A-\d{3}$/) });
      expect(started.steps.map((s) => s.state)).toEqual(Array(walk.steps).fill('pending'));
      // The act's own words and item beside each step, taken from the regulation.
      expect(started.steps[0]!.act.citation.item).toMatch(/^[78], 1\)$/);
      expect(started.steps[0]!.act.words).toContain('құжат');

      const v = await walkRight(core, sc);
      expect(v.status).toBe(walk.status);
      expect(v.steps.map((s) => s.step)).toEqual(walk.walked);
      expect(v.documents.map((d) => d.kind).sort()).toEqual([...walk.documents].sort());

      const run = (await core.call('training.myRun', {}, TRAINEE_CLIENT))!;
      expect(run).toMatchObject({ id: started.id, state: 'finished', caseId: v.id, caseNumber: v.number });
      expect(run.score).toMatchObject({ passed: true, mistakes: [], stepsRight: walk.steps, stepsTotal: walk.steps });
      expect(run.steps.every((s) => s.state === 'right')).toBe(true);
      // The manual clock stood still: every step with a norm was within it.
      expect(run.score!.withinNorm).toBe(run.score!.normsTotal);
      const { runs } = await core.call('training.runs', {}, 'trainer');
      expect(runs.map((r) => [r.id, r.state])).toEqual([[started.id, 'finished']]);
    });
  }

  it('08-not-provided: the applicant is told, no case is opened, the trainer ends the run', async () => {
    core = await openTrainingCounter();
    const run = await core.call('training.start', { scenarioId: '08-not-provided', trainee: TRAINEE, window: '1' }, 'trainer');
    expect(run.ticketNumber).toMatch(/^E-\d{3}$/);
    await core.call('queue.setWindow', { window: '1', groups: ['E'] }, TRAINEE_CLIENT);
    await core.call('queue.callNext', {}, TRAINEE_CLIENT);
    const stopped = await core.call('training.stop', { runId: run.id }, 'trainer');
    expect(stopped).toMatchObject({ state: 'stopped', caseId: null, score: { passed: true, mistakes: [], stepsTotal: 0 } });
  });
});

describe('wrong walks are scored with the mistakes named', () => {
  it('06: the missing document ticked as taken — the case goes on to a result the act would refuse', async () => {
    core = await openTrainingCounter();
    const sc = scenarioFile('06-document-missing');
    const { id } = await core.call('training.start', { scenarioId: sc.id, trainee: TRAINEE }, 'trainer');
    let v = await walkRight(core, sc, [...sc.walkIn.brings, 'pmpkConclusion']);
    expect(v.status).toBe('resultReady');
    // Still running: a result ready is not an end; the trainee goes on and issues it.
    expect((await core.call('training.myRun', {}, TRAINEE_CLIENT))!.state).toBe('inProgress');
    v = await core.call('cases.issue', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
    const run = (await core.call('training.runs', {}, 'trainer')).runs.find((r) => r.id === id)!;
    expect(run.state).toBe('finished');
    const score = run.score!;
    expect(score.passed).toBe(false);
    expect(score.mistakes.map((m) => [m.step, m.what.en])).toEqual([
      ['c2', 'condition 2: answered "yes", expected "no"'],
      ['p8', 'The case went off the expected path to process 8'],
      ['c2', 'Went on past the hand-over condition with a document missing: "Conclusion of the psychological-medical-pedagogical consultation" was not brought but ticked as taken'],
      ['p7', 'The case ended as "issued", expected "refused"'],
    ]);
    // The rule broken is the act's own condition 2, with its Kazakh words and item.
    expect(score.mistakes[2]!.rule).toEqual({ words: expect.stringContaining('құжаттар'), citation: { seed: '000_9c000d9434ad5727.txt', item: '8, 2)' } });
    expect(score.mistakes[0]!.what.kk).toContain('2-шарт');
    expect(run.steps.find((s) => s.step === 'c2')!.state).toBe('wrong');
    expect(run.steps.find((s) => s.step === 'p7')!.state).toBe('skipped');
    expect(score.stepsRight).toBe(7);
  });

  it('05: a request for a deceased person signed and forwarded, after trying to forward unsigned', async () => {
    core = await openTrainingCounter();
    const sc = scenarioFile('05-deceased');
    const { id } = await core.call('training.start', { scenarioId: sc.id, trainee: TRAINEE, window: '1' }, 'trainer');
    const { opened } = await callAndOpen(core, sc);
    let v = await core.call('cases.handOver', { caseId: opened.id, version: opened.version, documents: sc.walkIn.brings }, TRAINEE_CLIENT);
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin: sc.walkIn.applicantIin, representative: null }, TRAINEE_CLIENT);
    expect(v.applicant?.deceased).toBe(true);
    expect((await core.fail('cases.issue', { caseId: v.id, version: v.version }, TRAINEE_CLIENT)).code).toBe('STEP_OUT_OF_ORDER');
    const live = (await core.call('training.myRun', {}, TRAINEE_CLIENT))!;
    expect(live).toMatchObject({ state: 'inProgress', score: null });
    expect(live.steps.map((s) => s.state)).toEqual(['right', 'right', 'right', 'right', 'right', 'current']);

    const { signRequest } = await import('../support/signing');
    await signRequest(core, v.id, TRAINEE_CLIENT);
    v = await core.call('cases.get', { caseId: v.id }, TRAINEE_CLIENT);
    v = await core.call('cases.forward', { caseId: v.id, version: v.version }, TRAINEE_CLIENT);
    const t = (await core.call('queue.overview', {}, TRAINEE_CLIENT)).window!.current!;
    await core.call('queue.finish', { ticketId: t.id, version: t.version }, TRAINEE_CLIENT);

    const run = (await core.call('training.myRun', {}, TRAINEE_CLIENT))!;
    expect(run).toMatchObject({ id, state: 'finished' });
    expect(run.score!.passed).toBe(false);
    expect(run.score!.mistakes.map((m) => [m.step, m.what.en, m.rule?.citation.item ?? null])).toEqual([
      ['p6', 'The case went off the expected path to process 6', '8, 1)'],
      ['c1', 'Signed and forwarded a request that should not have gone', '7, 5)'],
      ['p5', 'An action out of the act\'s order (cases.issue)', '7, 7)'],
      ['p5', 'The case ended as "result ready", expected "in progress"', '7, 7)'],
    ]);
  });

  it('08: trying to open a case under an act not provided at the State Corporation', async () => {
    core = await openTrainingCounter();
    const sc = scenarioFile('08-not-provided');
    const run = await core.call('training.start', { scenarioId: sc.id, trainee: TRAINEE, window: '1' }, 'trainer');
    await core.call('queue.setWindow', { window: '1', groups: ['E'] }, TRAINEE_CLIENT);
    const t = await core.call('queue.callNext', {}, TRAINEE_CLIENT);
    const refused = await core.fail('queue.startService', { ticketId: t.id, version: t.version, regulationId: sc.regulationId, documentLocale: 'ru' }, TRAINEE_CLIENT);
    expect(refused.code).toBe('SERVICE_NOT_OFFERED');
    const stopped = await core.call('training.stop', { runId: run.id }, 'trainer');
    expect(stopped.score!.passed).toBe(false);
    expect(stopped.score!.mistakes.map((m) => m.what.en)).toEqual(['Opened a case for an act not provided here']);
  });
});
