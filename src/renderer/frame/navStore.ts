/** Which section of the workstation is open, and who may open which. */
import { create } from 'zustand';
import type { Role } from '../../shared/schemas';
import { useSession } from '../session/sessionStore';

const CASE_ROLES: readonly Role[] = ['operator', 'supervisor', 'trainer'];

export const SECTIONS = ['home', 'queue', 'cases', 'toIssue', 'gateway', 'queueStats', 'reports', 'training', 'operators', 'audit', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

const ALLOWED: Record<Section, readonly Role[]> = {
  home: ['operator', 'supervisor', 'trainer', 'admin'],
  // Administrators manage accounts; serving applicants is for those at the counter.
  cases: CASE_ROLES,
  // Results and refusals to hand over when the applicant comes back.
  toIssue: CASE_ROLES,
  // The link to the state systems concerns everyone; only those who serve send a request again.
  gateway: ['operator', 'supervisor', 'trainer', 'admin'],
  // The window's queue is worked by those who serve; its figures are for supervisors and administrators.
  queue: CASE_ROLES,
  queueStats: ['supervisor', 'admin'],
  // What the acts hold the branch to: norms, refusals, the survey, the queue — for those who answer for it.
  reports: ['supervisor', 'admin'],
  // The trainer's scenarios and the runs watched live (the calls answer in training mode only).
  training: ['trainer'],
  operators: ['admin'],
  audit: ['admin', 'supervisor'],
  settings: ['admin'],
};

export function mayWorkCases(role: Role): boolean {
  return CASE_ROLES.includes(role);
}

export function sectionsFor(role: Role): Section[] {
  return SECTIONS.filter((section) => ALLOWED[section].includes(role));
}

interface NavState {
  section: Section;
  go(section: Section): void;
}

export const useNav = create<NavState>()((set) => ({
  section: 'home',
  go: (section) => set({ section }),
}));

// The next operator at this counter starts on the home page, not where the last one left off.
useSession.subscribe((state, previous) => {
  if (previous.session && !state.session) useNav.getState().go('home');
});
