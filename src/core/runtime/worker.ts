/**
 * The core's thread. better-sqlite3 is synchronous, and scrypt and AES work is heavy: all of it
 * runs here, so the Electron main thread (or the web host's) only passes messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkstation } from '../workstation';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('the core worker must run in a worker thread');
const send = (message: FromWorker) => port.postMessage(message);

const setup = workerData as WorkerSetup;
const workstation = openWorkstation(
  {
    dataDir: setup.dataDir,
    masterKey: setup.masterKey,
    training: setup.training,
    idleLockSeconds: setup.idleLockSeconds,
    resourcesDir: setup.resourcesDir,
    gatewayConnection: setup.gatewayConnection,
    hotFolder: setup.hotFolder,
    ncaLayer: setup.ncaLayer,
    trustDir: setup.trustDir,
    branchEnrollment: setup.branchEnrollment,
  },
  (clientId, event) => send({ type: 'event', clientId, event }),
);
const sweeper = setInterval(() => workstation.sweep(), 1000);
const checkpointer = setInterval(() => workstation.maintain(), 5000);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      void workstation
        .dispatch(message.name, message.input, message.clientId)
        .then((result) => send({ type: 'result', seq: message.seq, result }));
      break;
    case 'clientGone':
      workstation.clientGone(message.clientId);
      break;
    case 'close':
      clearInterval(sweeper);
      clearInterval(checkpointer);
      workstation.close();
      send({ type: 'closed' });
      port.close();
      break;
  }
});
send({ type: 'ready' });
