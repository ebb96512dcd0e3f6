/**
 * The operator's session as this screen knows it. The core owns the truth (idle lock, absolute
 * limit); this store follows its answers and events and decides which screen may be shown.
 */
import { create } from 'zustand';
import type { EventPayload } from '../../shared/contract';
import type { SessionView } from '../../shared/schemas';
import { invoke } from '../client/client';

export type LockReason = EventPayload<'session.locked'>['reason'];
/** 'lost': a call found no session although this screen thought it had one. */
export type EndReason = EventPayload<'session.ended'>['reason'] | 'lost';

interface SessionState {
  /** False until the core has been asked whether this client already has a session. */
  known: boolean;
  session: SessionView | null;
  lockReason: LockReason | null;
  endedReason: EndReason | null;
  started(session: SessionView): void;
  refresh(): Promise<void>;
  login(login: string, password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  changePassword(current: string, next: string): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  locked(reason: LockReason | null): void;
  ended(reason: EndReason): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  known: false,
  session: null,
  lockReason: null,
  endedReason: null,

  started(session) {
    set({ known: true, session, endedReason: null, lockReason: null });
  },
  async refresh() {
    const session = await invoke('auth.session', {});
    set({ known: true, session });
  },
  async login(login, password) {
    get().started(await invoke('auth.login', { login, password }));
  },
  async unlock(password) {
    get().started(await invoke('auth.unlock', { password }));
  },
  async changePassword(current, next) {
    get().started(await invoke('auth.changePassword', { current, next }));
  },
  async lock() {
    // Hide first: the screen must not wait for the round trip to stop showing personal data.
    get().locked('manual');
    await invoke('auth.lock', {});
  },
  async logout() {
    get().ended('logout');
    await invoke('auth.logout', {});
  },
  locked(reason) {
    const session = get().session;
    if (session && !session.locked) set({ session: { ...session, locked: true }, lockReason: reason });
  },
  ended(reason) {
    set({ known: true, session: null, lockReason: null, endedReason: reason });
  },
}));

/** True while personal data may be on screen: logged in, unlocked, password already changed. */
export function isOpen(state: Pick<SessionState, 'session'>): boolean {
  return !!state.session && !state.session.locked && !state.session.operator.mustChangePassword;
}

/**
 * Calls `forget` whenever the screen stops being open (lock, log-out, end), so feature stores
 * drop the personal data they hold instead of keeping it behind the lock screen.
 */
export function whenSessionCloses(forget: () => void): () => void {
  return useSession.subscribe((state, previous) => {
    if (isOpen(previous) && !isOpen(state)) forget();
  });
}
