/**
 * `npm run demo:branch -- --dsn postgresql://… [--counters 2] [--data-dir ./.data/branch-demo] [--fresh]`
 *
 * A whole branch on loopback for a trainer or a look around, in training mode: the branch server
 * on the given PostgreSQL database (or AZHO_BRANCH_DSN), a web host per counter, one for the
 * hall's kiosk and one for its board, each joined to the branch at start (scripts/branchLauncher.ts).
 * Prints each counter's one-time link, the kiosk's and the board's, as `npm run demo` does.
 * Each counter's first run asks for its administrator, as a new workstation does; the kiosk's
 * and the board's hosts get one made here, with a password printed once.
 *
 * The folders stay between runs (the operators set up stay); a different database, or --fresh,
 * starts the branch's folders again, since the old enrollments belong to the old database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBranch, type Person } from './branchLauncher';

const { values } = parseArgs({
  options: {
    dsn: { type: 'string', default: process.env.AZHO_BRANCH_DSN },
    counters: { type: 'string', default: '2' },
    'data-dir': { type: 'string', default: join('.data', 'branch-demo') },
    'branch-id': { type: 'string', default: 'DEMO-01' },
    name: { type: 'string', default: 'Оқу филиалы (демо)' },
    fresh: { type: 'boolean', default: false },
    // The demo is always training mode; the flag is accepted for symmetry with the host's.
    training: { type: 'boolean', default: true },
  },
});

/** A valid IIN (its check digit computed as src/shared/iin.ts does): the hall hosts' administrator. */
const HALL_ADMIN_IIN = '800101300016';

async function main() {
  if (!values.dsn) throw new Error('Give the branch database: --dsn postgresql://user@host/db?host=/var/run/postgresql (or AZHO_BRANCH_DSN).');
  const counters = Number(values.counters);
  const dataDir = resolve(values['data-dir']!);
  const marker = join(dataDir, 'dsn.txt');
  const previous = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
  if (values.fresh || (previous !== null && previous !== values.dsn)) {
    process.stdout.write(`starting the branch's folders again in ${dataDir}${values.fresh ? '' : ' (another database than last time)'}\n`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, `${values.dsn}\n`);

  const hallAdmin: Person = {
    login: 'hall.admin',
    fullName: 'Залдың әкімшісі Қайрат Ұланұлы',
    iin: HALL_ADMIN_IIN,
    password: `Зал-${randomBytes(6).toString('base64url')}`,
  };
  // Ctrl+C while the branch starts stops what has started; after that, the whole branch.
  const starting = new AbortController();
  let stopBranch: (() => Promise<void>) | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    starting.abort();
    if (!stopBranch) return;
    process.stdout.write('stopping the branch…\n');
    void stopBranch().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const branch = await launchBranch({
    dsn: values.dsn,
    dataDir,
    counters,
    branchId: values['branch-id'],
    branchName: values.name,
    training: true,
    hallAdmin,
    log: (line) => process.stdout.write(`${line}\n`),
    signal: starting.signal,
  });
  stopBranch = branch.stop;

  process.stdout.write(`\nАЖО branch demo (training) — data: ${dataDir}\n`);
  process.stdout.write(`branch health: https://127.0.0.1:${branch.branch.enrollPort}/health (CA: ${branch.branch.caFile})\n\n`);
  branch.counters.forEach((c, i) => {
    process.stdout.write(`counter ${i + 1} (${c.device}, ${c.dataDir}):\nAZHO_URL=${c.url}\n`);
  });
  process.stdout.write(`\nkiosk (${branch.kiosk.device}):\nAZHO_KIOSK_URL=${branch.kiosk.kioskUrl}\n`);
  process.stdout.write(`board (${branch.board.device}), every window (add &windows=1,2 to the link for some only):\nAZHO_BOARD_URL=${branch.board.boardUrl}\n`);
  if (branch.kiosk.adminMade || branch.board.adminMade) {
    process.stdout.write(`\nthe kiosk's and the board's hosts: administrator ${hallAdmin.login}, password ${hallAdmin.password} (shown once)\n`);
  }
  process.stdout.write('\nEach link works once, for ten minutes: run the demo again for new ones. Ctrl+C: stop.\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`branch demo could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
