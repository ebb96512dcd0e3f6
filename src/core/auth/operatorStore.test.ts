/** The operator store's part in the branch's shared directory: versions by `updated_at`, and accounts pulled. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIin } from '../../../test/support/iins';
import { tempDir } from '../../../test/support/tempDir';
import type { DirectoryAccount } from '../../shared/branch/wire';
import { createFieldCipher } from '../crypto/fieldCipher';
import { createKeyring } from '../crypto/keys';
import { openDatabase } from '../db/open';
import { createOperatorStore, type OperatorStore } from './operatorStore';

let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
let store: OperatorStore;

const T0 = '2026-01-15T09:00:00.000Z';
const account = (over: Partial<DirectoryAccount> = {}): DirectoryAccount => ({
  login: 'aigerim',
  fullName: 'Әйгерім Серікқызы Омарова',
  iin: makeIin('900101', '4', 31),
  role: 'operator',
  passwordHash: 'scrypt$17$8$1$c2FsdA==$a2V5',
  mustChangePassword: true,
  disabled: false,
  createdAt: T0,
  passwordChangedAt: T0,
  updatedAt: T0,
  ...over,
});
const pending = () => (db.prepare("SELECT count(*) AS n FROM branch_pending WHERE kind = 'operator'").get() as { n: number }).n;

beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.path, 'azho.db'), { checkIntegrity: false });
  store = createOperatorStore(db, createFieldCipher(createKeyring(randomBytes(32))));
  // A workstation of a branch: its changes are marked to be pushed.
  db.prepare(
    `INSERT INTO branch_link (singleton, api_url, branch_id, branch_name, device, ca_pem, cert_pem, key_sealed, enrolled_at, audit_sent)
     VALUES (1, 'https://branch', 'TEST-01', 'Test', 'W-01', '', '', x'00', ?, 0)`,
  ).run(T0);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('operator accounts in a branch directory', () => {
  it('marks a change made here to be pushed, and stamps it after the version it changed even when the clock is behind', () => {
    const pulled = db.transaction(() => store.applyFromBranch(account({ updatedAt: '2026-01-15T09:10:00.000Z' })))();
    expect(pulled).toMatchObject({ change: 'inserted' });
    expect(pending()).toBe(0);
    const operatorId = store.byLogin('aigerim')!.id;
    // This counter's clock says 09:05, five minutes before the version it has seen.
    store.setDisabled(operatorId, true, '2026-01-15T09:05:00.000Z');
    expect(store.account(operatorId)).toMatchObject({ disabled: true, updatedAt: '2026-01-15T09:10:00.001Z' });
    expect(pending()).toBe(1);
    store.setPassword(operatorId, 'scrypt$other', false, '2026-01-15T09:20:00.000Z');
    expect(store.account(operatorId)).toMatchObject({ passwordHash: 'scrypt$other', passwordChangedAt: '2026-01-15T09:20:00.000Z', updatedAt: '2026-01-15T09:20:00.000Z' });
  });

  it('takes only a later version from the branch, and its own version coming back changes nothing', () => {
    const apply = (a: DirectoryAccount) => db.transaction(() => store.applyFromBranch(a))();
    const first = apply(account());
    expect(first).toMatchObject({ change: 'inserted' });
    expect(apply(account())).toEqual({ change: 'unchanged' });
    expect(apply(account({ disabled: true, updatedAt: '2026-01-15T08:00:00.000Z' }))).toEqual({ change: 'unchanged' });
    const later = apply(account({ disabled: true, passwordHash: 'scrypt$new', updatedAt: '2026-01-15T09:30:00.000Z' }));
    expect(later).toMatchObject({ change: 'updated', disabledNow: true, passwordChanged: true });
    expect(store.byLogin('aigerim')).toMatchObject({ disabled: true, passwordHash: 'scrypt$new', fullName: 'Әйгерім Серікқызы Омарова' });
    // The branch holds what it sent: nothing is marked to go back.
    expect(pending()).toBe(0);
  });

  it('leaves out an account whose IIN belongs to another login here', () => {
    store.insert({ login: 'aigerim2', fullName: 'Әйгерім Серікқызы Омарова', iin: account().iin, role: 'operator', passwordHash: 'scrypt$x', mustChangePassword: false, createdAt: T0 });
    expect(db.transaction(() => store.applyFromBranch(account()))()).toEqual({ change: 'conflict' });
    expect(store.byLogin('aigerim')).toBeUndefined();
  });
});
