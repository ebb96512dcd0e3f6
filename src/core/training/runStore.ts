/** The training_runs and training_mistakes tables (migration 0009). */
import type { Database } from 'better-sqlite3';
import type { Score, TrainingRun } from '../../shared/training/scenario';
import type { RecordedError } from './progress';

export interface RunRecord {
  id: number;
  scenarioId: string;
  traineeId: number;
  trainerId: number;
  window: string | null;
  state: TrainingRun['state'];
  startedAt: string;
  endedAt: string | null;
  ticketId: number | null;
  caseId: number | null;
  score: Score | null;
  seen: string;
}

interface Row {
  id: number; scenario_id: string; trainee_id: number; trainer_id: number; window: string | null; state: RunRecord['state'];
  started_at: string; ended_at: string | null; ticket_id: number | null; case_id: number | null; score: string | null; seen: string;
}

const toRecord = (r: Row): RunRecord => ({
  id: r.id, scenarioId: r.scenario_id, traineeId: r.trainee_id, trainerId: r.trainer_id, window: r.window, state: r.state,
  startedAt: r.started_at, endedAt: r.ended_at, ticketId: r.ticket_id, caseId: r.case_id, score: r.score ? (JSON.parse(r.score) as Score) : null, seen: r.seen,
});

export function createRunStore(db: Database) {
  const q = {
    insert: db.prepare(
      "INSERT INTO training_runs (scenario_id, trainee_id, trainer_id, window, state, started_at, ticket_id) VALUES (?, ?, ?, ?, 'waiting', ?, ?)",
    ),
    get: db.prepare('SELECT * FROM training_runs WHERE id = ?'),
    open: db.prepare("SELECT * FROM training_runs WHERE state IN ('waiting', 'inProgress') ORDER BY id"),
    openOf: db.prepare("SELECT * FROM training_runs WHERE trainee_id = ? AND state IN ('waiting', 'inProgress') ORDER BY id DESC LIMIT 1"),
    lastOf: db.prepare('SELECT * FROM training_runs WHERE trainee_id = ? ORDER BY id DESC LIMIT 1'),
    since: db.prepare("SELECT * FROM training_runs WHERE started_at >= ? OR state IN ('waiting', 'inProgress') ORDER BY id DESC LIMIT 200"),
    bind: db.prepare("UPDATE training_runs SET case_id = ?, state = 'inProgress' WHERE id = ?"),
    end: db.prepare('UPDATE training_runs SET state = ?, ended_at = ?, score = ? WHERE id = ?'),
    seen: db.prepare('UPDATE training_runs SET seen = ? WHERE id = ?'),
    mistake: db.prepare('INSERT INTO training_mistakes (run_id, at, call, code, reason, step) VALUES (?, ?, ?, ?, ?, ?)'),
    mistakes: db.prepare('SELECT call, code, reason, step FROM training_mistakes WHERE run_id = ? ORDER BY id'),
    count: db.prepare('SELECT count(*) AS n FROM training_mistakes WHERE run_id = ?'),
  };
  return {
    insert(r: { scenarioId: string; traineeId: number; trainerId: number; window: string | null; at: string; ticketId: number | null }): number {
      return Number(q.insert.run(r.scenarioId, r.traineeId, r.trainerId, r.window, r.at, r.ticketId).lastInsertRowid);
    },
    get: (id: number) => {
      const r = q.get.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    open: () => (q.open.all() as Row[]).map(toRecord),
    openOf: (traineeId: number) => {
      const r = q.openOf.get(traineeId) as Row | undefined;
      return r && toRecord(r);
    },
    lastOf: (traineeId: number) => {
      const r = q.lastOf.get(traineeId) as Row | undefined;
      return r && toRecord(r);
    },
    since: (at: string) => (q.since.all(at) as Row[]).map(toRecord),
    bind: (id: number, caseId: number) => q.bind.run(caseId, id),
    end: (id: number, state: 'finished' | 'stopped', at: string, score: Score) => q.end.run(state, at, JSON.stringify(score), id),
    markSeen: (id: number, seen: string) => q.seen.run(seen, id),
    addMistake: (runId: number, at: string, e: RecordedError) => q.mistake.run(runId, at, e.call, e.code, e.reason, e.step),
    mistakes: (runId: number) => q.mistakes.all(runId) as RecordedError[],
    mistakeCount: (runId: number) => (q.count.get(runId) as { n: number }).n,
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
