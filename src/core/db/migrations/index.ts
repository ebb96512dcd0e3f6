/**
 * Every schema change, in order. A migration is appended, never edited or reordered: the
 * database's `user_version` is the number of the last one applied.
 */
import type { Database } from 'better-sqlite3';
import { migration0001 } from './0001-operators-and-audit';
import { migration0002 } from './0002-cases';
import { migration0003 } from './0003-queue';
import { migration0004 } from './0004-outbox';
import { migration0005 } from './0005-scans';
import { migration0006 } from './0006-signatures';
import { migration0007 } from './0007-branch-link';
import { migration0008 } from './0008-printed-pdfs';
import { migration0009 } from './0009-training-runs';
import { migration0010 } from './0010-report-indexes';
import { migration0011 } from './0011-branch-report-rows';
import { migration0012 } from './0012-audit-append-only';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'operators and audit', up: migration0001 },
  { version: 2, name: 'cases', up: migration0002 },
  { version: 3, name: 'queue', up: migration0003 },
  { version: 4, name: 'outbox', up: migration0004 },
  { version: 5, name: 'scans', up: migration0005 },
  { version: 6, name: 'signatures', up: migration0006 },
  { version: 7, name: 'branch link', up: migration0007 },
  { version: 8, name: 'printed PDFs', up: migration0008 },
  { version: 9, name: 'training runs', up: migration0009 },
  { version: 10, name: 'report indexes', up: migration0010 },
  { version: 11, name: 'branch report rows', up: migration0011 },
  { version: 12, name: 'audit append-only', up: migration0012 },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Asserted at load so a mis-numbered list fails every test run, not a branch office. */
export function assertMigrationOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
assertMigrationOrder(MIGRATIONS);
