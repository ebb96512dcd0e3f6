/**
 * Benchmark of the administrator's backup: "Back up now" on a counter's month (20,000 cases,
 * 60,000 tickets) and 200 sealed scans of 1 MB, asked of the worker-run core as a host asks —
 * the database through SQLite's backup API in steps, the scans copied and flushed, the manifest
 * sealed, the new backup read back and checked — against a plain copy of the same bytes with the
 * same flushes (copyFile + fsync of the checkpointed database and each scan) in the same run.
 * Meanwhile an operator's calls keep coming every 50 ms: how long they wait, and the main loop's lag.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCore } from '../../src/core/runtime/startCore';
import { databasePath } from '../../src/core/workstation';
import type { BackupStatus } from '../../src/shared/backup';
import { median, ms, report, summary, withLoopLag, type Verdict } from './measure';
import { ADMIN, plantCounter } from './plantedMonth';

const WORKER = new URL('../../out/host/coreWorker.js', import.meta.url);
const RESOURCES = new URL('../../resources/', import.meta.url).pathname;
const SCANS = 200;
const SCAN_BYTES = 1024 * 1024;
const RUNS = 3;
const PROBE_EVERY_MS = 50;

/**
 * Sealed scans are random-looking bytes under 64-hex names in two-letter shards: so are these,
 * each with its row on one of the month's cases (a file no row names is cleared at start).
 */
async function plantScans(dataDir: string): Promise<void> {
  const db = new Database(databasePath(dataDir));
  const insert = db.prepare(
    `INSERT INTO scans (case_id, document_id, page, type, size, sha256, vault_name, pages, source, created_at, created_by)
     VALUES (?, 'application', 1, 'pdf', ?, ?, ?, 1, 'file', '2026-01-15T09:00:00.000Z', 1)`,
  );
  try {
    for (let i = 0; i < SCANS; i++) {
      const name = randomBytes(32).toString('hex');
      await mkdir(join(dataDir, 'scans', name.slice(0, 2)), { recursive: true });
      await writeFile(join(dataDir, 'scans', name.slice(0, 2), name), randomBytes(SCAN_BYTES));
      insert.run(i + 1, SCAN_BYTES, randomBytes(32).toString('hex'), name);
    }
  } finally {
    db.close();
  }
}

async function copyAndFlush(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_EXCL);
  const handle = await open(to, 'r+');
  await handle.sync();
  await handle.close();
}

/** The baseline: the same bytes copied and flushed, nothing checked, nothing sealed. */
async function plainCopy(dataDir: string, target: string): Promise<number> {
  const t0 = performance.now();
  await mkdir(join(target, 'scans'), { recursive: true });
  await copyAndFlush(databasePath(dataDir), join(target, 'azho.db'));
  for (const shard of await readdir(join(dataDir, 'scans'))) {
    await mkdir(join(target, 'scans', shard), { recursive: true });
    for (const name of await readdir(join(dataDir, 'scans', shard))) await copyAndFlush(join(dataDir, 'scans', shard, name), join(target, 'scans', shard, name));
  }
  return performance.now() - t0;
}

async function backupNow(root: string): Promise<Verdict[]> {
  const dataDir = join(root, 'data');
  const drive = join(root, 'drive');
  const masterKey = randomBytes(32);
  await plantCounter(dataDir, masterKey);
  await plantScans(dataDir);
  await mkdir(drive);
  // Checkpointed, so the plain copy of azho.db holds the month as the backup does.
  const db = new Database(databasePath(dataDir));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  db.close();

  const core = await startCore({ dataDir, masterKey, workerUrl: WORKER, resourcesDir: RESOURCES });
  const as = { clientId: 'admin' };
  const login = await core.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, as);
  if (!login.ok) throw new Error(`login: ${JSON.stringify(login.error)}`);
  const set = await core.call('backup.setSchedule', { folder: drive, daily: false, at: '19:00', keep: RUNS + 1 }, as);
  if (!set.ok) throw new Error(`backup.setSchedule: ${JSON.stringify(set.error)}`);

  const backupTimes: number[] = [];
  const probeTimes: number[] = [];
  let last: BackupStatus['lastRun'] = null;
  const busy = await withLoopLag(async () => {
    for (let run = 0; run < RUNS; run++) {
      // The dated folders are named to the second.
      await new Promise((r) => setTimeout(r, 1100));
      let running = true;
      const probes = (async () => {
        while (running) {
          const t0 = performance.now();
          await core.call('settings.get', {}, as);
          probeTimes.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
        }
      })();
      const t0 = performance.now();
      const made = await core.call('backup.now', {}, as);
      backupTimes.push(performance.now() - t0);
      running = false;
      await probes;
      if (!made.ok) throw new Error(`backup.now: ${JSON.stringify(made.error)}`);
      last = (made.value as BackupStatus).lastRun;
      if (!last?.ok) throw new Error(`backup failed: ${JSON.stringify(last)}`);
    }
  });
  await core.close();

  const copyTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) copyTimes.push(await plainCopy(dataDir, join(root, `plain-${run}`)));

  const backupMs = median(backupTimes);
  const copyMs = median(copyTimes);
  const probes = summary(probeTimes);
  const mb = (dbBytes + SCANS * SCAN_BYTES) / 1e6;
  return [
    {
      name: `Back up now (database ${(dbBytes / 1e6).toFixed(0)} MB, ${SCANS} scans of 1 MB), made, sealed and checked`,
      figure: `median ${ms(backupMs)} of ${RUNS} (${(mb / (backupMs / 1000)).toFixed(0)} MB/s; plain copy with flushes ${ms(copyMs)}: ${(backupMs / copyMs).toFixed(1)}×); ${last!.summary!.files} files`,
      // The backup reads every byte three times (the copy, the manifest's hash of what was written,
      // the check of the finished folder) where the plain copy reads it once.
      goal: '< 4× the plain copy',
      pass: backupMs < 4 * copyMs,
    },
    {
      name: 'an operator\'s call while the backup runs',
      figure: `p50 ${ms(probes.p50)}, p99 ${ms(probes.p99)}, max ${ms(probes.max)} over ${probes.n} calls`,
      goal: 'p99 < 100 ms',
      pass: probes.p99 < 100,
    },
    {
      name: 'main loop lag while the backups are made',
      figure: `p99 ${ms(busy.lag.p99)} (max ${ms(busy.lag.max)})`,
      goal: 'p99 < 10 ms',
      pass: busy.lag.p99 < 10,
    },
  ];
}

const root = await mkdtemp(join(tmpdir(), 'azho-bench-backup-'));
try {
  report(await backupNow(root));
} finally {
  await rm(root, { recursive: true, force: true });
}
