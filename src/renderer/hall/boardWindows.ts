/**
 * Which windows a board shows: all of them, or the set in its address (/board?windows=1,2,3, or
 * /board#windows=1,2,3 — the web host's one-time link keeps a fragment through its redirect but
 * not a query). A hall with two boards gives each its own set.
 */
import { WindowName } from '../../shared/queue';

/** The contract's limit on one board's set. */
const MAX_WINDOWS = 60;

/**
 * The window names of a `windows` parameter, in order, each once. An entry the contract would
 * refuse (empty, too long, odd characters) is left out rather than failing the whole board; with
 * nothing left, the board shows every window.
 */
export function parseWindows(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const names: string[] = [];
  for (const entry of text.split(',')) {
    const parsed = WindowName.safeParse(entry);
    if (parsed.success && !names.includes(parsed.data)) names.push(parsed.data);
  }
  return names.length ? names.slice(0, MAX_WINDOWS) : undefined;
}

/** The set from the page's address: the query first, else the fragment. */
export function boardWindowsFrom(location: Pick<Location, 'search' | 'hash'>): string[] | undefined {
  const fromQuery = new URLSearchParams(location.search).get('windows');
  if (fromQuery !== null) return parseWindows(fromQuery);
  return parseWindows(new URLSearchParams(location.hash.replace(/^#/, '')).get('windows'));
}

/** Whether a call to `window` belongs on this board (and is chimed and spoken here). */
export function boardShows(windows: readonly string[] | undefined, window: string): boolean {
  return !windows || windows.includes(window);
}

const NUMBER = /^[1-9]\d*$/;

/**
 * The set as a hall reads it: numbers in order, three or more in a row as a range ("1–3, 5"),
 * other names after them as given ("1–3, 5, A1").
 */
export function windowsList(windows: readonly string[]): string {
  const numbers = windows.filter((w) => NUMBER.test(w)).map(Number).sort((a, b) => a - b);
  const others = windows.filter((w) => !NUMBER.test(w));
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let end = i;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++;
    if (end - i >= 2) parts.push(`${numbers[i]}–${numbers[end]}`);
    else for (let k = i; k <= end; k++) parts.push(String(numbers[k]));
    i = end + 1;
  }
  return [...parts, ...others].join(', ');
}
