/** Training mode: scenarios, a trainee's runs and their scores, and the reset of the training data. */
import { AppError } from '../../shared/errors';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'training.scenarios' | 'training.start' | 'training.runs' | 'training.stop' | 'training.myRun' | 'training.reset';

export function trainingHandlers(_s: Services, _p: CoreParts): HandlerGroup<Calls> {
  const pending = () => {
    throw new AppError('INTERNAL');
  };
  return {
    'training.scenarios': pending,
    'training.start': pending,
    'training.runs': pending,
    'training.stop': pending,
    'training.myRun': pending,
    'training.reset': pending,
  };
}
