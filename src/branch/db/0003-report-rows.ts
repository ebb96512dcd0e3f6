/**
 * What the supervisor's reports read beside the registry's cases: each case's steps (norm against
 * the time it took) and the applicant's survey, reported by the workstations with their cases.
 * The cases gain the queue group of their service and the refusal's Russian reason.
 */
export const migration0003 = /* sql */ `
ALTER TABLE cases ADD COLUMN grp text;
ALTER TABLE cases ADD COLUMN refusal_reason_ru text;
-- The case version whose steps are stored: a case's steps are replaced only by a version at
-- least as new, so an older report arriving late never undoes a newer one.
ALTER TABLE cases ADD COLUMN steps_version int;

CREATE TABLE case_steps (
  device_id      int NOT NULL,
  local_id       bigint NOT NULL,
  ord            int NOT NULL,
  regulation_id  text NOT NULL,
  step           text NOT NULL,
  operator_login text,
  started_at     timestamptz NOT NULL,
  ended_at       timestamptz,
  norm_due_at    timestamptz,
  breached       boolean NOT NULL,
  PRIMARY KEY (device_id, local_id, ord),
  FOREIGN KEY (device_id, local_id) REFERENCES cases (device_id, local_id) ON DELETE CASCADE
);
-- A period's steps are those ended in it and those still open: one index for each, so the two
-- halves of the report's condition are each an index range.
CREATE INDEX case_steps_ended ON case_steps (ended_at);
CREATE INDEX case_steps_open ON case_steps (started_at) WHERE ended_at IS NULL;

-- The norm of each act's step as the workstations applied it (the newest report wins): the branch
-- keeps no copy of the acts, and a report reads a few hundred of these, not one per step.
CREATE TABLE step_norms (
  regulation_id text NOT NULL,
  step          text NOT NULL,
  norm          jsonb,
  PRIMARY KEY (regulation_id, step)
);

-- Written once by the applicant; a report sent again finds it stored.
CREATE TABLE case_surveys (
  device_id           int NOT NULL,
  local_id            bigint NOT NULL,
  process_quality     int NOT NULL CHECK (process_quality BETWEEN 1 AND 3),
  information_quality int NOT NULL CHECK (information_quality BETWEEN 1 AND 3),
  answered_at         timestamptz NOT NULL,
  PRIMARY KEY (device_id, local_id),
  FOREIGN KEY (device_id, local_id) REFERENCES cases (device_id, local_id) ON DELETE CASCADE
);
`;
