/**
 * `npm run demo` and browser mode: starts the core and the web host on loopback and prints a
 * one-time URL. Press Enter for another URL (each opens one browser session).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCore } from '../core/runtime/startCore';
import { startTrainingSimulator } from '../simulator/launch';
import { keyFromPassphrase, loadOrCreateKeyFile } from './masterKey';
import { parseHostCommand } from './options';
import { startHost } from './server';
import { startTrainingNcaLayer } from './trainingNcaLayer';

async function main() {
  const command = parseHostCommand(process.argv.slice(2), process.env, process.cwd());
  const masterKey = command.passphrase
    ? keyFromPassphrase(command.passphrase, command.dataDir)
    : loadOrCreateKeyFile(command.keyFile);
  const simulator = command.simulator
    ? await startTrainingSimulator(fileURLToPath(new URL('./simulator.js', import.meta.url)), command.decisionDelaySeconds)
    : null;
  // Training signs through an NCALayer stand-in; a live counter through the NCALayer it is told of.
  const standIn = command.training ? await startTrainingNcaLayer(fileURLToPath(new URL('../../resources/training-pki', import.meta.url))) : null;
  const ncaLayer = standIn
    ? { url: standIn.url, caPem: standIn.caPem }
    : command.ncaLayer && { url: command.ncaLayer.url, caPem: command.ncaLayer.caFile ? readFileSync(command.ncaLayer.caFile, 'utf8') : null };
  const core = await startCore({
    dataDir: command.dataDir,
    masterKey,
    training: command.training,
    idleLockSeconds: command.idleLockSeconds,
    gatewayConnection: simulator?.connection,
    hotFolder: command.hotFolder,
    ncaLayer: ncaLayer ?? undefined,
    trustDir: command.trustDir,
    branchEnrollment: command.branch && { enrollUrl: command.branch.enrollUrl, apiUrl: command.branch.apiUrl, code: command.branch.code, caPem: readFileSync(command.branch.caFile, 'utf8') },
  });
  const host = await startHost({
    core,
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    port: command.port,
  });
  process.stdout.write(`АЖО ${command.training ? '(training) ' : ''}data: ${command.dataDir}\n`);
  if (command.hotFolder) process.stdout.write(`scanner hot folder: ${command.hotFolder}\n`);
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
    await standIn?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`АЖО host could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
