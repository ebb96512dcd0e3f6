/** Training mode: scenarios, a trainee's runs and their scores, and the reset of the training data. */
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { logLine } from '../dispatch';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import { watchTraining } from '../training/callWatch';
import { loadScenarios } from '../training/loadScenarios';
import { createRunStore } from '../training/runStore';
import { TrainingService } from '../training/trainingService';
import type { HandlerGroup } from './types';

type Calls = 'training.scenarios' | 'training.start' | 'training.runs' | 'training.stop' | 'training.myRun' | 'training.reset';

export function trainingHandlers(s: Services, p: CoreParts): HandlerGroup<Calls> {
  // A live workstation loads no scenario and watches nothing: every training call is refused.
  const service = s.training ? trainingService(s, p) : null;
  const training = () => {
    if (!service) throw new AppError('FORBIDDEN');
    return service;
  };
  return {
    'training.scenarios': () => ({ scenarios: training().scenarios() }),
    'training.start': (input, ctx) => training().start(input, ctx.operator),
    'training.runs': () => ({ runs: training().runs() }),
    'training.stop': ({ runId }, ctx) => training().stop(runId, ctx.operator),
    'training.myRun': (_input, ctx) => training().myRun(ctx.operator),
    'training.reset': (_input, ctx) => training().reset(ctx.operator),
  };
}

function trainingService(s: Services, p: CoreParts): TrainingService {
  const { scenarios, problems } = loadScenarios(join(p.resourcesDir, 'training'), p.catalog.all());
  for (const problem of problems) logLine(`training scenario ${problem.file} set aside: ${problem.field || '(file)'} ${problem.reason}`);
  const service = new TrainingService(s, p, scenarios, createRunStore(s.db));
  watchTraining(s, { call: (outcome) => service.onCall(outcome), moved: () => service.observeAll() });
  return service;
}
