/** The documents given to the applicant and the queue's tickets, as PDF for the printer. */
import { AppError } from '../../shared/errors';
import type { CoreParts } from '../parts';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'cases.documentPdf' | 'queue.ticketPdf';

export function printingHandlers(_s: Services, _p: CoreParts): HandlerGroup<Calls> {
  const pending = () => {
    throw new AppError('INTERNAL');
  };
  return { 'cases.documentPdf': pending, 'queue.ticketPdf': pending };
}
