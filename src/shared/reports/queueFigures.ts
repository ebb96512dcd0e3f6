/**
 * The queue's part of a report: tickets issued, served, no-shows, unserved, and the wait and
 * service times — defined exactly as the day's queue statistics define them
 * (`core/queue/stats.ts`): the wait runs from issue to the (first) call of every called ticket,
 * no-shows included; the service runs from the start of service to its end, of served tickets only.
 */
import type { QueueReportFigures } from './report';
import type { ReportTicketRow } from './rows';
import { medianAndP90, secondsBetween } from './percentile';

/** A ticket with its wait and service worked out once: a month's tickets are counted in several cuts. */
interface Timed {
  t: ReportTicketRow;
  wait: number | null;
  service: number | null;
}

function timed(t: ReportTicketRow): Timed {
  return { t, wait: secondsBetween(t.issuedAt, t.calledAt), service: t.state === 'done' ? secondsBetween(t.serviceStartedAt, t.finishedAt) : null };
}

function figuresOf(tickets: readonly Timed[]): QueueReportFigures {
  const waits: number[] = [];
  const services: number[] = [];
  let served = 0;
  let noShow = 0;
  let unserved = 0;
  for (const { t, wait, service } of tickets) {
    if (wait !== null) waits.push(wait);
    if (t.state === 'done') {
      served++;
      if (service !== null) services.push(service);
    } else if (t.state === 'noShow') noShow++;
    else if (t.state === 'unserved') unserved++;
  }
  const w = medianAndP90(waits);
  const s = medianAndP90(services);
  return {
    issued: tickets.length,
    served,
    noShow,
    unserved,
    waitMedianSeconds: w.median,
    waitP90Seconds: w.p90,
    serviceMedianSeconds: s.median,
    serviceP90Seconds: s.p90,
  };
}

export const queueFigures = (tickets: readonly ReportTicketRow[]): QueueReportFigures => figuresOf(tickets.map(timed));

function groupBy<K>(rows: readonly Timed[], key: (t: ReportTicketRow) => K | null): Map<K, Timed[]> {
  const m = new Map<K, Timed[]>();
  for (const t of rows) {
    const k = key(t.t);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/** Every day from `from` to `to`, both included, as 'YYYY-MM-DD' (calendar arithmetic, no time zone). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); ms <= end; ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

export function queueSection(from: string, to: string, rows: readonly ReportTicketRow[]) {
  const tickets = rows.map(timed);
  const byDay = groupBy(tickets, (t) => t.day);
  return {
    total: figuresOf(tickets),
    byGroup: [...groupBy(tickets, (t) => t.group)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, ts]) => ({ group, ...figuresOf(ts) })),
    // Tickets nobody called have no operator; they count in the total and their group only.
    byOperator: [...groupBy(tickets, (t) => t.operator)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operator, ts]) => ({ operator, ...figuresOf(ts) })),
    // Every day of the period, the empty ones too: a chart's axis must not skip a day.
    byDay: daysOf(from, to).map((day) => {
      const ts = byDay.get(day) ?? [];
      return {
        day,
        issued: ts.length,
        served: ts.filter(({ t }) => t.state === 'done').length,
        noShow: ts.filter(({ t }) => t.state === 'noShow').length,
      };
    }),
  };
}
