/**
 * What must hold after a branch day under load (branchLoad.ts), checked against the branch's
 * database and against what the devices were told:
 * - one ticket per kiosk key, numbered 1…n per group with no gap or repeat, each finished;
 * - each ticket called once, by one window, the same one the database and that window name;
 * - every board handed every call event the database holds, each first call once;
 * - per line, replayed in call order: the priority streak within its limit, no regular ticket
 *   passed over by more than that many priority calls in a row, first come first served within
 *   each class.
 * "Waiting at a call" is judged on the test's clock only where it is certain: the kiosk had the
 * ticket's answer (so it was committed) before the window sent that call. Calls on one line are
 * serialised by the line's lock, so a ticket one call saw is seen by every later call of its line.
 */
import type pg from 'pg';
import type { BoardLog, IssuedTicket, WindowOutcome } from './branchLoad';

interface Row {
  id: number;
  grp: string;
  line: string;
  seq: number;
  number: string;
  priority: string | null;
  state: string;
  window: string | null;
  line_order: number;
  call_seq: number | null;
  streak_after: number | null;
}

export interface DayFigures {
  tickets: number;
  priority: number;
  calls: number;
  recallEvents: number;
  done: number;
  noShow: number;
  boardEvents: number[];
  maxStreakSeen: number;
  /** Regular tickets called because the line's streak had reached its limit. */
  forcedRegular: number;
  /** Priority calls made while a regular ticket of the line was certainly waiting. */
  priorityOverWaiting: number;
}

export async function checkBranchDay(
  pool: pg.Pool,
  day: { issued: IssuedTicket[]; planned: number; windows: WindowOutcome[]; boards: BoardLog[] },
): Promise<{ problems: string[]; figures: DayFigures }> {
  const problems: string[] = [];
  const problem = (kind: string, detail: string) => {
    if (problems.filter((p) => p.startsWith(kind)).length < 5) problems.push(`${kind}: ${detail}`);
  };

  const rows = (
    await pool.query<Row>(
      `SELECT id::int, grp, line, seq, number, priority, state, "window", line_order::float8 AS line_order, call_seq::int, streak_after
       FROM tickets ORDER BY id`,
    )
  ).rows;
  const events = (await pool.query<{ id: number; payload: { ticketId: number; window: string; recall: boolean } }>(`SELECT id::int, payload FROM events WHERE payload->>'type' = 'queue.called' ORDER BY id`)).rows;
  const maxStreak = (await pool.query<{ m: number }>('SELECT max_priority_streak AS m FROM branch_settings')).rows[0]!.m;
  const stored = new Map(
    (await pool.query<{ idem_key: string; id: number }>(`SELECT idem_key, (response->>'id')::int AS id FROM requests WHERE call = 'queue.issue'`)).rows.map((r) => [
      r.idem_key,
      r.id,
    ]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));

  // One ticket per kiosk key: the kiosk's answers, the stored answers and the table agree.
  if (day.issued.length !== day.planned) problem('issue', `${day.issued.length} answers for ${day.planned} keys`);
  if (rows.length !== day.planned) problem('issue', `${rows.length} tickets in the database for ${day.planned} keys`);
  if (new Set(day.issued.map((t) => t.ticketId)).size !== day.issued.length) problem('issue', 'two keys answered with one ticket');
  for (const t of day.issued) {
    const row = byId.get(t.ticketId);
    if (!row) problem('issue', `${t.key} answered with ticket ${t.ticketId}, not in the database`);
    else if (row.number !== t.number || row.grp !== t.group || row.priority !== t.priority) problem('issue', `${t.key}: kiosk printed ${t.number}, database has ${row.number}`);
    if (stored.get(t.key) !== t.ticketId) problem('issue', `${t.key}: stored answer ${stored.get(t.key)} ≠ kiosk's ${t.ticketId}`);
  }

  // Numbers 1…n per group, as the workstation's own queue writes them.
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(r.grp, [...(groups.get(r.grp) ?? []), r]);
  for (const [g, list] of groups) {
    const seqs = list.map((r) => r.seq).sort((a, b) => a - b);
    seqs.forEach((s, i) => s !== i + 1 && problem('numbering', `group ${g}: ${i + 1}th ticket has sequence ${s}`));
    for (const r of list) if (r.number !== `${g}-${String(r.seq).padStart(3, '0')}`) problem('numbering', `${r.number} for ${g} #${r.seq}`);
  }
  if (new Set(rows.map((r) => r.number)).size !== rows.length) problem('numbering', 'a number given twice');

  for (const r of rows) if (r.state !== 'done' && r.state !== 'noShow') problem('finished', `${r.number} is ${r.state}`);

  // Each ticket called once, at one window, which the database and the window's own log name.
  const calledBy = new Map<number, string[]>();
  for (const w of day.windows) for (const c of w.calls) calledBy.set(c.ticketId, [...(calledBy.get(c.ticketId) ?? []), w.window]);
  for (const r of rows) {
    const by = calledBy.get(r.id) ?? [];
    if (by.length !== 1) problem('called once', `${r.number} called by windows [${by.join(', ')}]`);
    else if (by[0] !== r.window) problem('called once', `${r.number}: window ${by[0]} called it, database says ${r.window}`);
    if (r.call_seq === null) problem('called once', `${r.number} has no call order`);
  }

  // The events: one first call per ticket, at its window; then every board has every one of them.
  const firstCalls = new Map<number, number>();
  for (const e of events) {
    if (e.payload.recall) continue;
    firstCalls.set(e.payload.ticketId, (firstCalls.get(e.payload.ticketId) ?? 0) + 1);
    if (byId.get(e.payload.ticketId)?.window !== e.payload.window) problem('events', `event ${e.id} names window ${e.payload.window}`);
  }
  for (const r of rows) if (firstCalls.get(r.id) !== 1) problem('events', `${r.number} has ${firstCalls.get(r.id) ?? 0} first-call events`);
  const eventIds = new Set(events.map((e) => e.id));
  for (const b of day.boards) {
    const got = new Set(b.called.map((c) => c.id));
    if (got.size !== b.called.length) problem('boards', `${b.device} was handed ${b.called.length - got.size} events twice`);
    const missing = [...eventIds].filter((id) => !got.has(id));
    const extra = [...got].filter((id) => !eventIds.has(id));
    if (missing.length) problem('boards', `${b.device} missed ${missing.length} of ${eventIds.size} call events (first: ${missing.slice(0, 5).join(', ')})`);
    if (extra.length) problem('boards', `${b.device} got ${extra.length} events the database does not hold`);
    const firsts = new Map<number, number>();
    for (const c of b.called) if (!c.recall) firsts.set(c.ticketId, (firsts.get(c.ticketId) ?? 0) + 1);
    for (const r of rows) if (firsts.get(r.id) !== 1) problem('boards', `${b.device} saw ${firsts.get(r.id) ?? 0} first calls of ${r.number}`);
  }

  const lines = checkLines(rows, day, maxStreak, problem);
  return {
    problems,
    figures: {
      tickets: rows.length,
      priority: rows.filter((r) => r.priority).length,
      calls: [...calledBy.values()].reduce((n, l) => n + l.length, 0),
      recallEvents: events.filter((e) => e.payload.recall).length,
      done: rows.filter((r) => r.state === 'done').length,
      noShow: rows.filter((r) => r.state === 'noShow').length,
      boardEvents: day.boards.map((b) => b.called.length),
      ...lines,
    },
  };
}

