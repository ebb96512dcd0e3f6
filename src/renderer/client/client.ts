/**
 * The only way UI code talks to the workstation: typed from the shared contract, the envelope
 * unwrapped, a failure thrown as CallFailed with the host's error data.
 */
import { events, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload } from '../../shared/contract';
import { isAppErrorData, type CallResult } from '../../shared/errors';
import { bridge } from './bridge';
import { CallFailed, type Problem } from './problem';

type ProblemListener = (name: CallName, problem: Problem) => void;
const problemListeners = new Set<ProblemListener>();

function isEnvelope(x: unknown): x is CallResult<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const ok = (x as { ok?: unknown }).ok;
  return ok === true || (ok === false && isAppErrorData((x as { error?: unknown }).error));
}

function fail(name: CallName, problem: Problem): never {
  for (const listener of problemListeners) listener(name, problem);
  throw new CallFailed(problem);
}

export async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let envelope: unknown;
  try {
    envelope = await bridge().invoke(name, input);
  } catch {
    fail(name, { code: 'UNREACHABLE' });
  }
  if (!isEnvelope(envelope)) fail(name, { code: 'INTERNAL' });
  if (!envelope.ok) fail(name, envelope.error);
  return envelope.value as CallOutput<N>;
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => {
    // A payload the contract does not describe is dropped rather than half-understood.
    const parsed = events[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Session-wide reactions (a lock or a lost session seen through any call) hook in here. */
export function onCallProblem(listener: ProblemListener): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}
