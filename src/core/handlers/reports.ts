/** The supervisor's reports: figures for a period, the cases behind a figure, and the exports. */
import { AppError } from '../../shared/errors';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'reports.get' | 'reports.cases' | 'reports.export';

export function reportHandlers(_s: Services, _p: CoreParts): HandlerGroup<Calls> {
  const pending = () => {
    throw new AppError('INTERNAL');
  };
  return { 'reports.get': pending, 'reports.cases': pending, 'reports.export': pending };
}
