/**
 * `npm run demo` and browser mode: starts the core and the web host on loopback and prints a
 * one-time URL. Press Enter for another URL (each opens one browser session).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { GatewayConnection } from '../core/gateway/gatewayLink';
import { startCore } from '../core/runtime/startCore';
import { launchSimulator, type LaunchedSimulator } from '../simulator/launch';
import { keyFromPassphrase, loadOrCreateKeyFile } from './masterKey';
import { parseHostCommand } from './options';
import { startHost } from './server';

async function main() {
  const command = parseHostCommand(process.argv.slice(2), process.env, process.cwd());
  const masterKey = command.passphrase
    ? keyFromPassphrase(command.passphrase, command.dataDir)
    : loadOrCreateKeyFile(command.keyFile);
  const simulator = command.simulator ? await startTrainingSimulator(command.decisionDelaySeconds) : null;
  const core = await startCore({
    dataDir: command.dataDir,
    masterKey,
    training: command.training,
    idleLockSeconds: command.idleLockSeconds,
    gatewayConnection: simulator?.connection,
  });
  const host = await startHost({
    core,
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    port: command.port,
  });
  process.stdout.write(`АЖО ${command.training ? '(training) ' : ''}data: ${command.dataDir}\n`);
  if (simulator) process.stdout.write(`AZHO_SIMULATOR_CONTROL_URL=${simulator.launched.controlUrl}\n`);
  for (let i = 0; i < command.links; i++) process.stdout.write(`AZHO_URL=${host.loginUrl()}\n`);
  // The hall's screens: the queue board and the ticket kiosk, each a browser of its own.
  process.stdout.write(`AZHO_BOARD_URL=${host.loginUrl('/board')}\n`);
  process.stdout.write(`AZHO_KIOSK_URL=${host.loginUrl('/kiosk')}\n`);
  if (process.stdin.isTTY) {
    process.stdout.write('Enter: a new one-time link · Ctrl+C: stop\n');
    process.stdin.on('data', () => process.stdout.write(`AZHO_URL=${host.loginUrl()}\n`));
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await core.close();
    await simulator?.launched.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/**
 * The simulated state systems for training, in a process of their own, over TLS with a CA made
 * for this run and a sender password made for this run: the workstation talks to them exactly as
 * to the real gateway.
 */
async function startTrainingSimulator(decisionDelaySeconds: number): Promise<{ launched: LaunchedSimulator; connection: GatewayConnection }> {
  const password = randomBytes(18).toString('base64url');
  const senderId = 'AZHO-TRAINING';
  const launched = await launchSimulator({
    script: fileURLToPath(new URL('./simulator.js', import.meta.url)),
    args: ['--port', '0', '--control-port', '0', '--tls', '--sender-id', senderId, '--decision-delay-ms', String(decisionDelaySeconds * 1000)],
    env: { SIMULATOR_SENDER_PASSWORD: password },
  });
  return {
    launched,
    connection: { endpoint: launched.url, senderId, password, caPem: launched.caPem ?? null, controlUrl: launched.controlUrl, pollIntervalSeconds: 5 },
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`АЖО host could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
