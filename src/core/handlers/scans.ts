/** Scans of the applicant's documents: each call maps to the scan service. */
import { ScanService } from '../scans/scanService';
import type { HandlerGroup } from './types';

type Calls =
  | 'scans.list' | 'scans.add' | 'scans.view' | 'scans.rotate' | 'scans.reorder' | 'scans.remove' | 'scans.fromScanner'
  | 'scans.capabilities';

export function scanHandlers(scans: ScanService): HandlerGroup<Calls> {
  return {
    'scans.list': ({ caseId }, ctx) => scans.list(caseId, ctx.clientId, ctx.operator),
    'scans.add': async (input, ctx) => ScanService.view(await scans.add(input, ctx.operator)),
    'scans.view': ({ scanId, width }, ctx) => scans.view(scanId, width, ctx.operator),
    'scans.rotate': ({ scanId, rotation }, ctx) => scans.rotate(scanId, rotation, ctx.operator),
    'scans.reorder': ({ caseId, documentId, order }, ctx) => scans.reorder(caseId, documentId, order, ctx.operator),
    'scans.remove': ({ scanId }, ctx) => scans.remove(scanId, ctx.operator),
    'scans.fromScanner': ({ caseId, documentId }, ctx) => scans.fromScanner(caseId, documentId, ctx.operator),
    'scans.capabilities': () => scans.capabilities(),
  };
}
