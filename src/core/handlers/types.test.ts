/**
 * The handler context is typed by the call's access rule. These checks are the compiler's
 * (`npm run typecheck` covers src/core): the file stops compiling if a public call's handler can
 * reach an operator, or a session or roles call's handler has to assert one. At run time the
 * type assertions do nothing.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { OperatorRecord } from '../auth/operatorStore';
import type { Session } from '../auth/sessions';
import type { Handler, HandlerContext, HandlerGroup, OperatorContext, PublicContext } from './types';

type Audit = (actorId: number) => void;

/** How the real handlers use an operator-only call's context: no `!`. */
function windowGroup(audit: Audit): HandlerGroup<'queue.closeDay'> {
  return {
    'queue.closeDay': (_input, ctx) => {
      audit(ctx.operator.id);
      return { unserved: 0 };
    },
  };
}

/** The mistake the typing exists to stop: a handler that needs an operator, declared for a public call. */
function kioskGroup(audit: Audit): HandlerGroup<'queue.issue'> {
  return {
    'queue.issue': (_input, ctx) => {
      // @ts-expect-error 'queue.issue' is public: its context has no operator to read
      audit(ctx.operator.id);
      throw new Error('never called');
    },
  };
}

describe('the handler context, typed by the call’s access', () => {
  it('gives a session or roles call its operator and session, not null', () => {
    expectTypeOf<HandlerContext<'auth.touch'>>().toEqualTypeOf<OperatorContext>();
    expectTypeOf<HandlerContext<'operators.create'>['operator']>().toEqualTypeOf<OperatorRecord>();
    expectTypeOf<HandlerContext<'queue.pause'>['session']>().toEqualTypeOf<Session>();
    expectTypeOf(windowGroup).returns.toExtend<HandlerGroup<'queue.closeDay'>>();
  });

  it('gives a public call no operator, and the session only if the client has one', () => {
    expectTypeOf<HandlerContext<'branch.status'>>().toEqualTypeOf<PublicContext>();
    expectTypeOf<HandlerContext<'auth.logout'>['operator']>().toEqualTypeOf<undefined>();
    expectTypeOf<HandlerContext<'auth.logout'>['session']>().toEqualTypeOf<Session | undefined>();
    expectTypeOf(kioskGroup).toBeFunction();
  });

  it('refuses a handler that needs an operator where the call is public', () => {
    const needsOperator = (_input: unknown, _ctx: OperatorContext) => ({ done: true as const });
    expectTypeOf(needsOperator).toExtend<Handler<'auth.lock'>>();
    expectTypeOf(needsOperator).not.toExtend<Handler<'auth.logout'>>();
  });
});
