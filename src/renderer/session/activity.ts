/**
 * Real activity at the counter (keys, pointer) postpones the idle lock. The core is told at most
 * every 30 s; with a shorter idle lock (training, tests) at most every half of it, or the lock
 * would fall on an operator who is typing.
 */
import { useEffect } from 'react';
import { invoke } from '../client/client';
import { useSession } from './sessionStore';

const MAX_TOUCH_INTERVAL_MS = 30_000;
/** How long past the idle limit the screen waits for the core's lock event before asking. */
const LOCK_EVENT_GRACE_MS = 2_000;

export function touchIntervalMs(idleLockSeconds: number): number {
  return Math.min(MAX_TOUCH_INTERVAL_MS, (idleLockSeconds * 1000) / 2);
}

function isRealActivity(event: Event): boolean {
  if (!event.isTrusted) return false;
  // Chromium sends a motionless pointermove when the layout shifts under a resting cursor.
  if (event instanceof PointerEvent && event.type === 'pointermove') return event.movementX !== 0 || event.movementY !== 0;
  return true;
}

export function useActivityTouch(idleLockSeconds: number): void {
  useEffect(() => {
    const interval = touchIntervalMs(idleLockSeconds);
    let lastTouch = Date.now(); // logging in or unlocking has just counted as activity
    let lastActivity = lastTouch;
    let asked = false;

    const onActivity = (event: Event) => {
      if (!isRealActivity(event)) return;
      lastActivity = Date.now();
      asked = false;
      if (lastActivity - lastTouch < interval) return;
      lastTouch = lastActivity;
      invoke('auth.touch', {}).catch(() => {
        // A lock or a lost session is handled where every failed call is seen.
      });
    };

    // If the lock event was lost (a dropped event stream), ask the core rather than keep
    // personal data on screen past the idle limit.
    const watchdog = window.setInterval(() => {
      if (asked || Date.now() - lastActivity < idleLockSeconds * 1000 + LOCK_EVENT_GRACE_MS) return;
      asked = true;
      useSession.getState().refresh().catch(() => {});
    }, 1000);

    const kinds = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const kind of kinds) window.addEventListener(kind, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(watchdog);
      for (const kind of kinds) window.removeEventListener(kind, onActivity, { capture: true });
    };
  }, [idleLockSeconds]);
}
