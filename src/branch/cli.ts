/**
 * `npm run branch -- --dsn postgresql://… [--data-dir DIR] [--branch-id ALM-01] [--name "…"]
 *    [--host 0.0.0.0] [--port 5790] [--enroll-port 5791] [--hostname branch.local]`
 * starts the branch server; `npm run branch -- enroll --device W-07 --role workstation` prints a
 * one-time enrollment code; `npm run branch -- revoke --device W-07` stops a device at once.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from './db/migrate';
import { makeEnrollmentCode, revokeDevice } from './enrollment';
import { startBranchServer } from './server';
import { DeviceRole } from '../shared/branch/wire';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dsn: { type: 'string', default: process.env.AZHO_BRANCH_DSN },
    'data-dir': { type: 'string', default: process.env.AZHO_BRANCH_DATA_DIR ?? './.data/branch' },
    'branch-id': { type: 'string', default: process.env.AZHO_BRANCH_ID ?? 'BRANCH-01' },
    name: { type: 'string', default: process.env.AZHO_BRANCH_NAME ?? 'ХҚКО филиалы' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '5790' },
    'enroll-port': { type: 'string', default: '5791' },
    hostname: { type: 'string', multiple: true },
    device: { type: 'string' },
    role: { type: 'string', default: 'workstation' },
  },
});

async function main() {
  const dsn = values.dsn;
  if (!dsn) throw new Error('Give the branch database: --dsn postgresql://user@host/db (or AZHO_BRANCH_DSN).');
  const branch = { id: values['branch-id']!, name: values.name! };
  const command = positionals[0] ?? 'serve';
  if (command === 'enroll' || command === 'revoke') {
    if (!values.device) throw new Error('Name the device: --device W-07');
    const pool = new pg.Pool({ connectionString: dsn, max: 2 });
    try {
      await migrate(pool, branch);
      if (command === 'enroll') {
        const code = await makeEnrollmentCode(pool, values.device, DeviceRole.parse(values.role));
        process.stdout.write(`Enrollment code for ${values.device} (${values.role}), valid once for 24 hours:\n${code}\n`);
      } else {
        process.stdout.write((await revokeDevice(pool, values.device)) ? `${values.device} is revoked.\n` : `${values.device} is not enrolled.\n`);
      }
    } finally {
      await pool.end();
    }
    return;
  }
  const server = await startBranchServer({
    dsn,
    dataDir: values['data-dir']!,
    branchId: branch.id,
    branchName: branch.name,
    host: values.host,
    port: Number(values.port),
    enrollPort: Number(values['enroll-port']),
    hostnames: values.hostname ?? ['127.0.0.1', 'localhost'],
  });
  // The line the tests and the demo read to know where the server listens.
  process.stdout.write(`AZHO_BRANCH port=${server.port} enrollPort=${server.enrollPort}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`branch server: ${(err as Error).message}\n`);
  process.exit(1);
});
