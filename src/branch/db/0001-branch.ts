/**
 * The branch's first schema: devices and their enrollment, the branch queue, the registry of
 * cases, the workstations' audit rows, and the events the boards catch up from.
 */
export const migration0001 = /* sql */ `
CREATE TABLE branch_settings (
  only_row              boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  branch_id             text NOT NULL,
  name                  text NOT NULL,
  time_zone             text NOT NULL DEFAULT 'Asia/Almaty',
  priority_categories   text[] NOT NULL DEFAULT '{disability,elderly,pregnant,infant}',
  max_priority_streak   int NOT NULL DEFAULT 3 CHECK (max_priority_streak BETWEEN 1 AND 20),
  recalls_before_no_show int NOT NULL DEFAULT 2,
  -- A called ticket nobody came for becomes a no-show after this long (the counter's default).
  no_show_after_seconds int NOT NULL DEFAULT 300
);

-- Workstations, kiosks and boards: each enrolled once by an administrator, known by its certificate.
CREATE TABLE devices (
  id          serial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('workstation', 'kiosk', 'board')),
  cert_serial text UNIQUE,
  enrolled_at timestamptz,
  revoked_at  timestamptz,
  last_seen   timestamptz
);

-- One-time codes, kept as SHA-256: a leaked table enrolls nobody.
CREATE TABLE enrollment_codes (
  code_hash   bytea PRIMARY KEY,
  device_name text NOT NULL,
  role        text NOT NULL CHECK (role IN ('workstation', 'kiosk', 'board')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

-- Nonces of the last minutes. Unlogged: no WAL and no flush per request; a PostgreSQL crash
-- forgets them, which the idempotency keys below make harmless.
CREATE UNLOGGED TABLE request_nonces (
  nonce   text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);

-- Every change a device asks for, by the idempotency key it fixed when it wrote the change:
-- a repeat (a retry after a lost answer, a reconciliation sent twice) gets the first answer.
CREATE TABLE requests (
  idem_key  text PRIMARY KEY,
  device_id int NOT NULL REFERENCES devices(id),
  call      text NOT NULL,
  response  jsonb NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
  id            bigserial PRIMARY KEY,
  day           date NOT NULL,
  grp           text NOT NULL CHECK (length(grp) = 1),
  line          text NOT NULL CHECK (length(line) = 1),
  seq           int NOT NULL,
  number        text NOT NULL,
  priority      text,
  regulation_id text,
  state         text NOT NULL CHECK (state IN ('waiting', 'called', 'serving', 'done', 'noShow', 'unserved')),
  "window"      text,
  operator_login text,
  recalls       int NOT NULL DEFAULT 0,
  issued_at     timestamptz NOT NULL,
  line_order    bigint NOT NULL,
  called_at     timestamptz,
  service_started_at timestamptz,
  finished_at   timestamptz,
  case_number   text,
  transfers     int NOT NULL DEFAULT 0,
  version       int NOT NULL DEFAULT 0,
  -- The order of calls within the line, and the priority streak after this call: the
  -- anti-starvation rule can be checked afterwards from the tickets alone.
  call_seq      bigint,
  streak_after  int,
  issued_by     int REFERENCES devices(id),
  -- A ticket a workstation numbered on its own while cut off: (device, its local id) is its key.
  origin_device int REFERENCES devices(id),
  origin_id     bigint,
  UNIQUE (origin_device, origin_id)
);
CREATE UNIQUE INDEX tickets_number ON tickets (day, grp, seq) WHERE origin_device IS NULL;
-- The head of each line in one index step. A workstation's fallback tickets are its own to
-- call: the branch records them, and never hands them to another window.
CREATE INDEX tickets_line ON tickets (day, line, (priority IS NOT NULL), line_order) WHERE state = 'waiting' AND "window" IS NULL AND origin_device IS NULL;
CREATE INDEX tickets_reserved ON tickets (day, "window", line_order) WHERE state = 'waiting' AND "window" IS NOT NULL;
-- A window has at most one ticket called or in service: two windows can never share one either.
CREATE UNIQUE INDEX tickets_window_current ON tickets (day, "window") WHERE state IN ('called', 'serving');
CREATE INDEX tickets_day ON tickets (day, state);
CREATE INDEX tickets_called ON tickets (day, called_at DESC) WHERE state IN ('called', 'serving');

CREATE TABLE ticket_sequences (
  day  date NOT NULL,
  grp  text NOT NULL,
  last int NOT NULL,
  PRIMARY KEY (day, grp)
);

-- Per line and day: consecutive priority calls while a regular ticket waited, and calls made.
CREATE TABLE queue_lines (
  day    date NOT NULL,
  line   text NOT NULL,
  streak int NOT NULL DEFAULT 0,
  calls  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, line)
);

CREATE TABLE windows (
  "window"       text PRIMARY KEY,
  device_id      int NOT NULL REFERENCES devices(id),
  groups         text[] NOT NULL,
  paused         boolean NOT NULL DEFAULT false,
  operator_login text,
  updated_at     timestamptz NOT NULL
);

-- Calls the boards announce, kept so a board that reconnects catches up on what it missed.
CREATE TABLE events (
  id      bigserial PRIMARY KEY,
  day     date NOT NULL,
  payload jsonb NOT NULL
);

-- The registry of the branch's cases. The applicant's IIN and name are sealed by the branch's
-- key (AES-256-GCM) with a keyed index for look-ups; the rest is the case's structure.
CREATE TABLE cases (
  device_id      int NOT NULL REFERENCES devices(id),
  local_id       bigint NOT NULL,
  version        int NOT NULL,
  number         text NOT NULL,
  regulation_id  text NOT NULL,
  status         text NOT NULL,
  step           text NOT NULL,
  outcome        text,
  refusal_reason text,
  registration_number text,
  operator_login text NOT NULL,
  "window"       text,
  training       boolean NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  applicant_index bytea,
  applicant_enc  bytea,
  received_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, local_id)
);
CREATE INDEX cases_created ON cases (created_at);
CREATE INDEX cases_applicant ON cases (applicant_index);

CREATE TABLE audit (
  device_id   int NOT NULL REFERENCES devices(id),
  local_id    bigint NOT NULL,
  at          timestamptz NOT NULL,
  actor       text,
  action      text NOT NULL,
  subject     text,
  detail      text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, local_id)
);
CREATE INDEX audit_at ON audit (at);

-- Time as the contract writes it: ISO 8601 in UTC with milliseconds.
CREATE FUNCTION iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION ticket_json(t tickets) RETURNS jsonb STABLE LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'id', t.id, 'number', t.number, 'group', t.line, 'priority', t.priority, 'regulationId', t.regulation_id,
    'state', t.state, 'window', t."window", 'recalls', t.recalls, 'issuedAt', iso(t.issued_at),
    'calledAt', iso(t.called_at), 'serviceStartedAt', iso(t.service_started_at), 'finishedAt', iso(t.finished_at),
    'caseId', NULL, 'transfers', t.transfers, 'version', t.version)
$$;

-- A call the boards announce: stored (for catching up) and notified (for now) in the caller's transaction.
CREATE FUNCTION announce(p_day date, t tickets, p_recall boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_payload jsonb;
BEGIN
  v_payload := jsonb_build_object('type', 'queue.called', 'day', p_day::text, 'ticketId', t.id, 'number', t.number,
    'window', t."window", 'recall', p_recall, 'at', iso(now()));
  INSERT INTO events (day, payload) VALUES (p_day, v_payload) RETURNING id INTO v_id;
  PERFORM pg_notify('azho_branch', (v_payload || jsonb_build_object('id', v_id))::text);
END $$;

-- The choice among the heads of the given lines, by the counter's rule (core/queue/callPolicy.ts)
-- per line: priority first, but not more than p_max priority calls in a row while a regular
-- ticket waits. Across lines: a priority ticket first, then the earliest issued. The heads are
-- locked (SKIP LOCKED: a ticket being called by number elsewhere is passed over).
CREATE FUNCTION choose_next(p_day date, p_window text, p_lines text[], p_max int,
  OUT ticket_id bigint, OUT streak int, OUT line text) LANGUAGE plpgsql AS $$
DECLARE
  v_line text;
  v_streak int;
  v_pr tickets;
  v_rg tickets;
  v_cand tickets;
  v_cand_streak int;
  v_best tickets;
BEGIN
  -- A ticket transferred to this window comes first.
  SELECT * INTO v_best FROM tickets t WHERE t.day = p_day AND t.state = 'waiting' AND t."window" = p_window
    AND t.origin_device IS NULL ORDER BY t.line_order LIMIT 1 FOR UPDATE SKIP LOCKED;
  IF v_best.id IS NOT NULL THEN
    ticket_id := v_best.id;
    RETURN;
  END IF;
  FOREACH v_line IN ARRAY p_lines LOOP
    SELECT * INTO v_pr FROM tickets t WHERE t.day = p_day AND t.state = 'waiting' AND t."window" IS NULL AND t.line = v_line
      AND t.origin_device IS NULL AND t.priority IS NOT NULL ORDER BY t.line_order LIMIT 1 FOR UPDATE SKIP LOCKED;
    -- The regular head in the same index step: PostgreSQL cannot use "priority IS NULL" against the
    -- index's (priority IS NOT NULL) column, and would sort the whole line (100,000 tickets in the
    -- day: some 15 ms a line). Regular tickets sort first; a priority one here means none waits.
    SELECT * INTO v_rg FROM tickets t WHERE t.day = p_day AND t.state = 'waiting' AND t."window" IS NULL AND t.line = v_line
      AND t.origin_device IS NULL ORDER BY (t.priority IS NOT NULL), t.line_order LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF v_rg.priority IS NOT NULL THEN v_rg := NULL; END IF;
    v_streak := coalesce((SELECT q.streak FROM queue_lines q WHERE q.day = p_day AND q.line = v_line), 0);
    IF v_pr.id IS NOT NULL AND v_rg.id IS NOT NULL THEN
      IF v_streak >= p_max THEN v_cand := v_rg; v_cand_streak := 0;
      ELSE v_cand := v_pr; v_cand_streak := v_streak + 1; END IF;
    ELSIF v_pr.id IS NOT NULL THEN v_cand := v_pr; v_cand_streak := 0;
    ELSIF v_rg.id IS NOT NULL THEN v_cand := v_rg; v_cand_streak := 0;
    ELSE CONTINUE;
    END IF;
    IF v_best.id IS NULL
       OR (v_cand.priority IS NOT NULL AND v_best.priority IS NULL)
       OR ((v_cand.priority IS NOT NULL) = (v_best.priority IS NOT NULL) AND v_cand.line_order < v_best.line_order) THEN
      v_best := v_cand; streak := v_cand_streak; line := v_line;
    END IF;
  END LOOP;
  ticket_id := v_best.id;
END $$;

/*
 * Call-next for a window, in one statement: the lock is held for its run and its commit only.
 * Windows that serve the same line are serialised by a transaction-scoped advisory lock per
 * (day, line): the rule reads the heads of two classes and the line's streak and must decide on
 * one consistent view. First the window takes the lines that are free at this instant and
 * chooses among them — a line another window is calling from right now is passed over rather
 * than waited for, so twenty windows over a handful of lines do not queue behind each other;
 * when every line is busy it waits for one of them, not for all. Only when those lines have nobody for it does it let go (the block's subtransaction releases
 * its locks), wait for every line in a fixed order (no deadlock), and choose among all.
 */
CREATE FUNCTION call_next(p_key text, p_device int, p_day date, p_window text, p_operator text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_prev jsonb;
  v_groups text[];
  v_paused boolean;
  v_line text;
  v_free text[] := '{}';
  v_max int;
  v_choice record;
  v_seq bigint;
  v_t tickets;
  v_res jsonb;
BEGIN
  -- The same key in flight twice (a retry while the first try still runs): the second waits here
  -- for the first to commit, then reads its answer instead of finding the window busy.
  PERFORM pg_advisory_xact_lock(73020, hashtext(p_key));
  SELECT response INTO v_prev FROM requests WHERE idem_key = p_key;
  IF FOUND THEN RETURN v_prev; END IF;
  SELECT array_agg(g ORDER BY g), bool_or(w.paused) INTO v_groups, v_paused
    FROM windows w, unnest(w.groups) AS g WHERE w."window" = p_window AND w.device_id = p_device;
  IF v_groups IS NULL THEN RAISE EXCEPTION 'WINDOW_TAKEN'; END IF;
  IF v_paused THEN RAISE EXCEPTION 'WINDOW_PAUSED'; END IF;
  IF EXISTS (SELECT 1 FROM tickets WHERE day = p_day AND "window" = p_window AND state IN ('called', 'serving')) THEN
    RAISE EXCEPTION 'WINDOW_BUSY';
  END IF;
  SELECT max_priority_streak INTO v_max FROM branch_settings;

  BEGIN
    FOREACH v_line IN ARRAY v_groups LOOP
      IF pg_try_advisory_xact_lock(73010, hashtext(p_day::text || v_line)) THEN v_free := v_free || v_line; END IF;
    END LOOP;
    IF cardinality(v_free) = 0 THEN
      -- Every line busy: wait for one of them (holding no line, so no deadlock), picked at random so
      -- the waiting windows spread over the lines, then take whichever others have come free.
      v_line := v_groups[1 + floor(random() * cardinality(v_groups))::int];
      PERFORM pg_advisory_xact_lock(73010, hashtext(p_day::text || v_line));
      v_free := ARRAY[v_line];
      FOREACH v_line IN ARRAY v_groups LOOP
        IF NOT v_line = ANY(v_free) AND pg_try_advisory_xact_lock(73010, hashtext(p_day::text || v_line)) THEN
          v_free := v_free || v_line;
        END IF;
      END LOOP;
    END IF;
    v_choice := choose_next(p_day, p_window, v_free, v_max);
    IF v_choice.ticket_id IS NULL AND cardinality(v_free) < cardinality(v_groups) THEN RAISE EXCEPTION 'LINES_BUSY'; END IF;
  EXCEPTION WHEN raise_exception THEN
    IF SQLERRM <> 'LINES_BUSY' THEN RAISE; END IF;
    FOREACH v_line IN ARRAY v_groups LOOP
      PERFORM pg_advisory_xact_lock(73010, hashtext(p_day::text || v_line));
    END LOOP;
    v_choice := choose_next(p_day, p_window, v_groups, v_max);
  END;
  IF v_choice.ticket_id IS NULL THEN RAISE EXCEPTION 'QUEUE_EMPTY'; END IF;

  IF v_choice.line IS NOT NULL THEN
    INSERT INTO queue_lines (day, line, streak, calls) VALUES (p_day, v_choice.line, v_choice.streak, 1)
      ON CONFLICT (day, line) DO UPDATE SET streak = excluded.streak, calls = queue_lines.calls + 1
      RETURNING calls INTO v_seq;
  END IF;
  UPDATE tickets SET state = 'called', "window" = p_window, operator_login = p_operator, called_at = now(),
    version = version + 1, call_seq = v_seq, streak_after = v_choice.streak
    WHERE id = v_choice.ticket_id RETURNING * INTO v_t;
  PERFORM announce(p_day, v_t, false);
  -- The other windows' panels and the boards' "next" list: a ticket left its line.
  PERFORM pg_notify('azho_branch', json_build_object('type', 'queue.changed', 'id', 0, 'day', p_day::text)::text);
  v_res := ticket_json(v_t);
  INSERT INTO requests (idem_key, device_id, call, response) VALUES (p_key, p_device, 'queue.callNext', v_res);
  RETURN v_res;
END $$;
`;
