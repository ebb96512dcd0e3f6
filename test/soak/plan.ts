/**
 * The soak's day, decided before it starts, so the parent can reconcile what the core recorded
 * against what the driver was told to do — the driver's "registry" is this plan, not a log a
 * kill could cut short. Tickets are served in the order they were issued; the last tenth is
 * never called (unserved at close), and cases are spread evenly over the rest, the others being
 * no-shows.
 */
export type Fate = 'case' | 'noShow' | 'unserved';

export interface DayPlan {
  tickets: number;
  cases: number;
  /** Tickets still waiting when the day is closed. */
  unserved: number;
  fate(i: number): Fate;
  /** Which case (0-based, in opening order) ticket `i` opens. */
  caseIndex(i: number): number;
  /** Every tenth case's applicant is in no register: it ends in the process-4 refusal. */
  refused(caseIndex: number): boolean;
}

export function dayPlan(tickets: number, cases: number): DayPlan {
  const unserved = Math.max(1, Math.round(tickets / 10));
  const called = tickets - unserved;
  if (cases > called) throw new Error(`${cases} cases need more than ${called} called tickets`);
  // Ticket i opens a case when the even spread of `cases` over `called` steps past an integer at i.
  const casesBefore = (i: number) => Math.floor((i * cases) / called);
  return {
    tickets,
    cases,
    unserved,
    fate: (i) => (i >= called ? 'unserved' : casesBefore(i + 1) > casesBefore(i) ? 'case' : 'noShow'),
    caseIndex: (i) => casesBefore(i),
    refused: (c) => c % 10 === 9,
  };
}

/** Ticket numbers are … in issue order (one group, one day). */
export const ticketIndex = (number: string) => Number(number.split('-')[1]) - 1;
