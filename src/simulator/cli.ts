/**
 * The simulator of the state systems as its own process:
 *
 *   node out/host/simulator.js [--port N] [--control-port N] [--decision-delay-ms N]
 *                              [--population N] [--seed S] [--sender-id ID] [--tls]
 *
 * The sender's password comes from SIMULATOR_SENDER_PASSWORD (never the command line, which
 * other users of the machine can read). On start it prints
 *   SIMULATOR_URL=…  SIMULATOR_CONTROL_URL=…  and with --tls  SIMULATOR_CA_FILE=…
 * one per line, and it stops cleanly on SIGTERM or SIGINT.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator } from './simulator';

function whole(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`);
  return Number(value);
}

let stopping = false;
let running: { close(): Promise<void> } | null = null;
let caDir: string | null = null;

/** Stops once; a signal that arrives while starting is acted on as soon as the start is done. */
function stop() {
  stopping = true;
  if (!running) return;
  const closing = running;
  running = null;
  closing
    .close()
    .catch(() => {})
    .finally(() => {
      if (caDir) rmSync(caDir, { recursive: true, force: true });
      process.exit(0);
    });
}

async function main() {
  // Before anything is printed: whoever reads the lines may signal at once.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'control-port': { type: 'string' },
      'decision-delay-ms': { type: 'string' },
      population: { type: 'string' },
      seed: { type: 'string' },
      'sender-id': { type: 'string' },
      tls: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const password = process.env.SIMULATOR_SENDER_PASSWORD;
  const simulator = await startSimulator({
    port: whole('port', values.port),
    controlPort: whole('control-port', values['control-port']),
    decisionDelayMs: whole('decision-delay-ms', values['decision-delay-ms']),
    population: whole('population', values.population),
    seed: values.seed,
    senderId: values['sender-id'],
    password: password === undefined || password === '' ? undefined : password,
    tls: values.tls,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  running = simulator;

  const lines = [`SIMULATOR_URL=${simulator.url}`, `SIMULATOR_CONTROL_URL=${simulator.controlUrl}`];
  if (simulator.caPem) {
    caDir = mkdtempSync(join(tmpdir(), 'azho-simulator-'));
    const caFile = join(caDir, 'ca.pem');
    writeFileSync(caFile, simulator.caPem, { mode: 0o600 });
    lines.push(`SIMULATOR_CA_FILE=${caFile}`);
  }
  if (stopping) return stop();
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
