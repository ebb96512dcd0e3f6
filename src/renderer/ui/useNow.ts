import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `everyMs`: the one ticking clock for whatever shows how long
 * something has run or waited (a step's timer, a ticket's wait, the board's clock, the date).
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
