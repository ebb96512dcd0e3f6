/**
 * The case engine: walks one applicant's request through the numbered processes and conditions of
 * an act's State Corporation channel, in two halves over one way of taking a step (`caseFlow.ts`):
 *
 * - the command side (`caseCommands.ts`): the operator's actions — start, hand over, the request
 *   form, sign and forward, issue, hand over a refusal, the survey, refresh, show;
 * - the reactor side (`caseReactor.ts`): the state systems' answers from the outbox sender, the
 *   status polls, and the steps the act gives to the workstation, run by themselves right after.
 *
 * Cases are read through `caseReader.ts`, which needs no engine.
 */
import type { Regulation } from '../../shared/regulation';
import type { TermClock } from '../calendar/termClock';
import type { OutboxStore } from '../outbox/outboxStore';
import type { Services } from '../services';
import { CaseCommands } from './caseCommands';
import { CaseFlow } from './caseFlow';
import { CaseReactor } from './caseReactor';
import type { CaseStore } from './caseStore';

export interface CaseEngineDeps {
  services: Services;
  store: CaseStore;
  outbox: OutboxStore;
  /** The sender: woken when messages are written; waited on so that, online, a call returns with the answer. */
  sender: { wake(): void; settled(caseId: number, timeoutMs: number): Promise<void> };
  /**
   * The operator's signature: what forwarding sends (refusing, on a counter that requires it, a
   * case whose request is unsigned or whose scans changed since), and what the case keeps.
   */
  signatures: { forForwarding(caseId: number): string | null; kept(caseId: number): string | null };
  /** How long an operator's call waits for the state systems before showing the case as waiting. */
  settleMs(): number;
  /** The branch's working calendar and hours, as they are now. */
  readonly clock: TermClock;
  regulation(id: string): Regulation | undefined;
  applicantIndex(iin: string): string;
}

export interface CaseEngine {
  commands: CaseCommands;
  reactor: CaseReactor;
}

export function createCaseEngine(deps: CaseEngineDeps): CaseEngine {
  const flow = new CaseFlow(deps);
  const reactor = new CaseReactor(flow);
  return { commands: new CaseCommands(flow, reactor), reactor };
}
