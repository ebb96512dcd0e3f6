/** Words for the queue's ids: barrier-free categories, ticket states, times. */
import type { TicketState } from '../../shared/queue';
import { isMessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/localeStore';
import { formatDuration } from '../ui/format';

/** A category the settings added without a sentence in the catalogues is shown by its id. */
export function priorityLabel(t: Translate, category: string): string {
  const key = `queue.priority.${category}`;
  return isMessageKey(key) ? t(key) : category;
}

export function stateLabel(t: Translate, state: TicketState): string {
  return t(`queue.state.${state}`);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "10:42" in the counter's time zone. */
export function clockTime(at: string | Date): string {
  const d = new Date(at);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "22.11.2026" */
export function shortDate(at: string | Date): string {
  const d = new Date(at);
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** A wait or a service time in seconds as a clock ("4:05"), or a dash when there is none yet. */
export function seconds(value: number | null): string {
  return value === null ? '—' : formatDuration(value * 1000);
}

/** Today as yyyy-mm-dd in the counter's time zone. */
export function isoToday(now = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
