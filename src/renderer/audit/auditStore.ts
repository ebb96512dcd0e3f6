/** The audit log, newest first, paged backwards by entry id, and the chain's verdict. */
import { create } from 'zustand';
import type { AuditEntry, AuditVerdict } from '../../shared/schemas';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

export const AUDIT_PAGE = 50;

interface AuditState {
  entries: AuditEntry[];
  /** True once a page came back shorter than asked: the first entry is on screen. */
  reachedStart: boolean;
  loading: boolean;
  problem: Problem | null;
  verdict: AuditVerdict | null;
  verifying: boolean;
  verifyProblem: Problem | null;
  loadLatest(): Promise<void>;
  loadOlder(): Promise<void>;
  verify(): Promise<void>;
  forget(): void;
}

const empty = {
  entries: [],
  reachedStart: false,
  loading: false,
  problem: null,
  verdict: null,
  verifying: false,
  verifyProblem: null,
};

export const useAudit = create<AuditState>()((set, get) => {
  async function page(beforeId: number | undefined, previous: AuditEntry[]) {
    set({ loading: true, problem: null });
    try {
      const { entries } = await invoke('audit.list', beforeId === undefined ? { limit: AUDIT_PAGE } : { beforeId, limit: AUDIT_PAGE });
      set({ entries: [...previous, ...entries], reachedStart: entries.length < AUDIT_PAGE, loading: false });
    } catch (error) {
      set({ loading: false, problem: toProblem(error) });
    }
  }
  return {
    ...empty,
    loadLatest: () => page(undefined, []),
    async loadOlder() {
      const { entries } = get();
      const oldest = entries[entries.length - 1];
      if (oldest) await page(oldest.id, entries);
    },
    async verify() {
      set({ verifying: true, verdict: null, verifyProblem: null });
      try {
        set({ verdict: await invoke('audit.verify', {}), verifying: false });
      } catch (error) {
        set({ verifying: false, verifyProblem: toProblem(error) });
      }
    },
    forget() {
      set(empty);
    },
  };
});

whenSessionCloses(() => useAudit.getState().forget());
