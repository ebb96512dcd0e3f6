import type { Database } from 'better-sqlite3';

/**
 * Training runs: one trainee walking one scenario at a window, bound to the walk-in's ticket
 * and, once opened, to the case. Progress is not stored: it is derived from the case's own steps
 * each time, so what the trainer sees is exactly what the case did. The score is stored when the
 * run ends, so it reads the same later. The contract errors the trainee met during the run that
 * mean a rule was broken (a step out of order, forwarding unsigned, an act not offered here) are
 * kept beside it, with the step the case stood at.
 */
export function migration0009(db: Database): void {
  db.exec(`
    CREATE TABLE training_runs (
      id          INTEGER PRIMARY KEY,
      scenario_id TEXT NOT NULL,
      trainee_id  INTEGER NOT NULL REFERENCES operators(id),
      trainer_id  INTEGER NOT NULL REFERENCES operators(id),
      window      TEXT,
      state       TEXT NOT NULL CHECK (state IN ('waiting', 'inProgress', 'finished', 'stopped')),
      started_at  TEXT NOT NULL,
      ended_at    TEXT,
      ticket_id   INTEGER REFERENCES tickets(id),
      case_id     INTEGER REFERENCES cases(id),
      score       TEXT,
      -- What the trainer's screen last heard of (case and ticket versions, mistakes): a change
      -- in it is what 'training.changed' announces.
      seen        TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX training_runs_by_trainee ON training_runs (trainee_id, id);
    CREATE INDEX training_runs_open ON training_runs (state) WHERE state IN ('waiting', 'inProgress');

    CREATE TABLE training_mistakes (
      id      INTEGER PRIMARY KEY,
      run_id  INTEGER NOT NULL REFERENCES training_runs(id),
      at      TEXT NOT NULL,
      call    TEXT NOT NULL,
      code    TEXT NOT NULL,
      reason  TEXT,
      step    TEXT
    ) STRICT;
    CREATE INDEX training_mistakes_by_run ON training_mistakes (run_id, id);
  `);
}
