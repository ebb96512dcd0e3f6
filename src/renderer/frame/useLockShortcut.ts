import { useEffect } from 'react';

/**
 * Ctrl+L locks the screen. Matched on the physical key so it works with the Kazakh and Russian
 * layouts, where the same key types "д".
 */
export function useLockShortcut(lock: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && !event.altKey && !event.metaKey && event.code === 'KeyL') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);
}
