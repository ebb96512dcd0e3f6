/**
 * The parts of an open workstation that the reports, the printed documents and training read:
 * built once in `workstation.ts` and handed to their handler groups, so each group names what
 * it uses instead of reaching into the assembly.
 */
import type { CaseCommands } from './cases/caseCommands';
import type { CaseReader } from './cases/caseReader';
import type { TermClock } from './calendar/termClock';
import type { FieldCipher } from './crypto/fieldCipher';
import type { BranchLink } from './branch/branchLink';
import type { CounterQueue } from './branch/branchQueue';
import type { GatewayLink } from './gateway/gatewayLink';
import type { OutboxSender } from './outbox/sender';
import type { QueueService } from './queue/queueService';
import type { QueueStore } from './queue/queueStore';
import type { Catalog } from './regulations/catalog';
import type { ScanService } from './scans/scanService';

export interface CoreParts {
  dataDir: string;
  resourcesDir: string;
  catalog: Catalog;
  /** Where cases are read. */
  cases: CaseReader;
  /** The operator's actions on a case (training refreshes a case when its fault is lifted). */
  caseCommands: CaseCommands;
  queue: QueueService;
  queueStore: QueueStore;
  counterQueue: CounterQueue;
  branchLink: BranchLink;
  gatewayLink: GatewayLink;
  sender: OutboxSender;
  scans: ScanService;
  cipher: FieldCipher;
  /** The branch's working calendar and hours (how norms count). */
  termClock(): TermClock;
  today(): string;
}
