/**
 * Cases at this counter: today's list, the one case on screen with its act, the documents handed
 * to the applicant, and the operator's actions along the act's counter flow. Every action goes
 * to the core with the version the screen last saw; when the case moved on elsewhere, the screen
 * reloads it and says so instead of acting on a stale picture. When a case moves without the
 * operator (an answer from the state systems), the screen showing it and the lists read it again.
 */
import { create } from 'zustand';
import type { CallInput, CallName } from '../../shared/contract';
import type { CaseStatus, CaseSummary, CaseView, DocumentKind, DocumentLocale, PrintedDocument } from '../../shared/cases';
import type { Regulation } from '../../shared/regulation';
import { invoke } from '../client/client';
import { coalesce } from '../client/coalesce';
import { toProblem, type Problem } from '../client/problem';
import { useSession, whenSessionCloses } from '../session/sessionStore';

export type CasesScreen =
  | { kind: 'list' }
  | { kind: 'choose' }
  | { kind: 'case'; caseId: number }
  | { kind: 'document'; caseId: number; document: DocumentKind };

/** The request form as typed so far: kept here so the training panel can fill it and F1 keeps it. */
export interface RequestDraft {
  applicantIin: string;
  withRepresentative: boolean;
  representativeIin: string;
  representativeName: string;
  poaKind: 'notarised' | 'otherCertified';
  poaNumber: string;
  /** As typed: dd.mm.yyyy. */
  poaDate: string;
  notary: string;
  certifiedBy: string;
}

export const EMPTY_DRAFT: RequestDraft = {
  applicantIin: '',
  withRepresentative: false,
  representativeIin: '',
  representativeName: '',
  poaKind: 'notarised',
  poaNumber: '',
  poaDate: '',
  notary: '',
  certifiedBy: '',
};

/** Problems that mean "the screen is behind the core": reload and show where the case really is. */
const STALE = new Set(['CASE_CHANGED', 'STEP_OUT_OF_ORDER', 'ALREADY_DONE']);

type CaseCall = Extract<
  CallName,
  'cases.handOver' | 'cases.submitForm' | 'cases.forward' | 'cases.issue' | 'cases.refresh' | 'cases.survey' | 'cases.handOverRefusal'
>;

interface CasesState {
  screen: CasesScreen;
  /** Where Esc on the service choice returns to: a screen of this section, or another section. */
  chooseFrom: CasesScreen;
  chooseBack: (() => void) | null;

  tab: CaseStatus;
  today: CaseSummary[] | null;
  listLoading: boolean;
  listProblem: Problem | null;
  find: string;
  found: CaseSummary[] | null;
  /** Results ready to issue and refusals waiting for the applicant to collect. */
  toIssue: CaseSummary[] | null;
  toIssueProblem: Problem | null;

  current: CaseView | null;
  caseLoading: boolean;
  /** Loading the case failed. */
  caseProblem: Problem | null;
  /** The last action failed for a reason that is not a field (the link, a stale screen). */
  actionProblem: Problem | null;
  busy: boolean;
  regulations: Record<string, Regulation>;
  documents: Record<string, PrintedDocument>;
  documentProblem: Problem | null;
  draft: RequestDraft;

  showList(): void;
  /** Opens the service choice; `back` leads to the section it was opened from, if not this one. */
  choose(back?: () => void): void;
  cancelChoose(): void;
  openCase(caseId: number): void;
  openDocument(caseId: number, document: DocumentKind): void;
  setTab(tab: CaseStatus): void;
  loadToday(): Promise<void>;
  search(find: string): Promise<void>;
  clearFind(): void;
  loadCase(caseId: number): Promise<void>;
  /** The case on screen read again without disturbing it (an answer came, a message was retried). */
  reloadCase(): Promise<void>;
  /** The core says a case moved without the operator. */
  caseChanged(caseId: number): void;
  loadToIssue(): Promise<void>;
  regulation(id: string): Promise<Regulation | null>;
  loadDocument(caseId: number, kind: DocumentKind): Promise<void>;
  setDraft(patch: Partial<RequestDraft>): void;

  start(regulationId: string, documentLocale: DocumentLocale): Promise<Problem | null>;
  handOver(documents: string[]): Promise<Problem | null>;
  submitForm(input: Omit<CallInput<'cases.submitForm'>, 'caseId' | 'version'>): Promise<Problem | null>;
  forward(documents?: string[]): Promise<Problem | null>;
  issue(): Promise<Problem | null>;
  refresh(): Promise<Problem | null>;
  survey(processQuality: 1 | 2 | 3, informationQuality: 1 | 2 | 3): Promise<Problem | null>;
  /** The applicant collected the refusal produced while they were away. */
  handOverRefusal(): Promise<Problem | null>;
  dismissActionProblem(): void;
  forget(): void;
}

