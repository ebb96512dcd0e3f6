/**
 * A hall screen's copy of something the queue publishes (the board, the kiosk's groups): fetched
 * at once, again whenever the core says the queue changed, and every so often in case a push was
 * lost. Pushes that come in a burst (a crowded morning) cost one fetch, not one each.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { on } from '../client/client';
import { toProblem, type Problem } from '../client/problem';

const SAFETY_REFRESH_MS = 30_000;
const RETRY_MS = 5_000;
/** At most a few fetches a second however fast tickets are issued. */
const BURST_PAUSE_MS = 250;

const pause = (ms: number) => new Promise<void>((done) => window.setTimeout(done, ms));

export function useLiveQueue<T>(fetch: () => Promise<T>, onEvents = true) {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const refresh = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        try {
          setValue(await fetchRef.current());
          setProblem(null);
        } catch (error) {
          setProblem(toProblem(error));
        }
        if (again.current) await pause(BURST_PAUSE_MS);
      } while (again.current);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), SAFETY_REFRESH_MS);
    const off = onEvents ? on('queue.changed', () => void refresh()) : () => {};
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [refresh, onEvents]);

  // While the core cannot answer (starting, the link lost), try again sooner than the safety refresh.
  useEffect(() => {
    if (!problem) return;
    const timer = window.setTimeout(() => void refresh(), RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [problem, refresh]);

  return { value, problem, refresh };
}
