/** The outbox in SQLite. Requests and answers are sealed: they carry IINs, names and addresses. */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Failure, MessageKind, MessageState, OutboxMessageView } from '../../shared/gateway';
import { iso } from '../clock';
import type { FieldCipher } from '../crypto/fieldCipher';
import type { Answer, OutboxMessage, Request } from './messages';

interface Row {
  id: number;
  case_id: number;
  kind: MessageKind;
  message_id: string;
  correlation_id: string;
  payload_enc: Buffer;
  state: MessageState;
  attempts: number;
  next_attempt_at: number;
  last_failure: Failure | null;
  last_code: string | null;
  created_at: string;
  done_at: string | null;
}

const REQUEST = 'outbox.payload';
const ANSWER = 'outbox.answer';

export function createOutboxStore(db: Database, cipher: FieldCipher) {
  const q = {
    insert: db.prepare(
      `INSERT INTO outbox (case_id, kind, message_id, correlation_id, payload_enc, state, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ),
    // The oldest open message of each case is its head; only a pending, due head may be sent.
    dueHeads: db.prepare(
      `SELECT o.* FROM outbox o
       JOIN (SELECT case_id, min(id) AS id FROM outbox WHERE state != 'done' GROUP BY case_id) h ON h.id = o.id
       WHERE o.state = 'pending' AND o.next_attempt_at <= ?
       ORDER BY o.next_attempt_at, o.id LIMIT ?`,
    ),
    nextDueHead: db.prepare(
      `SELECT min(o.next_attempt_at) AS at FROM outbox o
       JOIN (SELECT case_id, min(id) AS id FROM outbox WHERE state != 'done' GROUP BY case_id) h ON h.id = o.id
       WHERE o.state = 'pending'`,
    ),
    head: db.prepare(`SELECT state, attempts FROM outbox WHERE case_id = ? AND state != 'done' ORDER BY id LIMIT 1`),
    done: db.prepare(`UPDATE outbox SET state = 'done', answer_enc = ?, attempts = attempts + 1, last_attempt_at = ?, done_at = ? WHERE id = ? AND state = 'pending'`),
    retry: db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_failure = ?, last_code = ?, last_attempt_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    fail: db.prepare(
      `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_failure = ?, last_code = ?, last_attempt_at = ? WHERE id = ? AND state = 'pending'`,
    ),
    retryNow: db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE message_id = ? AND state != 'done'`),
    caseRetryNow: db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE case_id = ? AND state != 'done'`),
    // The link is back: messages waiting out a long backoff are due now, spread over a moment.
    pullForward: db.prepare(`UPDATE outbox SET next_attempt_at = ? + abs(random() % ?) WHERE state = 'pending' AND next_attempt_at > ?`),
    ofCase: db.prepare('SELECT * FROM outbox WHERE case_id = ? ORDER BY id'),
    openOfCase: db.prepare(`SELECT * FROM outbox WHERE case_id = ? AND state != 'done' ORDER BY id`),
    hasKind: db.prepare('SELECT 1 FROM outbox WHERE case_id = ? AND kind = ? LIMIT 1'),
    hasOpenKind: db.prepare(`SELECT 1 FROM outbox WHERE case_id = ? AND kind = ? AND state != 'done' LIMIT 1`),
    lastDone: db.prepare(`SELECT done_at FROM outbox WHERE case_id = ? AND kind = ? AND state = 'done' ORDER BY id DESC LIMIT 1`),
    open: db.prepare(`SELECT * FROM outbox WHERE state != 'done' ORDER BY case_id, id LIMIT ?`),
    counts: db.prepare(
      `SELECT sum(state = 'pending') AS pending, sum(state = 'failed') AS failed, count(DISTINCT case_id) AS cases FROM outbox WHERE state != 'done'`,
    ),
    answer: db.prepare('SELECT answer_enc FROM outbox WHERE case_id = ? AND kind = ? AND state = \'done\' ORDER BY id DESC LIMIT 1'),
  };

  const toMessage = (r: Row): OutboxMessage => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    messageId: r.message_id,
    correlationId: r.correlation_id,
    request: JSON.parse(cipher.open(REQUEST, r.payload_enc)) as Request,
    attempts: r.attempts,
  });
  const toView = (r: Row): OutboxMessageView => ({
    messageId: r.message_id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'pending' ? iso(r.next_attempt_at) : null,
    lastFailure: r.last_failure,
    lastCode: r.last_code,
    createdAt: r.created_at,
    doneAt: r.done_at,
  });

  return {
    /** Writes a message; call it inside the transaction of the case change that asks for it. */
    enqueue(caseId: number, caseNumber: string, request: Request, nowMs: number): string {
      const messageId = randomUUID();
      q.insert.run(caseId, request.kind, messageId, caseNumber, cipher.seal(REQUEST, JSON.stringify(request)), nowMs, iso(nowMs));
      return messageId;
    },
    dueHeads(nowMs: number, limit: number): OutboxMessage[] {
      return (q.dueHeads.all(nowMs, limit) as Row[]).map(toMessage);
    },
    /** When the earliest waiting head falls due (messages behind a head wait for it, not for the clock). */
    nextDueAt(): number | null {
      return (q.nextDueHead.get() as { at: number | null }).at;
    },
    /** The case's first open message: what the case is waiting on, if anything. */
    head(caseId: number): { state: MessageState; attempts: number } | null {
      return (q.head.get(caseId) as { state: MessageState; attempts: number } | undefined) ?? null;
    },
    /** Stores the answer and closes the message; false when it was already closed (nothing applied twice). */
    markDone(id: number, answer: Answer, nowMs: number): boolean {
      const at = iso(nowMs);
      return q.done.run(cipher.seal(ANSWER, JSON.stringify(answer)), at, at, id).changes === 1;
    },
    retryLater(id: number, nextAttemptAt: number, failure: Failure, code: string | null, nowMs: number) {
      q.retry.run(nextAttemptAt, failure, code, iso(nowMs), id);
    },
    markFailed(id: number, failure: Failure, code: string | null, nowMs: number) {
      q.fail.run(failure, code, iso(nowMs), id);
    },
    retryNow(messageId: string, nowMs: number): boolean {
      return q.retryNow.run(nowMs, messageId).changes === 1;
    },
    retryCaseNow(caseId: number, nowMs: number): number {
      return q.caseRetryNow.run(nowMs, caseId).changes;
    },
    pullForward(nowMs: number, spreadMs: number): number {
      return q.pullForward.run(nowMs, Math.max(1, spreadMs), nowMs).changes;
    },
    hasMessage: (caseId: number, kind: MessageKind) => q.hasKind.get(caseId, kind) !== undefined,
    hasOpenMessage: (caseId: number, kind: MessageKind) => q.hasOpenKind.get(caseId, kind) !== undefined,
    lastDoneAt: (caseId: number, kind: MessageKind) => (q.lastDone.get(caseId, kind) as { done_at: string } | undefined)?.done_at ?? null,
    /** The last answer of a kind for a case (the look-ups the engine is waiting to combine). */
    answer(caseId: number, kind: MessageKind): Answer | null {
      const r = q.answer.get(caseId, kind) as { answer_enc: Buffer } | undefined;
      return r ? (JSON.parse(cipher.open(ANSWER, r.answer_enc)) as Answer) : null;
    },
    views: (caseId: number) => (q.ofCase.all(caseId) as Row[]).map(toView),
    openViews: (caseId: number) => (q.openOfCase.all(caseId) as Row[]).map(toView),
    /** Open messages across cases, grouped by case in order (the backlog screen). */
    openByCase(limit: number): Map<number, OutboxMessageView[]> {
      const byCase = new Map<number, OutboxMessageView[]>();
      for (const r of q.open.all(limit) as Row[]) {
        let list = byCase.get(r.case_id);
        if (!list) byCase.set(r.case_id, (list = []));
        list.push(toView(r));
      }
      return byCase;
    },
    counts() {
      const r = q.counts.get() as { pending: number | null; failed: number | null; cases: number };
      return { pending: r.pending ?? 0, failed: r.failed ?? 0, casesWaiting: r.cases };
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