export const documentKey = (caseId: number, kind: DocumentKind) => `${caseId}:${kind}`;

const personal = {
  today: null,
  find: '',
  found: null,
  toIssue: null,
  toIssueProblem: null,
  listProblem: null,
  current: null,
  caseProblem: null,
  actionProblem: null,
  documents: {},
  documentProblem: null,
  draft: EMPTY_DRAFT,
} satisfies Partial<CasesState>;

export const useCases = create<CasesState>()((set, get) => {
  /** Runs one of the operator's actions on the open case; a field problem goes back to the form. */
  async function perform<N extends CaseCall>(
    name: N,
    input: (view: CaseView) => CallInput<N>,
    after?: (view: CaseView, before: CaseView) => void,
  ): Promise<Problem | null> {
    const before = get().current;
    if (!before || get().busy) return null;
    set({ busy: true, actionProblem: null });
    try {
      const view = (await invoke(name, input(before))) as CaseView;
      set({ current: view, busy: false });
      after?.(view, before);
      return null;
    } catch (error) {
      const problem = toProblem(error);
      set({ busy: false });
      if (problem.code === 'VALIDATION') return problem;
      set({ actionProblem: problem });
      if (STALE.has(problem.code)) await get().loadCase(before.id);
      return null;
    }
  }

  /** The case on screen (or its document) as the core has it now; a newer answer already shown stays. */
  const reloadShown = coalesce(async () => {
    const screen = get().screen;
    if (screen.kind !== 'case' && screen.kind !== 'document') return;
    try {
      const view = await invoke('cases.get', { caseId: screen.caseId });
      const now = get().current;
      const still = get().screen;
      if (!('caseId' in still) || still.caseId !== view.id) return;
      if (now && now.id === view.id && now.version > view.version) return;
      set({ current: view });
    } catch {
      // The next push, or the operator's next action, reads it again.
    }
  });
  const reloadToday = coalesce(() => get().loadToday());
  const reloadFound = coalesce(() => get().search(get().find));
  const reloadToIssue = coalesce(() => get().loadToIssue());

  return {
    screen: { kind: 'list' },
    chooseFrom: { kind: 'list' },
    chooseBack: null,
    tab: 'inProgress',
    listLoading: false,
    caseLoading: false,
    busy: false,
    regulations: {},
    ...personal,

    showList() {
      set({ screen: { kind: 'list' }, actionProblem: null });
    },
    choose(back) {
      const from = get().screen;
      if (from.kind === 'choose') {
        if (back) set({ chooseBack: back });
        return;
      }
      set({ screen: { kind: 'choose' }, chooseFrom: from, chooseBack: back ?? null });
    },
    cancelChoose() {
      const { chooseBack, chooseFrom } = get();
      set({ screen: chooseBack ? { kind: 'list' } : chooseFrom, chooseBack: null });
      chooseBack?.();
    },
    openCase(caseId) {
      if (get().current?.id !== caseId) set({ current: null, draft: EMPTY_DRAFT });
      set({ screen: { kind: 'case', caseId }, actionProblem: null });
    },
    openDocument(caseId, document) {
      set({ screen: { kind: 'document', caseId, document }, documentProblem: null });
    },
    setTab(tab) {
      set({ tab });
    },

    async loadToday() {
      set({ listLoading: true, listProblem: null });
      try {
        const { cases } = await invoke('cases.list', {});
        set({ today: cases, listLoading: false });
        for (const id of new Set(cases.map((c) => c.regulationId))) void get().regulation(id);
      } catch (error) {
        set({ listLoading: false, listProblem: toProblem(error) });
      }
    },
    async search(find) {
      const text = find.trim();
      set({ find: text });
      if (!text) {
        set({ found: null });
        return;
      }
      set({ listLoading: true, listProblem: null });
      try {
        const { cases } = await invoke('cases.list', { find: text });
        set({ found: cases, listLoading: false });
        for (const id of new Set(cases.map((c) => c.regulationId))) void get().regulation(id);
      } catch (error) {
        set({ listLoading: false, listProblem: toProblem(error) });
      }
    },
    clearFind() {
      set({ find: '', found: null });
    },

    async loadCase(caseId) {
      set({ caseLoading: true, caseProblem: null });
      try {
        // cases.get leaves an audit row: the applicant's data is on the screen now.
        const view = await invoke('cases.get', { caseId });
        await get().regulation(view.regulationId);
        set({ current: view, caseLoading: false });
      } catch (error) {
        set({ caseLoading: false, caseProblem: toProblem(error) });
      }
    },
    reloadCase: reloadShown,
    caseChanged(caseId) {
      const { screen, current, documents } = get();
      const shown = (screen.kind === 'case' || screen.kind === 'document') && screen.caseId === caseId;
      // Its documents change too (a pending receipt gets its registration number): the one on screen
      // is read again at once, the others when next opened.
      const onScreen = screen.kind === 'document' && shown ? screen.document : null;
      const kept = Object.entries(documents).filter(([key]) => !key.startsWith(`${caseId}:`) || (onScreen && key === documentKey(caseId, onScreen)));
      set({ documents: Object.fromEntries(kept) });
      if (onScreen) void get().loadDocument(caseId, onScreen);
      if (shown) void reloadShown();
      // Not on screen: the copy in memory is stale, so opening the case reads it afresh.
      else if (current?.id === caseId) set({ current: null });
      if (get().today) void reloadToday();
      if (get().found) void reloadFound();
      if (get().toIssue) void reloadToIssue();
    },
    async loadToIssue() {
      set({ toIssueProblem: null });
      try {
        const { cases } = await invoke('cases.toIssue', {});
        set({ toIssue: cases });
        for (const id of new Set(cases.map((c) => c.regulationId))) void get().regulation(id);
      } catch (error) {
        set({ toIssueProblem: toProblem(error) });
      }
    },
    async regulation(id) {
      const known = get().regulations[id];
      if (known) return known;
      try {
        const regulation = await invoke('catalog.regulation', { id });
        set({ regulations: { ...get().regulations, [id]: regulation } });
        return regulation;
      } catch {
        return null;
      }
    },
    async loadDocument(caseId, kind) {
      set({ documentProblem: null });
      try {
        const document = await invoke('cases.document', { caseId, kind });
        set({ documents: { ...get().documents, [documentKey(caseId, kind)]: document } });
      } catch (error) {
        set({ documentProblem: toProblem(error) });
      }
    },
    setDraft(patch) {
      set({ draft: { ...get().draft, ...patch } });
    },

    async start(regulationId, documentLocale) {
      set({ busy: true, actionProblem: null });
      try {
        const [view] = await Promise.all([invoke('cases.start', { regulationId, documentLocale }), get().regulation(regulationId)]);
        set({ busy: false, current: view, draft: EMPTY_DRAFT, screen: { kind: 'case', caseId: view.id } });
        return null;
      } catch (error) {
        set({ busy: false });
        return toProblem(error);
      }
    },
    handOver(documents) {
      return perform('cases.handOver', (v) => ({ caseId: v.id, version: v.version, documents }));
    },
    submitForm(input) {
      return perform('cases.submitForm', (v) => ({ caseId: v.id, version: v.version, ...input }), () => set({ draft: EMPTY_DRAFT }));
    },
    forward(documents) {
      return perform(
        'cases.forward',
        (v) => ({ caseId: v.id, version: v.version, ...(documents ? { documents } : {}) }),
        // The receipt is the applicant's proof: it opens for printing at once.
        (view) => {
          if (view.documents.some((d) => d.kind === 'receipt')) get().openDocument(view.id, 'receipt');
        },
      );
    },
    issue() {
      return perform(
        'cases.issue',
        (v) => ({ caseId: v.id, version: v.version }),
        (view) => {
          if (view.documents.some((d) => d.kind === 'issuance')) get().openDocument(view.id, 'issuance');
        },
      );
    },
    refresh() {
      return perform('cases.refresh', (v) => ({ caseId: v.id }));
    },
    survey(processQuality, informationQuality) {
      return perform('cases.survey', (v) => ({ caseId: v.id, processQuality, informationQuality }));
    },
    handOverRefusal() {
      return perform('cases.handOverRefusal', (v) => ({ caseId: v.id, version: v.version }));
    },
    dismissActionProblem() {
      set({ actionProblem: null });
    },
    forget() {
      // The screen may stay (unlocking returns to it); the applicant's data may not.
      set({ ...personal, busy: false, listLoading: false, caseLoading: false });
    },
  };
});

whenSessionCloses(() => useCases.getState().forget());

// The next operator at this counter starts on the list, not inside the last one's case.
useSession.subscribe((state, previous) => {
  if (previous.session && !state.session) useCases.setState({ screen: { kind: 'list' }, chooseFrom: { kind: 'list' }, chooseBack: null });
});
