/**
 * The operator's signature on a case: what will be signed (the request's data and its scans'
 * SHA-256), and the signature the core verified and kept. The key's password passes through
 * `sign` and is never kept here.
 */
import { create } from 'zustand';
import type { z } from 'zod';
import type { SignatureView, SignerInput, SigningRequest } from '../../shared/scans';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { useCases } from '../cases/casesStore';
import { whenSessionCloses } from '../session/sessionStore';
import { useScans } from './scansStore';

type Request = z.output<typeof SigningRequest>;

interface SigningState {
  /** By case: the signature, null when there is none; absent until read. */
  signatures: Record<number, SignatureView | null>;
  requests: Record<number, Request>;
  requestProblem: Problem | null;
  signing: boolean;

  load(caseId: number): Promise<void>;
  prepare(caseId: number): Promise<void>;
  /** Signs and verifies; a problem (a wrong password, an expired certificate) comes back to the form. */
  sign(caseId: number, version: number, signer: SignerInput): Promise<Problem | null>;
  forget(): void;
}

export const useSigning = create<SigningState>()((set, get) => ({
  signatures: {},
  requests: {},
  requestProblem: null,
  signing: false,

  async load(caseId) {
    try {
      const signature = await invoke('signing.get', { caseId });
      set({ signatures: { ...get().signatures, [caseId]: signature } });
    } catch {
      // Unread, the signature counts as absent: the operator signs, and the core checks again on forwarding.
    }
  },
  async prepare(caseId) {
    try {
      const request = await invoke('signing.prepare', { caseId });
      set({ requests: { ...get().requests, [caseId]: request }, requestProblem: null });
    } catch (error) {
      set({ requestProblem: toProblem(error) });
    }
  },
  async sign(caseId, version, signer) {
    if (get().signing) return null;
    set({ signing: true });
    try {
      const signature = await invoke('signing.sign', { caseId, version, signer });
      set({ signatures: { ...get().signatures, [caseId]: signature } });
      // Signing fixes the scans and may move the case: both are read again.
      void useScans.getState().load(caseId);
      if (useCases.getState().current?.id === caseId) void useCases.getState().reloadCase();
      return null;
    } catch (error) {
      const problem = toProblem(error);
      // The case moved on since the screen read it: read it again, and the operator signs once more.
      if (problem.code === 'CASE_CHANGED' && useCases.getState().current?.id === caseId) void useCases.getState().reloadCase();
      return problem;
    } finally {
      set({ signing: false });
    }
  },
  forget() {
    set({ signatures: {}, requests: {}, requestProblem: null, signing: false });
  },
}));

whenSessionCloses(() => useSigning.getState().forget());
