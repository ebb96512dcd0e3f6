/**
 * A real PostgreSQL for the branch tests: a throw-away database per test file on the server that
 * `scripts/postgres-for-tests.sh` starts (`.ci/run` runs it). Where no server answers, the branch
 * tests are reported as skipped with one line saying why — except in CI, where that is a failure.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

// Peer authentication as the user running the tests (the role scripts/postgres-for-tests.sh makes).
const ADMIN = process.env.AZHO_TEST_PG ?? `postgresql://${userInfo().username}@localhost/postgres?host=/var/run/postgresql`;

export function dsnFor(db: string): string {
  const url = new URL(ADMIN);
  url.pathname = `/${db}`;
  return url.toString();
}

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await probe();
if (problem) {
  if (process.env.CI) throw new Error(`CI needs PostgreSQL for the branch tests (scripts/postgres-for-tests.sh): ${problem}`);
  process.stdout.write(`branch tests skipped: no PostgreSQL at ${ADMIN} (${problem}); run scripts/postgres-for-tests.sh as root\n`);
}
/** False where no PostgreSQL answers: the branch suites skip, saying why once. */
export const postgresAvailable = problem === null;

export async function freshDatabase(): Promise<{ dsn: string; drop(): Promise<void> }> {
  const name = `azho_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    dsn: dsnFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
