/**
 * The case engine against the acts: for every channel of every act, the engine's walk (each
 * condition true and false) gives exactly the hand-written paths; and on every State
 * Corporation channel, a real case driven through the workstation walks each of them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkAll } from '../../src/core/cases/flowMachine';
import { TRAINING_PEOPLE } from '../../src/core/gateway/trainingGateway';
import { loadRegulations } from '../../src/core/regulations/loadRegulations';
import type { Regulation } from '../../src/shared/regulation';
import { openCounter } from '../support/counter';
import { makeIin } from '../support/iins';
import type { TestCore } from '../support/workstation';
import { EXPECTED_PATHS } from './expectedPaths';
import { ROOT } from './regulationFiles';
import { signRequest } from '../support/signing';

const { regulations, problems } = loadRegulations(join(ROOT, 'resources', 'regulations'));
const key = (p: { when: Record<string, boolean> }) => JSON.stringify(Object.entries(p.when).sort());

describe('the engine walks every path of every act', () => {
  it('loads every act without a problem', () => {
    expect(problems).toEqual([]);
    expect(regulations.length).toBeGreaterThanOrEqual(7);
  });

  for (const regulation of regulations) {
    for (const channel of regulation.channels) {
      it(`${regulation.id} · ${channel.kind}`, () => {
        const expected = EXPECTED_PATHS.filter((p) => p.act === regulation.id && p.channel === channel.kind);
        expect(expected.length).toBeGreaterThan(0);
        const walked = walkAll(channel).map((p) => ({ when: p.answers, steps: p.steps, ends: p.ends }));
        const byKey = (xs: { when: Record<string, boolean> }[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
        expect(byKey(walked)).toEqual(byKey(expected.map(({ when, steps, ends }) => ({ when, steps, ends }))));
      });
    }
  }
});

describe('real cases at the counter walk the act\'s paths', () => {
  let core: TestCore;
  beforeAll(async () => {
    // Training mode: the repealed acts can be opened too, as a trainer would.
    core = await openCounter({ training: true });
  });
  afterAll(() => core.dispose());

  const counterActs = regulations.filter((r) => r.channels.some((c) => c.kind === 'stateCorporation'));
  const absent = makeIin('010203', '5', 4321);

  async function drive(regulation: Regulation, when: Record<string, boolean>) {
    const documents = regulation.requiredDocuments.filter((d) => !d.optional).map((d) => d.id);
    // Condition 2 is the provider's check of the documents: one missing makes it say no.
    const taken = when.c2 === false ? documents.slice(1) : documents;
    let v = await core.call('cases.start', { regulationId: regulation.id, documentLocale: 'kk' }, 'counter-1');
    if (v.step === 'start') v = await core.call('cases.handOver', { caseId: v.id, version: v.version, documents: taken }, 'counter-1');
    const applicantIin = when.c1 === false ? absent : TRAINING_PEOPLE[0]!.iin;
    v = await core.call('cases.submitForm', { caseId: v.id, version: v.version, applicantIin, representative: null }, 'counter-1');
    if (v.status === 'inProgress') {
      const hasHandOver = v.steps[0]!.step === 'start';
      await signRequest(core, v.id);
      v = await core.call('cases.forward', { caseId: v.id, version: v.version, ...(hasHandOver ? {} : { documents: taken }) }, 'counter-1');
    }
    if (v.status === 'resultReady') v = await core.call('cases.issue', { caseId: v.id, version: v.version }, 'counter-1');
    return v;
  }

  for (const regulation of counterActs) {
    for (const path of EXPECTED_PATHS.filter((p) => p.act === regulation.id && p.channel === 'stateCorporation')) {
      it(`${regulation.id}: ${key(path)} → ${path.ends}`, async () => {
        const v = await drive(regulation, path.when);
        expect(v.steps.map((s) => s.step)).toEqual(path.steps);
        expect(v.outcome).toBe(path.ends);
        expect(v.status).toBe(path.ends === 'result' ? 'issued' : 'refused');
      });
    }
  }
});
