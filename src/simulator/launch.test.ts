/** The simulator as its own process: built from source as the host build does, then launched. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSimulator } from './launch';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let script: string;

beforeAll(async () => {
  // Inside the repository, so the bundle finds node_modules as out/host/simulator.js does.
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'out', 'simulator-test-'));
  script = join(dir, 'simulator.js');
  await build({ entryPoints: [join(ROOT, 'src/simulator/cli.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function getWithCa(url: string, caPem: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = httpsRequest(url, { method: 'GET', ca: caPem, agent: false }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('launching the simulator', () => {
  it('prints its URLs and CA file, serves TLS under that CA, and stops cleanly on SIGTERM', async () => {
    const sim = await launchSimulator({ script, args: ['--port', '0', '--control-port', '0', '--tls', '--population', '100'], env: { SIMULATOR_SENDER_PASSWORD: 'from-env' } });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/bip-sync\/$/);
      expect(sim.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/control$/);
      expect(sim.caPem).toContain('BEGIN CERTIFICATE');
      // A GET is refused by the endpoint (405), but only after TLS verified against the CA.
      expect(await getWithCa(sim.url, sim.caPem!)).toBe(405);
      const stats = await (await fetch(`${sim.controlUrl}/stats`)).json();
      expect(stats).toMatchObject({ received: 0, repeats: 0 });
    } finally {
      await sim.stop();
    }
    expect(sim.child.exitCode).toBe(0);
  });

  it('removes its CA file when it stops', async () => {
    const sim = await launchSimulator({ script, args: ['--tls', '--population', '10'] });
    expect(existsSync(sim.caFile!)).toBe(true);
    await sim.stop();
    expect(sim.child.exitCode).toBe(0);
    expect(existsSync(sim.caFile!)).toBe(false);
  });

  it('fails with the child\'s own words when it cannot start', async () => {
    await expect(launchSimulator({ script, args: ['--port', 'abc'] })).rejects.toThrow(/must be a whole number/);
    await expect(launchSimulator({ script: join(dir, 'missing.js') })).rejects.toThrow(/did not start/);
  });
});
