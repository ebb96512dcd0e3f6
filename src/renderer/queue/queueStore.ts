/**
 * The operator's side of the queue: this window's number and groups (remembered in this browser),
 * the ticket at the window, the lines waiting and today's tickets. Every action goes to the core
 * with the ticket's version as the screen last saw it; when another window got there first, the
 * panel reloads and says so instead of acting on a stale picture.
 */
import { create } from 'zustand';
import type { CallOutput } from '../../shared/contract';
import type { DocumentLocale } from '../../shared/cases';
import type { QueueSettings, Ticket, WindowView } from '../../shared/queue';
import { invoke } from '../client/client';
import { toProblem, type Problem } from '../client/problem';
import { whenSessionCloses } from '../session/sessionStore';

export type Overview = CallOutput<'queue.overview'>;
export type Kiosk = CallOutput<'queue.kiosk'>;

const WINDOW_KEY = 'azho.queue.window';

export interface WindowChoice {
  window: string;
  groups: string[];
}

export function rememberedWindow(): WindowChoice | null {
  try {
    const saved = JSON.parse(localStorage.getItem(WINDOW_KEY) ?? 'null') as Partial<WindowChoice> | null;
    if (typeof saved?.window !== 'string' || !Array.isArray(saved.groups) || saved.groups.length === 0) return null;
    return { window: saved.window, groups: saved.groups.filter((g): g is string => typeof g === 'string') };
  } catch {
    return null;
  }
}

function remember(choice: WindowChoice): void {
  try {
    localStorage.setItem(WINDOW_KEY, JSON.stringify(choice));
  } catch {
    // Without storage the window is asked for again after a restart.
  }
}

/** Problems that mean the panel is behind the core: reload and show the queue as it is. */
const STALE = new Set(['TICKET_CHANGED', 'WINDOW_BUSY', 'NOT_FOUND', 'WINDOW_NOT_SET', 'QUEUE_EMPTY']);

export type TicketAction = 'recall' | 'noShow' | 'returnToQueue' | 'finish';

/** What the last action did, for the line under the ticket (kept as data so it follows the language). */
export type Done =
  | { kind: 'called' | 'recalled' | 'noShow' | 'returned' | 'finished'; number: string }
  | { kind: 'transferred'; number: string; toGroup?: string; toWindow?: string }
  | { kind: 'serviceStarted'; number: string; caseId: number; caseNumber: string }
  | { kind: 'paused' | 'resumed' };

interface QueueState {
  overview: Overview | null;
  kiosk: Kiosk | null;
  settings: QueueSettings | null;
  loading: boolean;
  loadProblem: Problem | null;
  actionProblem: Problem | null;
  busy: boolean;
  done: Done | null;
  /** The case each ticket opened this session, for its number. */
  cases: Record<number, string>;

  load(): Promise<void>;
  /** The window, the lines and today's tickets again (the queue changed). */
  refresh(): Promise<void>;
  setWindow(choice: WindowChoice): Promise<Problem | null>;
  callNext(): Promise<void>;
  callTicket(ticketId: number): Promise<void>;
  act(action: TicketAction, ticket: Ticket): Promise<void>;
  transfer(ticket: Ticket, to: { toGroup: string } | { toWindow: string }): Promise<Problem | null>;
  /** The case opened, or the problem (null: another action was under way). */
  startService(ticket: Ticket, regulationId: string, documentLocale: DocumentLocale): Promise<{ caseId: number } | Problem | null>;
  togglePause(): Promise<void>;
  dismiss(): void;
  forget(): void;
}

const DONE_KIND: Record<TicketAction, 'recalled' | 'noShow' | 'returned' | 'finished'> = {
  recall: 'recalled',
  noShow: 'noShow',
  returnToQueue: 'returned',
  finish: 'finished',
};

/** The overview with an action's answer in it: a ticket (called, changed) or this window (set, paused). */
function applyAnswer(overview: Overview, answer: unknown): Overview {
  const value = answer as Partial<Ticket & WindowView & { ticket: Ticket }>;
  if (typeof value.window === 'string' && Array.isArray(value.groups)) return { ...overview, window: answer as WindowView };
  const ticket = value.ticket ?? (typeof value.id === 'number' ? (answer as Ticket) : null);
  const at = overview.window;
  if (!ticket || !at) return overview;
  const here = (ticket.state === 'called' || ticket.state === 'serving') && ticket.window === at.window;
  const current = here ? ticket : at.current?.id === ticket.id ? null : at.current;
  return {
    ...overview,
    window: { ...at, current },
    tickets: overview.tickets.some((t) => t.id === ticket.id) ? overview.tickets.map((t) => (t.id === ticket.id ? ticket : t)) : [ticket, ...overview.tickets],
  };
}

