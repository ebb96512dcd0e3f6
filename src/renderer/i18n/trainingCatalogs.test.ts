import { describe, expect, it } from 'vitest';
import { SIMULATOR_FAULTS } from '../../shared/gateway';
import { LOCALES } from '../../shared/schemas';
import { RUN_STATES, RunStep } from '../../shared/training/scenario';
import { catalogs } from './catalog';
import branchKk from './branch.kk.json';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';
import reportsKk from './reports.kk.json';
import scansKk from './scans.kk.json';
import trainingEn from './training.en.json';
import trainingKk from './training.kk.json';
import trainingRu from './training.ru.json';

const STEP_STATES = RunStep.shape.state.options;

// The trainer's and the trainee's sentences live in files of their own (training.*.json), merged in catalog.ts.
describe('the training catalogues', () => {
  it('do not silently replace a sentence of the other catalogues', () => {
    const others = { ...kk, ...queueKk, ...gatewayKk, ...scansKk, ...branchKk, ...reportsKk };
    expect(Object.keys(trainingKk).filter((key) => key in others)).toEqual([]);
  });

  it('have the same keys in the three languages', () => {
    expect(Object.keys(trainingRu).sort()).toEqual(Object.keys(trainingKk).sort());
    expect(Object.keys(trainingEn).sort()).toEqual(Object.keys(trainingKk).sort());
  });

  it.each(LOCALES)('%s names every run state, step state and simulator fault the screens show, and the section', (locale) => {
    const keys = [
      'nav.training',
      // The storage problem of a data folder opened in the other mode (training / live).
      'storage.modeMismatch',
      // The core's reasons for refusing a trainee's login (src/core/training/trainingService.ts).
      'reason.training.traineeUnknown',
      'reason.training.traineeBusy',
      ...RUN_STATES.map((state) => `training.run.${state}`),
      ...STEP_STATES.map((state) => `training.state.${state}`),
      ...SIMULATOR_FAULTS.map((fault) => `training.fault.${fault}`),
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });
});