/** Per line, in call order: the streak's limit, no regular ticket starved, first come first served per class. */
function checkLines(
  rows: Row[],
  day: { issued: IssuedTicket[]; windows: WindowOutcome[] },
  maxStreak: number,
  problem: (kind: string, detail: string) => void,
) {
  const answeredAt = new Map(day.issued.map((t) => [t.ticketId, t.answeredAt]));
  const sentAt = new Map(day.windows.flatMap((w) => w.calls.map((c) => [c.ticketId, c.sentAt] as const)));
  let maxStreakSeen = 0;
  let forcedRegular = 0;
  const priorityOverWaiting = new Set<number>();
  const byLine = new Map<string, Row[]>();
  for (const r of rows) if (r.call_seq !== null) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);

  for (const [line, list] of byLine) {
    const calls = list.sort((a, b) => a.call_seq! - b.call_seq!);
    calls.forEach((c, i) => c.call_seq !== i + 1 && problem('call order', `line ${line}: call ${i + 1} has call_seq ${c.call_seq}`));
    for (const [i, c] of calls.entries()) {
      maxStreakSeen = Math.max(maxStreakSeen, c.streak_after ?? 0);
      if ((c.streak_after ?? 0) > maxStreak) problem('streak', `line ${line}: ${c.number} called with streak ${c.streak_after} > ${maxStreak}`);
      if (!c.priority && i > 0 && calls[i - 1]!.streak_after === maxStreak) forcedRegular++;
    }
    // The first call of the line that certainly saw each ticket waiting (-1: none before its own).
    const firstSeen = (t: Row) => {
      const at = answeredAt.get(t.id) ?? Infinity;
      return calls.findIndex((c) => (sentAt.get(c.id) ?? -Infinity) > at);
    };
    for (const [k, t] of calls.entries()) {
      const from = firstSeen(t);
      if (from < 0 || from >= k) continue;
      let run = 0;
      for (let j = from; j < k; j++) {
        const c = calls[j]!;
        const sameClass = (c.priority === null) === (t.priority === null);
        // First come first served within a class: nobody of the class issued after t goes before it.
        if (sameClass && c.line_order > t.line_order) problem('fifo', `line ${line}: ${c.number} called before ${t.number}, issued earlier and waiting`);
        if (t.priority) continue;
        if (c.priority) {
          priorityOverWaiting.add(c.id);
          if (++run > maxStreak) problem('starvation', `line ${line}: ${t.number} passed over by ${run} priority calls in a row (limit ${maxStreak})`);
        } else run = 0;
      }
    }
  }
  return { maxStreakSeen, forcedRegular, priorityOverWaiting: priorityOverWaiting.size };
}
