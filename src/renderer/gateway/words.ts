/**
 * The gateway in the operator's words: the link's state with its colour, what each message asks,
 * why the last attempt failed (with the gateway's own code), and when the sender tries again.
 */
import type { BacklogCase } from '../../shared/cases';
import type { Failure, GatewayStatus, LinkState, MessageState, OutboxMessageView } from '../../shared/gateway';
import type { Translate } from '../i18n/localeStore';
import { formatMoment } from '../ui/format';

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

const LINK_TONE: Record<LinkState, Tone> = { online: 'ok', degraded: 'warn', offline: 'danger', notConfigured: 'muted' };
const STATE_TONE: Record<MessageState, Tone> = { pending: 'warn', done: 'ok', failed: 'danger' };

export const linkTone = (link: LinkState): Tone => LINK_TONE[link];
export const messageTone = (state: MessageState): Tone => STATE_TONE[state];

/** Nothing gets through now: requests are kept and go by themselves once the link is back. */
export function linkDown(link: LinkState | undefined): boolean {
  return link === 'offline' || link === 'notConfigured';
}

/** "Шлюз қатемен жауап берді (код 500)". */
export function failureText(t: Translate, failure: Failure, code: string | null): string {
  const words = t(`gateway.failure.${failure}`);
  return code ? t('gateway.failureWithCode', { failure: words, code }) : words;
}

/** A message not yet answered can be sent again now: a failed one back in line, a pending one without its wait. */
export function mayRetry(message: Pick<OutboxMessageView, 'state'>): boolean {
  return message.state !== 'done';
}

/** When: the next attempt of a pending message, the answer of a done one; a failed one waits for a person. */
export function messageWhen(t: Translate, message: OutboxMessageView, now = new Date()): string {
  switch (message.state) {
    case 'pending':
      if (!message.nextAttemptAt) return t('gateway.when.sending');
      return Date.parse(message.nextAttemptAt) <= now.getTime()
        ? t('gateway.when.sending')
        : t('gateway.when.next', { time: formatMoment(t, message.nextAttemptAt, now) });
    case 'done':
      return message.doneAt ? t('gateway.when.done', { time: formatMoment(t, message.doneAt, now) }) : '—';
    default:
      return t('gateway.when.stopped');
  }
}

/** "3 күтуде · 1 жіберілмеді", or null when nothing waits. */
export function backlogCounts(t: Translate, status: Pick<GatewayStatus, 'pending' | 'failed'>): string | null {
  const parts: string[] = [];
  if (status.pending > 0) parts.push(t('gateway.count.pending', { n: status.pending }));
  if (status.failed > 0) parts.push(t('gateway.count.failed', { n: status.failed }));
  return parts.length ? parts.join(' · ') : null;
}

/** The backlog as it is worked: cases with a message that stopped first, then the longest waiting. */
export function backlogOrder(cases: readonly BacklogCase[]): BacklogCase[] {
  const stopped = (c: BacklogCase) => (c.messages.some((m) => m.state === 'failed') ? 0 : 1);
  const oldest = (c: BacklogCase) => Math.min(...c.messages.map((m) => Date.parse(m.createdAt)));
  return [...cases].sort((a, b) => stopped(a) - stopped(b) || oldest(a) - oldest(b));
}
