/**
 * A handler's context is typed by its call's access rule in the contract: the dispatcher checks
 * the rule before the handler runs (dispatch.ts), so a handler behind a session or roles is
 * given the operator as a fact, and a public call's handler cannot reach for one.
 */
import type { Access, CallName, CallOutput, Calls, ParsedInput } from '../../shared/contract';
import type { OperatorRecord } from '../auth/operatorStore';
import type { Session } from '../auth/sessions';

/**
 * Anyone may make a public call — the kiosk, the board, the login screen. The client's session,
 * if it has one, is passed for the calls that act on it (unlock, change the password); whose it
 * is, the handler looks up itself: nothing about it was checked.
 */
export interface PublicContext {
  clientId: string;
  session: Session | undefined;
  operator?: undefined;
}

/** A session's or some roles' call: the session is live and unlocked, its operator enabled and allowed. */
export interface OperatorContext {
  clientId: string;
  session: Session;
  operator: OperatorRecord;
}

export type ContextFor<A extends Access> = A extends 'public' ? PublicContext : OperatorContext;

/** The context of call N's handler; without N, of any call's (what the training watch is told). */
export type HandlerContext<N extends CallName = CallName> = ContextFor<Calls[N]['access']>;

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: HandlerContext<N>,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** One handler per call name: a call added to the contract without a handler does not compile. */
export type Handlers = { [N in CallName]: Handler<N> };
export type HandlerGroup<N extends CallName> = { [K in N]: Handler<K> };
