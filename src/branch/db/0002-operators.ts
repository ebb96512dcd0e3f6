/**
 * The branch's directory of operator accounts, shared by its workstations, and the branch-wide
 * count of failed logins behind the shared lockout.
 */
export const migration0002 = /* sql */ `
-- One row per login. The name and the IIN are sealed by the branch's key (AES-256-GCM, the
-- column as associated data), the IIN also indexed by keyed HMAC; the password is the
-- workstation's scrypt hash, never the password. updated_at is the workstation's time of the
-- change: a version is stored only over an earlier one (last writer wins).
CREATE TABLE operators (
  login                text PRIMARY KEY,
  full_name_enc        bytea NOT NULL,
  iin_enc              bytea NOT NULL,
  -- Not unique: two counters cut off at once may each have made an account for the same person.
  iin_index            bytea NOT NULL,
  role                 text NOT NULL CHECK (role IN ('operator', 'supervisor', 'trainer', 'admin')),
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL,
  disabled             boolean NOT NULL,
  created_at           timestamptz NOT NULL,
  password_changed_at  timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  updated_by           int NOT NULL REFERENCES devices(id)
);
CREATE INDEX operators_iin ON operators (iin_index);

-- Failures per login as typed, whether or not the account exists (as on each workstation);
-- locked_until at the epoch is "never locked", the workstation's lockedUntil = 0.
CREATE TABLE login_throttle (
  login_key    text PRIMARY KEY,
  failures     int NOT NULL DEFAULT 0,
  lockouts     int NOT NULL DEFAULT 0,
  locked_until timestamptz NOT NULL DEFAULT 'epoch'
);
`;
