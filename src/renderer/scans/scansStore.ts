/**
 * The scans of the case on screen: its pages by the act's required documents, the checklist of
 * what is still missing, and whether the signature has fixed them. Files are added one after
 * another in the order chosen; a file the core refuses stays listed with the reason until the
 * operator dismisses it. The core's `scans.changed` (a page from the scanner's folder) reads the
 * open case's scans again.
 */
import { create } from 'zustand';
import type { z } from 'zod';
import type { CaseScans, ScanCapabilities, ScanSource, ScanView } from '../../shared/scans';
import { invoke } from '../client/client';
import { coalesce } from '../client/coalesce';
import { CallFailed, toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';
import { movedOrder, pagesOf, precheckFile, withScan } from './scanLogic';
import { uploadScan } from './upload';

/** A file as the picker, a drop or the camera hands it over. */
export interface ScanFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file being sent, or one the core refused (kept with its reason until dismissed). */
export interface UploadRow {
  key: string;
  caseId: number;
  documentId: string;
  name: string;
  size: number;
  state: 'sending' | 'refused';
  problem: Problem | null;
}

interface ScansState {
  byCase: Record<number, CaseScans>;
  /** The case whose scans are on screen: pushes for it read them again. */
  open: number | null;
  loading: boolean;
  loadProblem: Problem | null;
  capabilities: z.output<typeof ScanCapabilities> | null;
  uploads: UploadRow[];
  /** Pages being rotated, moved or removed. */
  changing: ReadonlySet<number>;
  /** The last rotation, move or removal refused (the request signed meanwhile, the link to the core lost). */
  actionProblem: Problem | null;
  scanning: string | null;

  /** The case's scans are on screen: load them, follow the pushes, until the returned stop. */
  watch(caseId: number): () => void;
  load(caseId: number): Promise<void>;
  /** The core says the case's scans changed. */
  changed(caseId: number): void;
  loadCapabilities(): Promise<void>;
  /** Sends the files in order; each one's problem, or null when it was added. */
  addFiles(caseId: number, documentId: string, files: readonly ScanFile[], source?: ScanSource): Promise<(Problem | null)[]>;
  fromScanner(caseId: number, documentId: string): Promise<void>;
  rotate(scan: ScanView, rotation: ScanView['rotation']): Promise<ScanView | null>;
  move(caseId: number, scan: ScanView, delta: -1 | 1): Promise<boolean>;
  remove(scan: ScanView): Promise<boolean>;
  dismissUpload(key: string): void;
  dismissActionProblem(): void;
  forget(): void;
}

let uploadSeq = 0;

export const useScans = create<ScansState>()((set, get) => {
  const reloadOpen = coalesce(async () => {
    const caseId = get().open;
    if (caseId !== null) await get().load(caseId);
  });

  function keep(caseId: number, data: CaseScans) {
    set({ byCase: { ...get().byCase, [caseId]: data } });
  }

  function updateUpload(key: string, patch: Partial<UploadRow> | null) {
    set({ uploads: patch ? get().uploads.map((u) => (u.key === key ? { ...u, ...patch } : u)) : get().uploads.filter((u) => u.key !== key) });
  }

  /** A change to pages refused: say why, and read the scans again (the request may be signed now). */
  function refused(error: unknown, caseId: number | undefined): void {
    set({ actionProblem: toProblem(error) });
    if (caseId !== undefined && caseId === get().open) void reloadOpen();
  }

  async function changing<T>(scanId: number, action: () => Promise<T>): Promise<T> {
    set({ changing: new Set(get().changing).add(scanId), actionProblem: null });
    try {
      return await action();
    } finally {
      const next = new Set(get().changing);
      next.delete(scanId);
      set({ changing: next });
    }
  }

  return {
    byCase: {},
    open: null,
    loading: false,
    loadProblem: null,
    capabilities: null,
    uploads: [],
    changing: new Set(),
    actionProblem: null,
    scanning: null,

    watch(caseId) {
      if (get().open !== caseId) set({ open: caseId, loadProblem: null, actionProblem: null, uploads: get().uploads.filter((u) => u.caseId === caseId) });
      void get().load(caseId);
      if (!get().capabilities) void get().loadCapabilities();
      return () => {
        if (get().open === caseId) set({ open: null });
      };
    },
    async load(caseId) {
      set({ loading: true });
      try {
        const data = await invoke('scans.list', { caseId });
        keep(caseId, data);
        if (get().open === caseId) set({ loadProblem: null });
      } catch (error) {
        if (get().open === caseId) set({ loadProblem: toProblem(error) });
      } finally {
        set({ loading: false });
      }
    },
    changed(caseId) {
      if (caseId === get().open) void reloadOpen();
      else if (get().byCase[caseId]) {
        // Not on screen: the copy in memory is stale, so showing the case reads it afresh.
        const { [caseId]: _stale, ...rest } = get().byCase;
        set({ byCase: rest });
      }
    },
    async loadCapabilities() {
      try {
        set({ capabilities: await invoke('scans.capabilities', {}) });
      } catch {
        // Without an answer the scanner button stays hidden; files and the camera still work.
      }
    },
    async addFiles(caseId, documentId, files, source = 'file') {
      const rows: UploadRow[] = files.map((file) => ({
        key: `u${++uploadSeq}`,
        caseId,
        documentId,
        name: file.name,
        size: file.size,
        state: 'sending',
        problem: null,
      }));
      set({ uploads: [...get().uploads, ...rows] });
      const results: (Problem | null)[] = [];
      // One after another, so the pages come in the order the files were chosen.
      for (const [index, file] of files.entries()) {
        const row = rows[index] as UploadRow;
        const early = precheckFile(file.size);
        let problem: Problem | null = early ? { code: 'VALIDATION', issues: [{ path: 'content', reason: early }] } : null;
        if (!problem) {
          try {
            await uploadScan(caseId, documentId, source, new Uint8Array(await file.arrayBuffer()));
            if (caseId === get().open) void reloadOpen();
          } catch (error) {
            problem = error instanceof CallFailed ? error.problem : { code: 'INTERNAL' };
          }
        }
        updateUpload(row.key, problem && { state: 'refused', problem });
        results.push(problem);
      }
      return results;
    },
    async fromScanner(caseId, documentId) {
      if (get().scanning) return;
      set({ scanning: documentId, actionProblem: null });
      try {
        await invoke('scans.fromScanner', { caseId, documentId });
        if (caseId === get().open) await reloadOpen();
      } catch (error) {
        set({ actionProblem: toProblem(error) });
      } finally {
        set({ scanning: null });
      }
    },
    rotate(scan, rotation) {
      return changing(scan.id, async () => {
        try {
          const turned = await invoke('scans.rotate', { scanId: scan.id, rotation });
          const data = get().byCase[scan.caseId];
          if (data) keep(scan.caseId, withScan(data, turned));
          return turned;
        } catch (error) {
          refused(error, scan.caseId);
          return null;
        }
      });
    },
    move(caseId, scan, delta) {
      const data = get().byCase[caseId];
      const order = data ? movedOrder(pagesOf(data.scans, scan.documentId), scan.id, delta) : null;
      if (!order) return Promise.resolve(false);
      return changing(scan.id, async () => {
        try {
          keep(caseId, await invoke('scans.reorder', { caseId, documentId: scan.documentId, order }));
          return true;
        } catch (error) {
          refused(error, caseId);
          return false;
        }
      });
    },
    remove(scan) {
      return changing(scan.id, async () => {
        try {
          keep(scan.caseId, await invoke('scans.remove', { scanId: scan.id }));
          return true;
        } catch (error) {
          refused(error, scan.caseId);
          return false;
        }
      });
    },
    dismissUpload(key) {
      updateUpload(key, null);
    },
    dismissActionProblem() {
      set({ actionProblem: null });
    },
    forget() {
      // The applicant's documents leave memory with the session.
      set({ byCase: {}, open: null, loadProblem: null, uploads: [], actionProblem: null, changing: new Set(), scanning: null });
    },
  };
});

whenSessionCloses(() => useScans.getState().forget());
