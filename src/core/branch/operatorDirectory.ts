/**
 * The branch's directory of operator accounts, brought to this workstation: pulled when the link
 * comes back and whenever the branch says it changed, and taken account by account where the
 * branch's version is the later one. So an operator whose account was made at another counter
 * can log in here — and still can while the link is cut — and one disabled there is refused here.
 * What this workstation changes goes the other way with the sync (BranchLink, `operators.push`).
 */
import type { Database } from 'better-sqlite3';
import type { DirectoryAccount } from '../../shared/branch/wire';
import type { AuditLog } from '../audit/auditLog';
import type { OperatorStore } from '../auth/operatorStore';
import type { ThrottleStore } from '../auth/throttleStore';
import { BranchUnreachable } from './branchClient';
import type { BranchLink } from './branchLink';

export interface OperatorDirectoryDeps {
  link: BranchLink;
  db: Database;
  operators: OperatorStore;
  throttle: ThrottleStore;
  audit: AuditLog;
  /** An account disabled at another counter: its sessions here end too. */
  disabled(operatorId: number): void;
  log(line: string): void;
}

export class OperatorDirectory {
  private pulling: Promise<void> | null = null;
  private again = false;

  constructor(private readonly d: OperatorDirectoryDeps) {}

  /** Pulls now — or, if a pull is under way, once more after it: the change may have come after its answer. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = this.run()
      .catch((err: unknown) => this.d.log(`operator directory: ${(err as Error).message}`))
      .finally(() => {
        this.pulling = null;
        if (this.again) {
          this.again = false;
          void this.pull();
        }
      });
    return this.pulling;
  }

  private async run(): Promise<void> {
    const { link } = this.d;
    if (!link.online || link.hello?.device.role !== 'workstation') return;
    let accounts: DirectoryAccount[];
    try {
      ({ accounts } = await link.call('operators.pull', {}));
    } catch (err) {
      if (!(err instanceof BranchUnreachable)) this.d.log(`operator directory: ${(err as Error).message}`);
      return;
    }
    const tally = { inserted: 0, updated: 0, conflicts: 0 };
    const disabled: number[] = [];
    this.d.db.transaction(() => {
      for (const account of accounts) {
        const outcome = this.d.operators.applyFromBranch(account);
        if (outcome.change === 'conflict') tally.conflicts++;
        if (outcome.change !== 'inserted' && outcome.change !== 'updated') continue;
        tally[outcome.change]++;
        if (outcome.disabledNow) disabled.push(outcome.id);
        // A password set anew elsewhere (a reset) lifts the lockout here, as a reset made here does.
        if (outcome.passwordChanged) this.d.throttle.clear(account.login);
      }
      // Counts only: the accounts' names and IINs stay out of the audit log.
      if (tally.inserted + tally.updated > 0) this.d.audit.append({ actorId: null, action: 'operators.synced', detail: tally });
    }).immediate();
    if (tally.conflicts) this.d.log(`operator directory: ${tally.conflicts} account(s) left out, their IIN belongs to another login here`);
    for (const id of disabled) this.d.disabled(id);
  }
}
