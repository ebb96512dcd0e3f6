/**
 * The workstation core in a process of its own, for the faults a test cannot cause in its own
 * process: a data folder this process may not write (run as another user), a kill in the middle
 * of a scan's write. FAULT_MODE says which:
 * - `status`: open the core, print `STATUS <app.status as JSON>`, close;
 * - `scan`: open the core with a slow disk (each write waits), log the counter operator in and add
 *   FAULT_SCAN_MB of scan to case FAULT_CASE; prints WRITING first. The test kills it meanwhile.
 */
import { open } from 'node:fs/promises';
import { openWorkstation } from '../../src/core/workstation';
import type { VaultFiles } from '../../src/core/scans/scanVault';
import { OPERATOR, OPERATOR_PASSWORD } from '../support/counter';
import { bigPdf } from './faultCounter';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

/**
 * A disk that takes its time: writes go one after another, each 100 ms, so a scan of a few
 * megabytes takes most of a second to write and a kill lands in the middle of it.
 */
const slowDisk: VaultFiles = {
  open: (async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
    let queue: Promise<unknown> = Promise.resolve();
    (handle as unknown as { write: typeof write }).write = (...a: unknown[]) => {
      const next = queue.then(() => new Promise((r) => setTimeout(r, 100))).then(() => write(...a));
      queue = next.catch(() => undefined);
      return next;
    };
    return handle;
  }) as VaultFiles['open'],
};

const mode = env('FAULT_MODE');
const ws = openWorkstation(
  {
    dataDir: env('FAULT_DATA_DIR'),
    masterKey: Buffer.from(env('FAULT_KEY'), 'hex'),
    resourcesDir: env('FAULT_RESOURCES'),
    storageSeams: mode === 'scan' ? { scanFiles: slowDisk } : undefined,
  },
  () => {},
);

async function call(name: string, input: unknown, client = 'counter-1') {
  const result = await ws.dispatch(name as never, input, client);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

if (mode === 'status') {
  process.stdout.write(`STATUS ${JSON.stringify(await call('app.status', {}))}\n`);
  ws.close();
} else {
  await call('auth.login', { login: OPERATOR.login, password: OPERATOR_PASSWORD });
  const content = new Uint8Array(bigPdf(Number(env('FAULT_SCAN_MB')), 'killed'));
  process.stdout.write('WRITING\n');
  await call('scans.add', { caseId: Number(env('FAULT_CASE')), documentId: 'application', source: 'file', content });
  process.stdout.write('STORED\n');
  ws.close();
}
