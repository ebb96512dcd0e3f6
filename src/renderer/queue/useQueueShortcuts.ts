/**
 * The queue panel's keys, the same on every counter: F5 call next, Shift+F5 call a chosen ticket,
 * F6 recall, F7 no-show, F8 start service, F9 finish, F10 transfer, F4 back to the queue, P pause.
 * The F-keys never reach the browser while the panel is open (F5 would reload the page); P is a
 * letter, so it counts only outside text fields. Nothing fires under an open dialog.
 */
import { useEffect, useRef } from 'react';

export const SHORTCUTS = {
  callNext: 'F5',
  callChosen: 'Shift+F5',
  recall: 'F6',
  noShow: 'F7',
  startService: 'F8',
  finish: 'F9',
  transfer: 'F10',
  returnToQueue: 'F4',
  pause: 'P',
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

const F_KEYS: Record<string, ShortcutName> = {
  F4: 'returnToQueue',
  F5: 'callNext',
  F6: 'recall',
  F7: 'noShow',
  F8: 'startService',
  F9: 'finish',
  F10: 'transfer',
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

/** Which action a key press asks for, if any. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>): ShortcutName | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'F5' && event.shiftKey) return 'callChosen';
  const f = F_KEYS[event.key];
  if (f) return event.shiftKey ? null : f;
  // The key, not the letter: P is П or З on the Kazakh and Russian layouts.
  if (event.code === 'KeyP' && !event.shiftKey && !isTyping(event.target)) return 'pause';
  return null;
}

export function useQueueShortcuts(handlers: Partial<Record<ShortcutName, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutFor(event);
      if (!name) return;
      if (name !== 'pause') event.preventDefault();
      if (event.repeat || document.querySelector('dialog[open]')) return;
      const handler = ref.current[name];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
