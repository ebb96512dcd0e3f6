/**
 * A refusal's reason as the reports count it, one rule for the counter's own report and for the
 * case the counter sends to the branch. A refusal from the state databases (the notice that the
 * data cannot be obtained) stores no reason of its own: its reason is what the notice says — the
 * applicant not in ЖТ МДҚ, or the power of attorney not in БНАЖ.
 */
import { WORDS } from '../documents/words';

export interface RefusedCase {
  refusalReason: { kk: string; ru: string } | null;
  outcome: 'result' | 'refusal' | null;
  checks: { personFound?: boolean; powerOfAttorneyFound?: boolean };
}

export function refusalReasonOf(k: RefusedCase): { kk: string; ru: string } | null {
  if (k.refusalReason) return k.refusalReason;
  if (k.outcome !== 'refusal') return null;
  if (k.checks.personFound === false) return { kk: WORDS.kk.notFoundPerson, ru: WORDS.ru.notFoundPerson };
  if (k.checks.powerOfAttorneyFound === false) return { kk: WORDS.kk.notFoundPowerOfAttorney, ru: WORDS.ru.notFoundPowerOfAttorney };
  return null;
}
