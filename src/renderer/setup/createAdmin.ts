/** First run: a person creates the administrator and is logged in as them. */
import type { CallInput } from '../../shared/contract';
import { useStatus } from '../app/statusStore';
import { invoke } from '../client/client';
import { useSession } from '../session/sessionStore';

export async function createAdmin(input: CallInput<'setup.createAdmin'>): Promise<void> {
  const session = await invoke('setup.createAdmin', input);
  // Session first: with the setup marked done but no session yet, the start-up splash would flash.
  useSession.getState().started(session);
  useStatus.getState().setupDone();
}
