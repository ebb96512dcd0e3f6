/**
 * The trainer's "start for a trainee" form, checked before it is sent. There is no call that lists
 * the operator accounts to a trainer (that is the administrator's), so the trainee is named by
 * login: the same rules as the account's login, and the core answers whether the account exists.
 */
import { Login } from '../../shared/schemas';
import { WindowName } from '../../shared/queue';
import type { MessageKey } from '../i18n/catalog';

export interface StartValues {
  trainee: string;
  window: string;
}

export type StartErrors = Partial<Record<keyof StartValues, MessageKey>>;

export function checkStart(values: StartValues): StartErrors {
  const errors: StartErrors = {};
  const login = values.trainee.trim();
  if (login === '') errors.trainee = 'reason.required';
  else if (!Login.safeParse(login).success) {
    errors.trainee = login.length < 3 ? 'reason.tooShort' : login.length > 64 ? 'reason.tooLong' : 'reason.login.charset';
  }
  // The window is optional: without one the trainee works at the window their queue panel has.
  if (values.window.trim() !== '' && !WindowName.safeParse(values.window).success) errors.window = 'training.start.windowInvalid';
  return errors;
}

/** The call's input: the login as accounts store it (lower case), the window only when given. */
export function startInput(scenarioId: string, values: StartValues): { scenarioId: string; trainee: string; window?: string } {
  const window = values.window.trim();
  return { scenarioId, trainee: values.trainee.trim().toLowerCase(), ...(window ? { window } : {}) };
}
