/**
 * The link to the e-government gateway as this workstation sees it: the state the core pushes on
 * every change, the backlog of cases whose requests are not yet answered (kept fresh while the
 * backlog screen is open), retrying a message now, and the administrator's gateway settings.
 */
import { create } from 'zustand';
import type { BacklogCase } from '../../shared/cases';
import type { GatewaySettings, GatewaySettingsInput, GatewayStatus } from '../../shared/gateway';
import { invoke } from '../client/client';
import { coalesce } from '../client/coalesce';
import { attempt, toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

interface GatewayState {
  status: GatewayStatus | null;
  backlog: BacklogCase[] | null;
  backlogProblem: Problem | null;
  /** Messages being sent again at the operator's request. */
  retrying: ReadonlySet<string>;
  retryProblem: Problem | null;
  settings: GatewaySettings | null;
  settingsProblem: Problem | null;

  loadStatus(): Promise<void>;
  /** The core said the link or the backlog changed. */
  statusChanged(status: GatewayStatus): void;
  /** The backlog screen is open: load it, and again on every change, until the returned stop. */
  watchBacklog(): () => void;
  reloadBacklog(): Promise<void>;
  retry(messageId: string): Promise<Problem | null>;
  dismissRetryProblem(): void;
  loadSettings(): Promise<void>;
  saveSettings(input: GatewaySettingsInput): Promise<void>;
  forget(): void;
}

export const useGateway = create<GatewayState>()((set, get) => {
  let watching = 0;

  const reloadBacklog = coalesce(async () => {
    try {
      const { cases } = await invoke('gateway.backlog', {});
      set({ backlog: cases, backlogProblem: null });
    } catch (error) {
      set({ backlogProblem: toProblem(error) });
    }
  });

  return {
    status: null,
    backlog: null,
    backlogProblem: null,
    retrying: new Set(),
    retryProblem: null,
    settings: null,
    settingsProblem: null,

    async loadStatus() {
      try {
        set({ status: await invoke('gateway.status', {}) });
      } catch {
        // No word from the core about the link: the indicator stays hidden until the next push.
      }
    },
    statusChanged(status) {
      set({ status });
      if (watching > 0) void reloadBacklog();
    },
    watchBacklog() {
      watching++;
      void reloadBacklog();
      return () => {
        watching--;
      };
    },
    reloadBacklog,
    async retry(messageId) {
      if (get().retrying.has(messageId)) return null;
      set({ retrying: new Set(get().retrying).add(messageId), retryProblem: null });
      const problem = await attempt(() => invoke('gateway.retry', { messageId }));
      const retrying = new Set(get().retrying);
      retrying.delete(messageId);
      set({ retrying, retryProblem: problem });
      if (watching > 0) await reloadBacklog();
      return problem;
    },
    dismissRetryProblem() {
      set({ retryProblem: null });
    },
    async loadSettings() {
      set({ settingsProblem: null });
      try {
        set({ settings: await invoke('gateway.settings', {}) });
      } catch (error) {
        set({ settingsProblem: toProblem(error) });
      }
    },
    async saveSettings(input) {
      set({ settings: await invoke('gateway.updateSettings', input) });
    },
    forget() {
      set({ backlog: null, backlogProblem: null, retrying: new Set(), retryProblem: null, settings: null, settingsProblem: null });
    },
  };
});

whenSessionCloses(() => useGateway.getState().forget());
