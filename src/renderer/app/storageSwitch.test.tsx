/**
 * The database found damaged while the workstation runs: whichever call meets the refusal, the
 * whole window turns to the storage screen a start on that file shows, in kk, ru and en. The
 * window is rendered as App renders it (to a string: no DOM is needed to see which screen it is).
 */
import React from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract';
import type { Locale } from '../../shared/schemas';
import { translate } from '../i18n/catalog';

const bridge = { invoke: vi.fn<Bridge['invoke']>(), on: () => () => {} };
// As the Electron preload and the page give them; App reads the path once, the language store
// sets the page's language and title.
Object.assign(globalThis, { window: { azho: bridge, location: { pathname: '/' } }, document: { documentElement: {}, title: '' } });

const { App } = await import('./App');
const { useStatus } = await import('./statusStore');
const { invoke } = await import('../client/client');
const { useLocale } = await import('../i18n/localeStore');
const { useSession } = await import('../session/sessionStore');

// renderToString reads a store through its server snapshot, which zustand takes from the store's
// initial state; the window reads the state as it is now, and so does this render.
React.useSyncExternalStore = (_subscribe, snapshot) => snapshot();

const PATH = '/var/lib/azho/azho.db';
const READY = { ready: true, firstRun: false, training: false, version: '0.1.0', storageProblem: null };
const DAMAGED = { code: 'STORAGE_UNAVAILABLE', storage: { problem: 'corrupt', path: PATH } };

/** The screen App shows now, in a language. */
function windowIn(locale: Locale): string {
  useLocale.getState().setLocale(locale);
  return renderToString(<App />);
}

beforeEach(() => {
  bridge.invoke.mockReset();
  useStatus.setState({ status: null, problem: null });
  useSession.setState({ known: false, session: null });
});

describe('the storage screen, when the database is found damaged while running', () => {
  it('a call refused as corrupt turns the whole window to it, as at start, in every language', async () => {
    bridge.invoke.mockResolvedValueOnce({ ok: true, value: READY });
    await useStatus.getState().load();
    // Not yet known whether this client has a session: the start-up screen, not the storage one.
    expect(windowIn('kk')).not.toContain('data-testid="storage-screen"');

    bridge.invoke.mockResolvedValueOnce({ ok: false, error: DAMAGED });
    await expect(invoke('cases.get', { caseId: 7 })).rejects.toMatchObject({ problem: DAMAGED });
    // Exactly the status app.status gives after a start on the damaged file.
    expect(useStatus.getState().status).toEqual({ ...READY, ready: false, storageProblem: { problem: 'corrupt', path: PATH } });

    for (const locale of ['kk', 'ru', 'en'] as const) {
      const html = windowIn(locale);
      expect(html).toContain('data-testid="storage-screen"');
      expect(html).toContain(translate(locale, 'storage.title'));
      expect(html).toContain(translate(locale, 'storage.corrupt'));
      expect(html).toContain(PATH);
    }
  });

  it('before the first status, asks the core, which reports the problem itself', async () => {
    bridge.invoke.mockResolvedValueOnce({ ok: false, error: DAMAGED });
    bridge.invoke.mockResolvedValueOnce({ ok: true, value: { ...READY, ready: false, storageProblem: DAMAGED.storage } });
    await expect(invoke('auth.session', {})).rejects.toMatchObject({ problem: DAMAGED });
    await vi.waitFor(() => expect(useStatus.getState().status?.storageProblem).toEqual(DAMAGED.storage));
    expect(bridge.invoke).toHaveBeenLastCalledWith('app.status', {});
    expect(windowIn('ru')).toContain('data-testid="storage-screen"');
  });

  it('a backup folder that cannot be written leaves the window as it is', async () => {
    bridge.invoke.mockResolvedValueOnce({ ok: true, value: READY });
    await useStatus.getState().load();
    bridge.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'STORAGE_UNAVAILABLE', storage: { problem: 'io', path: '/media/usb' } } });
    await expect(invoke('backup.create', { folder: '/media/usb' })).rejects.toBeTruthy();
    expect(useStatus.getState().status).toEqual(READY);
    expect(windowIn('en')).not.toContain('data-testid="storage-screen"');
  });
});
