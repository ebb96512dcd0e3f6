/** The branch link's calls: its state for the header, and joining a branch (the administrator's). */
import { AppError } from '../../shared/errors';
import { BranchRefusal, BranchUnreachable } from '../branch/branchClient';
import type { BranchLink } from '../branch/branchLink';
import type { Services } from '../services';
import type { HandlerGroup } from './types';

export function branchHandlers(s: Services, link: BranchLink): HandlerGroup<'branch.status' | 'branch.enroll'> {
  return {
    'branch.status': () => link.status(),
    'branch.enroll': async (input, ctx) => {
      try {
        await link.enroll(input);
      } catch (err) {
        if (err instanceof BranchRefusal) throw new AppError({ code: 'BRANCH_REFUSED', branch: { code: err.error.code, update: err.error.update } });
        if (err instanceof BranchUnreachable) throw new AppError('BRANCH_UNREACHABLE');
        throw err;
      }
      const status = link.status();
      s.audit.append({ actorId: ctx.operator.id, action: 'branch.enrolled', subject: `branch:${status.branchId}`, detail: { device: status.device } });
      return status;
    },
  };
}
