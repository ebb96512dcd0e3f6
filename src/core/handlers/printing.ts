/** The documents given to the applicant and the queue's tickets, as PDF for the printer. */
import type { CoreParts } from '../parts';
import { PrintingService } from '../printing/printingService';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls = 'cases.documentPdf' | 'queue.ticketPdf';

export function printingHandlers(s: Services, p: CoreParts): HandlerGroup<Calls> {
  const printing = new PrintingService(s, p);
  return {
    'cases.documentPdf': ({ caseId, kind, paper }, ctx) => printing.documentPdf(caseId, kind, paper, ctx.operator),
    'queue.ticketPdf': ({ ticketId }) => printing.ticketPdf(ticketId),
  };
}
