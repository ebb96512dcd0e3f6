import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import type { OperatorRecord } from '../auth/operatorStore';
import type { Session } from '../auth/sessions';

export interface HandlerContext {
  clientId: string;
  /** The client's session, present when the call's access is not 'public' (checked before). */
  session: Session | undefined;
  operator: OperatorRecord | undefined;
}

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: HandlerContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** One handler per call name: a call added to the contract without a handler does not compile. */
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<N extends CallName> = { [K in N]: Handler<K> };
