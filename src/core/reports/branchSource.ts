/**
 * The report of a counter in a branch: the branch server's, over every workstation's cases and
 * the branch's queue (scope 'branch'), computed there by the same `compose.ts` as a counter's own.
 * The branch knows this workstation by its certificate, so the cases behind a figure that are
 * this counter's own come back with their ids (they can be opened here), the others' without.
 *
 * A supervisor at a cut-off counter still gets a report: when the branch does not answer, the
 * counter's own (scope 'counter' — the screen says which it is), never an error.
 */
import { AppError } from '../../shared/errors';
import { BranchRefusal, BranchUnreachable } from '../branch/branchClient';
import type { BranchLink } from '../branch/branchLink';
import type { ReportSource } from './reportSource';

/**
 * A month's report over the whole branch is computed on the server: given longer than a queue
 * call before the link is judged cut off (a slow answer is not a lost link).
 */
const REPORT_TIMEOUT_MS = 30_000;

export function branchSource(link: BranchLink, counter: ReportSource): ReportSource {
  const orOwn = async <T>(fromBranch: () => Promise<T>, own: () => T | Promise<T>): Promise<T> => {
    try {
      return await fromBranch();
    } catch (err) {
      if (err instanceof BranchUnreachable) return own();
      // A branch server older than the reports does not know the call: this counter's figures, as when cut off.
      if (err instanceof BranchRefusal && err.error.code === 'UNKNOWN_CALL') return own();
      if (err instanceof BranchRefusal) {
        if (err.error.code === 'VALIDATION') throw new AppError({ code: 'VALIDATION', issues: err.error.issues });
        throw new AppError({ code: 'BRANCH_REFUSED', branch: { code: err.error.code, update: err.error.update } });
      }
      throw err;
    }
  };
  return {
    scope: 'branch',
    report: (query) => orOwn(() => link.call('reports.get', query, REPORT_TIMEOUT_MS), () => counter.report(query)),
    cases: (query, drill) => orOwn(async () => (await link.call('reports.cases', { query, drill }, REPORT_TIMEOUT_MS)).cases, () => counter.cases(query, drill)),
  };
}