export const useQueue = create<QueueState>()((set, get) => {
  let loading: Promise<void> | null = null;
  let again = false;

  async function fetchOverview(): Promise<void> {
    let overview = await invoke('queue.overview', {});
    const saved = rememberedWindow();
    // The core keeps windows in memory: after its restart this browser's window is set again.
    if (!overview.window && saved) {
      try {
        await invoke('queue.setWindow', saved);
        overview = await invoke('queue.overview', {});
      } catch {
        // The remembered window is no longer valid (a group renamed): the operator chooses again.
      }
    }
    set({ overview, loadProblem: null });
  }

  /** One reload at a time; pushes that arrive meanwhile cost one more, not one each. */
  async function reload(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    set({ loading: true });
    loading = (async () => {
      try {
        do {
          again = false;
          try {
            await fetchOverview();
          } catch (error) {
            set({ loadProblem: toProblem(error) });
          }
          // A busy hall pushes many changes a second; a few reloads a second are enough to see them.
          if (again) await new Promise((done) => window.setTimeout(done, 250));
        } while (again);
      } finally {
        loading = null;
        set({ loading: false });
      }
    })();
    return loading;
  }

  type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem } | null;

  /** Runs an action (none while one is under way); a stale picture is reloaded, every outcome reloads the lines. */
  async function perform<T>(action: () => Promise<T>, done: (value: T) => Done | null): Promise<Outcome<T>> {
    if (get().busy) return null;
    set({ busy: true, actionProblem: null, done: null });
    try {
      const value = await action();
      // The answer is the newest picture of the ticket or the window: shown at once, so a quick
      // second key acts on the right version; the reload fills in the lines.
      const shown = get().overview;
      if (shown) set({ overview: applyAnswer(shown, value) });
      set({ busy: false, done: done(value) });
      void reload();
      return { ok: true, value };
    } catch (error) {
      const problem = toProblem(error);
      set({ busy: false });
      if (problem.code !== 'VALIDATION') set({ actionProblem: problem });
      if (STALE.has(problem.code)) await reload();
      return { ok: false, problem };
    }
  }

  return {
    overview: null,
    kiosk: null,
    settings: null,
    loading: false,
    loadProblem: null,
    actionProblem: null,
    busy: false,
    done: null,
    cases: {},

    async load() {
      // The services and the settings only help F8, the window form and the recall count.
      const extras = Promise.all([
        get().kiosk ? null : invoke('queue.kiosk', {}).then((kiosk) => set({ kiosk }), () => {}),
        invoke('queue.settings', {}).then((settings) => set({ settings }), () => {}),
      ]);
      await Promise.all([extras, reload()]);
    },

    refresh: reload,

    async setWindow(choice) {
      const result = await perform(() => invoke('queue.setWindow', choice), () => null);
      if (!result) return null;
      if (!result.ok) return result.problem;
      remember({ window: result.value.window, groups: result.value.groups });
      return null;
    },

    async callNext() {
      await perform(() => invoke('queue.callNext', {}), (t) => ({ kind: 'called', number: t.number }));
    },

    async callTicket(ticketId) {
      await perform(() => invoke('queue.callTicket', { ticketId }), (t) => ({ kind: 'called', number: t.number }));
    },

    async act(action, ticket) {
      const input = { ticketId: ticket.id, version: ticket.version };
      await perform(
        () => invoke(`queue.${action}`, input),
        // A recall past the limit comes back as a no-show.
        (t) => ({ kind: t.state === 'noShow' ? 'noShow' : DONE_KIND[action], number: t.number }),
      );
    },

    async transfer(ticket, to) {
      const result = await perform(
        () => invoke('queue.transfer', { ticketId: ticket.id, version: ticket.version, ...to }),
        (t) => ({ kind: 'transferred', number: t.number, ...to }),
      );
      return result && !result.ok ? result.problem : null;
    },

    async startService(ticket, regulationId, documentLocale) {
      const result = await perform(
        () => invoke('queue.startService', { ticketId: ticket.id, version: ticket.version, regulationId, documentLocale }),
        ({ ticket: t, case: c }) => ({ kind: 'serviceStarted', number: t.number, caseId: c.id, caseNumber: c.number }),
      );
      if (!result) return null;
      if (!result.ok) return result.problem;
      const opened = result.value.case;
      set({ cases: { ...get().cases, [opened.id]: opened.number } });
      return { caseId: opened.id };
    },

    async togglePause() {
      const paused = get().overview?.window?.paused ?? false;
      await perform(
        () => invoke(paused ? 'queue.resume' : 'queue.pause', {}),
        () => ({ kind: paused ? 'resumed' : 'paused' }),
      );
    },

    dismiss() {
      set({ actionProblem: null, done: null });
    },

    forget() {
      set({ overview: null, kiosk: null, settings: null, loadProblem: null, actionProblem: null, done: null, busy: false, cases: {} });
    },
  };
});

whenSessionCloses(() => useQueue.getState().forget());
