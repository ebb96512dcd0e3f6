/**
 * The branch's directory of operator accounts: what the workstations push (an account created,
 * disabled or enabled, its password set) and what they pull, so an operator can log in at any
 * counter of the branch. The later version of an account wins, by the time its workstation wrote
 * it; a version pushed again (a retried sync, a pulled account sent back) changes nothing.
 */
import type { Pool } from 'pg';
import type { BranchOutput, BranchParsed, DirectoryAccount } from '../shared/branch/wire';
import { inTransaction } from './db/tx';
import type { Device } from './queue';
import type { Sealer } from './sealing';

export class BranchDirectory {
  constructor(
    private readonly pool: Pool,
    private readonly sealer: Sealer,
  ) {}

  async push(device: Device, input: BranchParsed<'operators.push'>): Promise<BranchOutput<'operators.push'>> {
    const accounts = latestPerLogin(input.accounts);
    if (!accounts.length) return { stored: 0 };
    return inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<{ stored: number }>(UPSERT, [device.id, JSON.stringify(accounts.map((a) => this.row(a)))]);
      const stored = rows[0]!.stored;
      if (stored > 0) await c.query(`SELECT pg_notify('azho_branch', json_build_object('type', 'operators.changed', 'id', 0)::text)`);
      return { stored };
    });
  }

  async pull(): Promise<BranchOutput<'operators.pull'>> {
    const { rows } = await this.pool.query<StoredRow>(SELECT_ALL);
    return {
      accounts: rows.map((r) => ({
        login: r.login,
        fullName: this.sealer.open('operators.full_name', r.full_name_enc),
        iin: this.sealer.open('operators.iin', r.iin_enc),
        role: r.role,
        passwordHash: r.password_hash,
        mustChangePassword: r.must_change_password,
        disabled: r.disabled,
        createdAt: r.created_at,
        passwordChangedAt: r.password_changed_at,
        updatedAt: r.updated_at,
      })),
    };
  }

  /**
   * The full names of these logins, opened from the directory (sealed there as personal data),
   * for the supervisor's report to name its operators; a login the directory lacks is left out.
   */
  async fullNames(logins: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(logins)];
    if (!wanted.length) return new Map();
    const { rows } = await this.pool.query<{ login: string; full_name_enc: Buffer }>(
      'SELECT login, full_name_enc FROM operators WHERE login = ANY($1::text[])',
      [wanted],
    );
    return new Map(rows.map((r) => [r.login, this.sealer.open('operators.full_name', r.full_name_enc)]));
  }

  private row(a: DirectoryAccount) {
    const { fullName, iin, ...rest } = a;
    return {
      ...rest,
      fullNameEnc: this.sealer.seal('operators.full_name', fullName).toString('base64'),
      iinEnc: this.sealer.seal('operators.iin', iin).toString('base64'),
      iinIndex: this.sealer.index(iin).toString('base64'),
    };
  }
}

/** One statement may change a row once: of one login sent twice in a batch, the later version. */
function latestPerLogin(accounts: DirectoryAccount[]): DirectoryAccount[] {
  const byLogin = new Map<string, DirectoryAccount>();
  for (const a of accounts) {
    const seen = byLogin.get(a.login);
    if (!seen || Date.parse(seen.updatedAt) < Date.parse(a.updatedAt)) byLogin.set(a.login, a);
  }
  return [...byLogin.values()];
}

interface StoredRow {
  login: string;
  full_name_enc: Buffer;
  iin_enc: Buffer;
  role: DirectoryAccount['role'];
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  created_at: string;
  password_changed_at: string;
  updated_at: string;
}

const SELECT_ALL = /* sql */ `
SELECT login, full_name_enc, iin_enc, role, password_hash, must_change_password, disabled,
  iso(created_at) AS created_at, iso(password_changed_at) AS password_changed_at, iso(updated_at) AS updated_at
FROM operators ORDER BY login`;

// A password set anew (an administrator's reset, the operator's own change) lifts the login's
// lockout for the whole branch, as a reset does on the workstation itself; so does the account's
// creation, for failures typed against the login before it existed.
const UPSERT = /* sql */ `
WITH incoming AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(login text, "fullNameEnc" text, "iinEnc" text, "iinIndex" text, role text,
    "passwordHash" text, "mustChangePassword" boolean, disabled boolean, "createdAt" timestamptz, "passwordChangedAt" timestamptz,
    "updatedAt" timestamptz)
), previous AS (
  SELECT o.login, o.password_changed_at FROM operators o JOIN incoming i USING (login)
), stored AS (
  INSERT INTO operators AS o (login, full_name_enc, iin_enc, iin_index, role, password_hash, must_change_password, disabled,
    created_at, password_changed_at, updated_at, updated_by)
  SELECT login, decode("fullNameEnc", 'base64'), decode("iinEnc", 'base64'), decode("iinIndex", 'base64'), role, "passwordHash",
    "mustChangePassword", disabled, "createdAt", "passwordChangedAt", "updatedAt", $1
  FROM incoming
  ON CONFLICT (login) DO UPDATE SET full_name_enc = excluded.full_name_enc, iin_enc = excluded.iin_enc, iin_index = excluded.iin_index,
    role = excluded.role, password_hash = excluded.password_hash, must_change_password = excluded.must_change_password,
    disabled = excluded.disabled, created_at = excluded.created_at, password_changed_at = excluded.password_changed_at,
    updated_at = excluded.updated_at, updated_by = excluded.updated_by
  WHERE o.updated_at < excluded.updated_at
  RETURNING o.login, o.password_changed_at
), lifted AS (
  DELETE FROM login_throttle t USING stored s LEFT JOIN previous p ON p.login = s.login
  WHERE t.login_key = s.login AND (p.login IS NULL OR p.password_changed_at < s.password_changed_at)
  RETURNING 1
)
SELECT (SELECT count(*) FROM stored)::int AS stored, (SELECT count(*) FROM lifted)::int AS lifted`;
