import { useEffect } from 'react';

/**
 * F2 (or Alt+N) starts a new case from anywhere in the workstation: the next applicant is at
 * the counter. Matched on the physical key, so Alt+N works in the Kazakh and Russian layouts.
 */
export function useNewCaseShortcut(start: (() => void) | null): void {
  useEffect(() => {
    if (!start) return;
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const f2 = event.key === 'F2' && !event.altKey && !event.ctrlKey && !event.metaKey;
      const altN = event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';
      if (f2 || altN) {
        event.preventDefault();
        start();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);
}
