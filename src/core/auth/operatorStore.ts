/**
 * Operator accounts. Full names and IINs are personal data: sealed in the row, never logged.
 * Every change stamps `updated_at`, which orders an account's versions across the branch's
 * counters (migration 0007): the later one wins.
 */
import type { Database } from 'better-sqlite3';
import type { DirectoryAccount } from '../../shared/branch/wire';
import type { Operator, Role } from '../../shared/schemas';
import type { FieldCipher } from '../crypto/fieldCipher';

interface Row {
  id: number;
  login: string;
  full_name_enc: Buffer;
  iin_enc: Buffer;
  role: Role;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  created_at: string;
  password_changed_at: string;
  updated_at: string;
}

export interface OperatorRecord extends Operator {
  passwordHash: string;
}

export interface NewOperator {
  login: string;
  fullName: string;
  iin: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface OperatorStore {
  count(): number;
  /** Whether any account exists; once true it stays true (accounts are disabled, never deleted). */
  any(): boolean;
  byId(id: number): OperatorRecord | undefined;
  byLogin(login: string): OperatorRecord | undefined;
  loginTaken(login: string): boolean;
  iinTaken(iin: string): boolean;
  all(): Operator[];
  activeAdmins(): number;
  insert(op: NewOperator): number;
  setDisabled(id: number, disabled: boolean, at: string): void;
  setPassword(id: number, passwordHash: string, mustChange: boolean, at: string): void;
  /** The account as the branch's directory holds it, password hash included. */
  account(id: number): DirectoryAccount | undefined;
  /** Takes the branch's version of an account when it is later than this one (see `ApplyOutcome`); run it in a transaction. */
  applyFromBranch(account: DirectoryAccount): ApplyOutcome;
}

/**
 * What a pulled account did here: `conflict` when its IIN belongs to another login of this
 * workstation (two counters cut off at once made an account each for one person) — it is left out
 * until an administrator settles it.
 */
export type ApplyOutcome =
  | { change: 'inserted' | 'updated'; id: number; disabledNow: boolean; passwordChanged: boolean }
  | { change: 'unchanged' | 'conflict' };

/**
 * A change's time: now, or just after the account's last change if that is later — a change made
 * after seeing a version always wins over it, even on a counter whose clock runs behind.
 */
const LATER_THAN_NOW = `max(?, coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds'), ''))`;

export function createOperatorStore(db: Database, cipher: FieldCipher): OperatorStore {
  const toRecord = (r: Row): OperatorRecord => ({
    id: r.id,
    login: r.login,
    fullName: cipher.open('operators.full_name', r.full_name_enc),
    iin: cipher.open('operators.iin', r.iin_enc),
    role: r.role,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    passwordHash: r.password_hash,
  });
  const strip = ({ passwordHash: _hidden, ...op }: OperatorRecord): Operator => op;

  const q = {
    count: db.prepare('SELECT count(*) AS n FROM operators'),
    byId: db.prepare('SELECT * FROM operators WHERE id = ?'),
    byLogin: db.prepare('SELECT * FROM operators WHERE login = ?'),
    iin: db.prepare('SELECT 1 FROM operators WHERE iin_index = ?'),
    all: db.prepare('SELECT * FROM operators ORDER BY disabled, login'),
    admins: db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND disabled = 0"),
    insert: db.prepare(
      `INSERT INTO operators (login, full_name_enc, iin_enc, iin_index, role, password_hash, must_change_password, disabled, created_at, password_changed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    disable: db.prepare(`UPDATE operators SET disabled = ?, updated_at = ${LATER_THAN_NOW} WHERE id = ?`),
    password: db.prepare(`UPDATE operators SET password_hash = ?, must_change_password = ?, password_changed_at = ?, updated_at = ${LATER_THAN_NOW} WHERE id = ?`),
    fromBranch: db.prepare(
      `UPDATE operators SET full_name_enc = ?, iin_enc = ?, iin_index = ?, role = ?, password_hash = ?, must_change_password = ?, disabled = ?,
         created_at = ?, password_changed_at = ?, updated_at = ? WHERE id = ?`,
    ),
    iinOwner: db.prepare('SELECT id FROM operators WHERE iin_index = ?'),
    // The branch holds the version it sent: nothing of it is left to push.
    pulled: db.prepare("DELETE FROM branch_pending WHERE kind = 'operator' AND ref = ?"),
  };
  const insertRow = (op: NewOperator & { disabled: boolean; passwordChangedAt: string; updatedAt: string }) =>
    Number(
      q.insert.run(
        op.login.toLowerCase(),
        cipher.seal('operators.full_name', op.fullName),
        cipher.seal('operators.iin', op.iin),
        cipher.blindIndex('operators.iin', op.iin),
        op.role,
        op.passwordHash,
        op.mustChangePassword ? 1 : 0,
        op.disabled ? 1 : 0,
        op.createdAt,
        op.passwordChangedAt,
        op.updatedAt,
      ).lastInsertRowid,
    );

  let anyKnown = false;
  return {
    count: () => (q.count.get() as { n: number }).n,
    any: () => (anyKnown ||= (q.count.get() as { n: number }).n > 0),
    byId: (id) => {
      const r = q.byId.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    byLogin: (login) => {
      const r = q.byLogin.get(login.toLowerCase()) as Row | undefined;
      return r && toRecord(r);
    },
    loginTaken: (login) => q.byLogin.get(login.toLowerCase()) !== undefined,
    iinTaken: (iin) => q.iin.get(cipher.blindIndex('operators.iin', iin)) !== undefined,
    all: () => (q.all.all() as Row[]).map((r) => strip(toRecord(r))),
    activeAdmins: () => (q.admins.get() as { n: number }).n,
    insert: (op) => insertRow({ ...op, disabled: false, passwordChangedAt: op.createdAt, updatedAt: op.createdAt }),
    setDisabled: (id, disabled, at) => void q.disable.run(disabled ? 1 : 0, at, id),
    setPassword: (id, hash, mustChange, at) => void q.password.run(hash, mustChange ? 1 : 0, at, at, id),

    account: (id) => {
      const r = q.byId.get(id) as Row | undefined;
      if (!r) return undefined;
      const { id: _local, ...op } = toRecord(r);
      return { ...op, passwordChangedAt: r.password_changed_at, updatedAt: r.updated_at };
    },

    applyFromBranch: (a) => {
      const mine = q.byLogin.get(a.login) as Row | undefined;
      // An equal time is this workstation's own version coming back.
      if (mine && mine.updated_at >= a.updatedAt) return { change: 'unchanged' };
      const iinIndex = cipher.blindIndex('operators.iin', a.iin);
      const owner = q.iinOwner.get(iinIndex) as { id: number } | undefined;
      if (owner && owner.id !== mine?.id) return { change: 'conflict' };
      let id: number;
      if (mine) {
        id = mine.id;
        q.fromBranch.run(
          cipher.seal('operators.full_name', a.fullName), cipher.seal('operators.iin', a.iin), iinIndex, a.role, a.passwordHash,
          a.mustChangePassword ? 1 : 0, a.disabled ? 1 : 0, a.createdAt, a.passwordChangedAt, a.updatedAt, id,
        );
      } else {
        id = insertRow(a);
      }
      q.pulled.run(id);
      return {
        change: mine ? 'updated' : 'inserted',
        id,
        disabledNow: a.disabled && mine?.disabled !== 1,
        passwordChanged: mine !== undefined && mine.password_hash !== a.passwordHash,
      };
    },
  };
}

export function publicOperator(record: OperatorRecord): Operator {
  const { passwordHash: _hidden, ...op } = record;
  return op;
}
