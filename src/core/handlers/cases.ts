/**
 * The operator's work on cases: each call is one action of the act's counter flow, given to the
 * engine's command side as the contract parsed it; the answer is the case read back as the screen
 * shows it.
 */
import { AppError } from '../../shared/errors';
import type { CaseCommands } from '../cases/caseCommands';
import type { CaseReader } from '../cases/caseReader';
import type { Catalog } from '../regulations/catalog';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

type Calls =
  | 'cases.start' | 'cases.handOver' | 'cases.submitForm' | 'cases.forward' | 'cases.issue' | 'cases.refresh'
  | 'cases.survey' | 'cases.get' | 'cases.list' | 'cases.document' | 'cases.toIssue' | 'cases.handOverRefusal';

export interface CaseHandlerDeps {
  commands: CaseCommands;
  cases: CaseReader;
  catalog: Catalog;
  today(): string;
}

export function caseHandlers(s: Services, d: CaseHandlerDeps): HandlerGroup<Calls> {
  return {
    'cases.start': async (input, ctx) => {
      if (!d.catalog.canOpen(input.regulationId, s.settings.branch().region, d.today(), s.training)) throw new AppError('SERVICE_NOT_OFFERED');
      return d.cases.view(await d.commands.start(input, ctx.operator));
    },
    'cases.handOver': async (input, ctx) => d.cases.view(await d.commands.handOver(input, ctx.operator)),
    'cases.submitForm': async (input, ctx) => d.cases.view(await d.commands.submitForm(input, ctx.operator)),
    'cases.forward': async (input, ctx) => d.cases.view(await d.commands.forward(input, ctx.operator)),
    'cases.issue': async (input, ctx) => d.cases.view(await d.commands.issue(input, ctx.operator)),
    'cases.handOverRefusal': async (input, ctx) => d.cases.view(await d.commands.handOverRefusal(input, ctx.operator)),
    'cases.refresh': async (input) => d.cases.view(await d.commands.refresh(input)),
    'cases.survey': (input, ctx) => d.cases.view(d.commands.survey(input, ctx.operator)),
    'cases.get': (input, ctx) => d.cases.view(d.commands.show(input, ctx.operator)),
    'cases.document': (input, ctx) => d.commands.document(input, ctx.operator),

    'cases.list': (input) => ({ cases: d.cases.list(input) }),
    'cases.toIssue': () => ({ cases: d.cases.toIssue() }),
  };
}
