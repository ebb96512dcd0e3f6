/**
 * The service choice: what the operator types, the acts that match (offered or not, with the
 * reason), the highlighted line, and the language of the applicant's documents.
 */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import type { CatalogEntry, DocumentLocale } from '../../shared/cases';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

type Found = CallOutput<'catalog.search'>;

interface CatalogState {
  query: string;
  entries: CatalogEntry[] | null;
  problems: Found['problems'];
  today: string | null;
  highlighted: number;
  documentLocale: DocumentLocale;
  loading: boolean;
  problem: Problem | null;
  setQuery(query: string): void;
  search(query: string): Promise<void>;
  move(by: number): void;
  highlight(index: number): void;
  setDocumentLocale(locale: DocumentLocale): void;
  reset(documentLocale: DocumentLocale): void;
}

const firstOpenable = (entries: CatalogEntry[]) => Math.max(0, entries.findIndex((e) => e.openable));

// Answers can arrive out of order while the operator types; only the last question's counts.
let asked = 0;

export const useCatalog = create<CatalogState>()((set, get) => ({
  query: '',
  entries: null,
  problems: [],
  today: null,
  highlighted: 0,
  documentLocale: 'kk',
  loading: false,
  problem: null,

  setQuery(query) {
    set({ query });
  },
  async search(query) {
    const mine = ++asked;
    set({ loading: true, problem: null });
    try {
      const found = await invoke('catalog.search', { query: query.slice(0, 100) });
      if (mine !== asked) return;
      set({ entries: found.entries, problems: found.problems, today: found.today, highlighted: firstOpenable(found.entries), loading: false });
    } catch (error) {
      if (mine !== asked) return;
      set({ loading: false, problem: toProblem(error) });
    }
  },
  move(by) {
    const entries = get().entries ?? [];
    if (!entries.length) return;
    set({ highlighted: (get().highlighted + by + entries.length) % entries.length });
  },
  highlight(index) {
    set({ highlighted: index });
  },
  setDocumentLocale(documentLocale) {
    set({ documentLocale });
  },
  reset(documentLocale) {
    set({ query: '', highlighted: 0, documentLocale, problem: null });
  },
}));

whenSessionCloses(() => useCatalog.setState({ query: '', entries: null, problem: null }));
