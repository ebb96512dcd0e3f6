/**
 * Training data kept apart from real data: the reset clears a class's cases, tickets and runs
 * and nothing else; a training folder is not opened as live (nor a live one in training); a
 * live workstation refuses every training call; a broken scenario file is set aside by name.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegulations } from '../../src/core/regulations/loadRegulations';
import { loadScenarios } from '../../src/core/training/loadScenarios';
import { databasePath } from '../../src/core/workstation';
import { openTestCore, type TestCore } from '../support/workstation';
import { openCounter, OPERATOR, OPERATOR_PASSWORD } from '../support/counter';
import { TRAINEE, TRAINEE_CLIENT, TRAINER, openTrainingCounter, scenarioFile, walkRight } from './walk';

let core: TestCore | undefined;
afterEach(() => core?.dispose());

const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const rows = (dir: string, table: string) => {
  const db = new Database(databasePath(dir), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('training.reset', () => {
  it('clears every case, ticket and run in one action and keeps the accounts', async () => {
    core = await openTrainingCounter();
    const c = core;
    for (const id of ['09-result-and-survey', '02-unknown-applicant']) {
      await c.call('training.start', { scenarioId: id, trainee: TRAINEE, window: '1' }, 'trainer');
      await walkRight(c, scenarioFile(id));
      const t = (await c.call('queue.overview', {}, TRAINEE_CLIENT)).window!.current;
      if (t) await c.call('queue.finish', { ticketId: t.id, version: t.version }, TRAINEE_CLIENT);
    }
    // A ticket nobody called yet is cleared too.
    await c.call('queue.issue', { group: 'A', priority: null }, 'kiosk');
    const before = { operators: rows(c.dataDir, 'operators'), settings: rows(c.dataDir, 'settings') };
    expect([rows(c.dataDir, 'cases'), rows(c.dataDir, 'tickets'), rows(c.dataDir, 'training_runs'), rows(c.dataDir, 'case_signatures')]).toEqual([2, 3, 2, 1]);

    expect(await c.call('training.reset', {}, 'trainer')).toEqual({ cases: 2, tickets: 3 });
    for (const table of ['cases', 'case_steps', 'case_documents', 'case_surveys', 'case_signatures', 'outbox', 'tickets', 'training_runs', 'training_mistakes']) {
      expect([table, rows(c.dataDir, table)]).toEqual([table, 0]);
    }
    expect({ operators: rows(c.dataDir, 'operators'), settings: rows(c.dataDir, 'settings') }).toEqual(before);
    expect(c.auditActions()).toContain('training.reset');
    expect((await c.call('training.runs', {}, 'trainer')).runs).toEqual([]);
    expect(await c.call('training.myRun', {}, TRAINEE_CLIENT)).toBeNull();
    // The class goes on: the same trainee logs in again and the numbering starts anew.
    await c.call('auth.logout', {}, TRAINEE_CLIENT);
    await c.call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD }, TRAINEE_CLIENT);
    const again = await c.call('training.start', { scenarioId: '01-plain-case', trainee: TRAINEE }, 'trainer');
    expect(again.ticketNumber).toBe('A-001');
    // Only a trainer resets.
    expect((await c.fail('training.reset', {}, TRAINEE_CLIENT)).code).toBe('FORBIDDEN');
  });
});

describe('training runs, live', () => {
  it('announces a run moving with training.changed, and refuses a second run for a busy trainee', async () => {
    core = await openTrainingCounter();
    const run = await core.call('training.start', { scenarioId: '02-unknown-applicant', trainee: TRAINEE, window: '1' }, 'trainer');
    const busy = await core.fail('training.start', { scenarioId: '01-plain-case', trainee: TRAINEE }, 'trainer');
    expect(busy).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'trainee', reason: 'training.traineeBusy' }] });
    expect((await core.fail('training.start', { scenarioId: '01-plain-case', trainee: 'nobody' }, 'trainer')).issues?.[0]?.reason).toBe('training.traineeUnknown');
    const announced = () => core!.events.filter((e) => e.event.name === 'training.changed' && e.clientId === '*').length;
    const atStart = announced();
    await walkRight(core, scenarioFile('02-unknown-applicant'));
    expect(announced()).toBeGreaterThanOrEqual(atStart + 3);
    expect((await core.call('training.runs', {}, 'trainer')).runs[0]).toMatchObject({ id: run.id, state: 'finished', score: { passed: true } });
    expect((await core.fail('training.stop', { runId: run.id }, 'trainer')).code).toBe('ALREADY_DONE');
    void TRAINER;
  });
});

describe('training and live data never mix', () => {
  it('refuses every training call on a live workstation', async () => {
    core = await openCounter();
    for (const name of ['training.scenarios', 'training.runs', 'training.myRun'] as const) {
      expect((await core.fail(name, {}, 'counter-1')).code).toBe('FORBIDDEN');
    }
  });

  it('refuses a training folder opened as live, and a live folder opened in training, as modeMismatch', async () => {
    const training = openTestCore({ training: true });
    const { dataDir, masterKey } = training;
    await training.call('setup.createAdmin', { login: 'admin', fullName: 'Әкімші Әкімшіұлы', iin: '850315400035', password: 'Құпия-сөз-2026' }, 'a');
    training.ws.close();
    const live = openTestCore({ dataDir, masterKey });
    expect((await live.call('app.status', {})).storageProblem).toEqual({ problem: 'modeMismatch', path: databasePath(dataDir) });
    expect((await live.fail('auth.session', {})).code).toBe('STORAGE_UNAVAILABLE');
    live.ws.close();
    // The same folder in training opens as before.
    const back = openTestCore({ dataDir, masterKey, training: true });
    expect((await back.call('app.status', {})).storageProblem).toBeNull();
    back.dispose();

    const liveFirst = openTestCore({});
    liveFirst.ws.close();
    const asTraining = openTestCore({ dataDir: liveFirst.dataDir, masterKey: liveFirst.masterKey, training: true });
    expect((await asTraining.call('app.status', {})).storageProblem?.problem).toBe('modeMismatch');
    asTraining.ws.close();
    liveFirst.dispose();
  });
});

describe('scenario files', () => {
  it('sets a broken file aside with its name and field; the rest load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azho-scenarios-'));
    try {
      copyFileSync(join(RESOURCES, 'training', '01-plain-case.json'), join(dir, '01-plain-case.json'));
      const good = scenarioFile('01-plain-case');
      writeFileSync(join(dir, 'broken.json'), '{ "id": ');
      writeFileSync(join(dir, 'bad-path.json'), JSON.stringify({ ...good, id: 'bad-path', path: [good.path[0], good.path[2]] }));
      writeFileSync(join(dir, 'bad-answer.json'), JSON.stringify({ ...good, id: 'bad-answer', stateSystems: { ...good.stateSystems, person: 'unknown' } }));
      writeFileSync(join(dir, 'bad-document.json'), JSON.stringify({ ...good, id: 'bad-document', walkIn: { ...good.walkIn, brings: ['application', 'passport'] } }));
      writeFileSync(join(dir, 'no-hint.json'), JSON.stringify({ ...good, id: 'no-hint', path: [{ step: 'start' }] }));
      const { regulations } = loadRegulations(join(RESOURCES, 'regulations'));
      const { scenarios, problems } = loadScenarios(dir, regulations);
      expect(scenarios.map((s) => s.file.id)).toEqual(['01-plain-case']);
      expect(problems).toEqual([
        { file: 'bad-answer.json', field: 'stateSystems.person', reason: 'population.answersOtherwise' },
        { file: 'bad-document.json', field: 'walkIn.brings.1', reason: 'document.unknown' },
        { file: 'bad-path.json', field: 'path.1.step', reason: 'path.notInTheFlow' },
        { file: 'broken.json', field: '', reason: 'notJson' },
        { file: 'no-hint.json', field: 'path.0.hint', reason: expect.any(String) },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('attaches the act\'s own words and item to every step of every scenario', () => {
    const { regulations } = loadRegulations(join(RESOURCES, 'regulations'));
    const { scenarios, problems } = loadScenarios(join(RESOURCES, 'training'), regulations);
    expect(problems).toEqual([]);
    expect(scenarios).toHaveLength(10);
    for (const sc of scenarios) {
      for (const step of sc.steps) {
        const act = regulations.find((r) => r.id === sc.regulation.id)!.channels.find((c) => c.kind === 'stateCorporation')!.steps.find((s) => s.id === step.step.id)!;
        expect(step.act).toEqual({ words: act.title.kk, citation: act.citation });
      }
    }
  });
});
