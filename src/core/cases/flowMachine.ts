/**
 * A channel of a regulation as an XState machine: one state per step, 'COMPLETE' to finish a
 * process, 'ANSWER' with yes/no for a condition, and two final states for the flow's two ends.
 * The machine is used through XState's pure `transition`, so the engine decides nothing by
 * itself: a step sent out of order finds no transition, and the case stays where it was.
 */
import { createMachine, transition, type AnyStateMachine } from 'xstate';
import { ENDED_WITH_REFUSAL, ENDED_WITH_RESULT } from '../../shared/cases';
import type { Channel, Step } from '../../shared/regulation';

export type FlowEvent = { type: 'COMPLETE' } | { type: 'ANSWER'; yes: boolean };

/** Where 'end' leads for a step: a process says which end it is; a condition's end is a refusal. */
function endState(step: Step): string {
  return step.kind === 'process' && step.ends === 'result' ? ENDED_WITH_RESULT : ENDED_WITH_REFUSAL;
}
const target = (step: Step, to: string) => (to === 'end' ? endState(step) : to);

export function flowMachine(id: string, channel: Channel): AnyStateMachine {
  const states: Record<string, object> = {
    [ENDED_WITH_RESULT]: { type: 'final' },
    [ENDED_WITH_REFUSAL]: { type: 'final' },
  };
  for (const step of channel.steps) {
    states[step.id] =
      step.kind === 'condition'
        ? {
            on: {
              ANSWER: [
                { guard: ({ event }: { event: FlowEvent }) => event.type === 'ANSWER' && event.yes, target: target(step, step.ifYes) },
                { target: target(step, step.ifNo) },
              ],
            },
          }
        : { on: { COMPLETE: { target: target(step, step.next) } } };
  }
  return createMachine({ id, initial: channel.steps[0]!.id, states } as never);
}

// The machines have no context and no actions: a transition depends only on (state, event), so
// each is computed by XState once and remembered.
const remembered = new WeakMap<AnyStateMachine, Map<string, string | null>>();

/** The state after an event, or null when the event does not apply where the flow stands. */
export function nextState(machine: AnyStateMachine, from: string, event: FlowEvent): string | null {
  let memo = remembered.get(machine);
  if (!memo) remembered.set(machine, (memo = new Map()));
  const key = `${from}|${event.type}|${event.type === 'ANSWER' ? event.yes : ''}`;
  if (!memo.has(key)) memo.set(key, computeNext(machine, from, event));
  return memo.get(key)!;
}

function computeNext(machine: AnyStateMachine, from: string, event: FlowEvent): string | null {
  const snapshot = machine.resolveState({ value: from, context: {} });
  const [next] = transition(machine, snapshot, event as never);
  const value = String(next.value);
  // No act leads a step back to itself, so staying put means the event did not apply.
  return value === from ? null : value;
}

export const isEnded = (state: string) => state === ENDED_WITH_RESULT || state === ENDED_WITH_REFUSAL;

/**
 * Every path through a channel, for each combination of condition answers: the engine's walk,
 * checked in the tests against the paths written by hand from the act.
 */
export function walkAll(channel: Channel): { answers: Record<string, boolean>; steps: string[]; ends: 'result' | 'refusal' }[] {
  const machine = flowMachine('walk', channel);
  const byId = new Map(channel.steps.map((s) => [s.id, s]));
  const paths: { answers: Record<string, boolean>; steps: string[]; ends: 'result' | 'refusal' }[] = [];
  const explore = (state: string, steps: string[], answers: Record<string, boolean>) => {
    if (isEnded(state)) {
      paths.push({ answers, steps, ends: state === ENDED_WITH_RESULT ? 'result' : 'refusal' });
      return;
    }
    if (steps.includes(state)) throw new Error(`the flow loops at ${state}`);
    const step = byId.get(state)!;
    const walked = [...steps, state];
    if (step.kind === 'condition') {
      for (const yes of [true, false]) {
        const next = nextState(machine, state, { type: 'ANSWER', yes });
        if (next) explore(next, walked, { ...answers, [state]: yes });
      }
    } else {
      const next = nextState(machine, state, { type: 'COMPLETE' });
      if (next) explore(next, walked, answers);
    }
  };
  explore(channel.steps[0]!.id, [], {});
  return paths;
}
