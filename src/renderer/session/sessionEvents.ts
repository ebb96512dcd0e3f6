/** Keeps the session store in step with the core: its pushed events and what any call reveals. */
import { invoke, on, onCallProblem } from '../client/client';
import { useSession, type EndReason } from './sessionStore';

async function endUnlessReplaced(reason: EndReason): Promise<void> {
  // The event travels on its own channel and can overtake the answer to a fresh log-in on this
  // client; only end the session the core no longer has.
  try {
    const current = await invoke('auth.session', {});
    if (current && current.startedAt !== useSession.getState().session?.startedAt) {
      useSession.getState().started(current);
      return;
    }
    if (current) return;
  } catch {
    // No answer: ending is the safe side.
  }
  useSession.getState().ended(reason);
}

export function followSessionEvents(): () => void {
  const stops = [
    on('session.locked', ({ reason }) => useSession.getState().locked(reason)),
    on('session.ended', ({ reason }) => void endUnlessReplaced(reason)),
    onCallProblem((name, problem) => {
      const state = useSession.getState();
      if (problem.code === 'SESSION_LOCKED') state.locked(null);
      else if (problem.code === 'NOT_AUTHENTICATED' && state.session && name !== 'auth.logout') state.ended('lost');
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
