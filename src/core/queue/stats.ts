/** Wait and service times of a day's tickets: per group, per operator, and as a CSV for the supervisor. */
import type { QueueStats } from '../../shared/queue';
import type { TicketRecord } from './queueStore';

const seconds = (from: string | null, to: string | null) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);

function figures(tickets: TicketRecord[]) {
  const waits = tickets.map((t) => seconds(t.issuedAt, t.calledAt)).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const services = tickets
    .filter((t) => t.state === 'done')
    .map((t) => seconds(t.serviceStartedAt, t.finishedAt))
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  const p90 = (xs: number[]) => (xs.length ? Math.round(xs[Math.min(xs.length - 1, Math.ceil(0.9 * xs.length) - 1)]!) : null);
  return {
    issued: tickets.length,
    served: tickets.filter((t) => t.state === 'done').length,
    noShow: tickets.filter((t) => t.state === 'noShow').length,
    unserved: tickets.filter((t) => t.state === 'unserved').length,
    waitMeanSeconds: mean(waits),
    waitP90Seconds: p90(waits),
    serviceMeanSeconds: mean(services),
    serviceP90Seconds: p90(services),
  };
}

function groupBy<K>(tickets: TicketRecord[], key: (t: TicketRecord) => K): Map<K, TicketRecord[]> {
  const m = new Map<K, TicketRecord[]>();
  for (const t of tickets) {
    const k = key(t);
    m.set(k, [...(m.get(k) ?? []), t]);
  }
  return m;
}

export function dayStats(day: string, tickets: TicketRecord[], operatorName: (id: number) => string): QueueStats {
  return {
    day,
    total: figures(tickets),
    byGroup: [...groupBy(tickets, (t) => t.group)].sort(([a], [b]) => a.localeCompare(b)).map(([group, ts]) => ({ group, ...figures(ts) })),
    byOperator: [...groupBy(tickets.filter((t) => t.operatorId !== null), (t) => t.operatorId!)].map(([operatorId, ts]) => ({
      operatorId,
      operatorName: operatorName(operatorId),
      ...figures(ts),
    })),
  };
}

const cell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One row per ticket: what a supervisor opens in a spreadsheet. No personal data is in a ticket. */
export function ticketsCsv(tickets: TicketRecord[], operatorName: (id: number) => string): string {
  const header = ['number', 'group', 'priority', 'state', 'window', 'operator', 'issued_at', 'called_at', 'service_started_at', 'finished_at', 'wait_seconds', 'service_seconds', 'recalls', 'transfers'];
  const rows = [...tickets]
    .sort((a, b) => a.lineOrder - b.lineOrder)
    .map((t) =>
      [
        t.number, t.group, t.priority, t.state, t.window, t.operatorId === null ? null : operatorName(t.operatorId), t.issuedAt, t.calledAt,
        t.serviceStartedAt, t.finishedAt, seconds(t.issuedAt, t.calledAt), seconds(t.serviceStartedAt, t.finishedAt), t.recalls, t.transfers,
      ].map(cell).join(','),
    );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
