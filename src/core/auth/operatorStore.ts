/** Operator accounts. Full names and IINs are personal data: sealed in the row, never logged. */
import type { Database } from 'better-sqlite3';
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
  setDisabled(id: number, disabled: boolean): void;
  setPassword(id: number, passwordHash: string, mustChange: boolean, at: string): void;
}

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
      `INSERT INTO operators (login, full_name_enc, iin_enc, iin_index, role, password_hash, must_change_password, disabled, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ),
    disable: db.prepare('UPDATE operators SET disabled = ? WHERE id = ?'),
    password: db.prepare('UPDATE operators SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?'),
  };

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
    insert: (op) =>
      Number(
        q.insert.run(
          op.login.toLowerCase(),
          cipher.seal('operators.full_name', op.fullName),
          cipher.seal('operators.iin', op.iin),
          cipher.blindIndex('operators.iin', op.iin),
          op.role,
          op.passwordHash,
          op.mustChangePassword ? 1 : 0,
          op.createdAt,
          op.createdAt,
        ).lastInsertRowid,
      ),
    setDisabled: (id, disabled) => void q.disable.run(disabled ? 1 : 0, id),
    setPassword: (id, hash, mustChange, at) => void q.password.run(hash, mustChange ? 1 : 0, at, id),
  };
}

export function publicOperator(record: OperatorRecord): Operator {
  const { passwordHash: _hidden, ...op } = record;
  return op;
}
