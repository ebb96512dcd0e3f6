/** Start-up: ask the core how it is, then whether this client already has a session. */
import { useSession } from '../session/sessionStore';
import { useStatus } from './statusStore';

const NOT_READY_RETRY_MS = 1000;

export async function startWorkstation(): Promise<void> {
  const status = await useStatus.getState().load();
  if (!status) return;
  if (!status.ready && !status.storageProblem) {
    // The core is still opening its database; the splash stays until it is ready.
    window.setTimeout(() => void startWorkstation(), NOT_READY_RETRY_MS);
    return;
  }
  if (status.storageProblem || status.firstRun) return;
  try {
    await useSession.getState().refresh();
  } catch {
    useSession.getState().ended('lost');
  }
}
