/**
 * Starts the core in a worker thread and gives the host an async handle on it — the pattern
 * Signal uses for SQLite (`{seq, request}` out, `{seq, response}` back).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallResult } from '../../shared/errors';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';
import type { CoreHandle, CoreOptions, TargetedEvent } from './types';

const CRASHED: CallResult<unknown> = { ok: false, error: { code: 'INTERNAL' } };

export function startCore(options: CoreOptions): Promise<CoreHandle> {
  const setup: WorkerSetup = {
    dataDir: options.dataDir,
    masterKey: options.masterKey,
    training: Boolean(options.training),
    idleLockSeconds: options.idleLockSeconds,
    // Both bundles (out/host/, out/main/) sit two folders below the project, beside resources/.
    resourcesDir: options.resourcesDir ?? fileURLToPath(new URL('../../resources/', import.meta.url)),
    gatewayConnection: options.gatewayConnection,
    hotFolder: options.hotFolder,
    ncaLayer: options.ncaLayer,
    trustDir: options.trustDir,
    branchEnrollment: options.branchEnrollment,
  };
  const worker = new Worker(options.workerUrl ?? new URL('./coreWorker.js', import.meta.url), {
    workerData: setup,
    execArgv: options.execArgv,
    // A worker that dies takes nothing with it but its own heap; cap it so a leak cannot eat the machine.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  const listeners = new Set<(event: TargetedEvent) => void>();
  let seq = 0;
  let alive = true;
  let onClosed: (() => void) | undefined;
  const post = (message: ToWorker, transfer: readonly ArrayBuffer[] = []) => {
    if (!alive) return;
    try {
      worker.postMessage(message, transfer);
    } catch {
      // A buffer that cannot move (detached, or not ours to give) is copied instead.
      worker.postMessage(message);
    }
  };

  const failAll = () => {
    alive = false;
    for (const resolve of pending.values()) resolve(CRASHED);
    pending.clear();
    onClosed?.();
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(handle);
          break;
        case 'result':
          pending.get(message.seq)?.(message.result);
          pending.delete(message.seq);
          break;
        case 'event':
          for (const l of listeners) l({ clientId: message.clientId, event: message.event });
          break;
        case 'closed':
          failAll();
          break;
      }
    });
    worker.on('error', (err) => {
      process.stderr.write(`core worker failed: ${err.stack ?? err.message}\n`);
      failAll();
      reject(err);
    });
    worker.on('exit', () => failAll());

    const handle: CoreHandle = {
      call(name, input, caller, transfer) {
        if (!alive) return Promise.resolve(CRASHED);
        return new Promise((done) => {
          const id = ++seq;
          pending.set(id, done);
          try {
            post({ type: 'call', seq: id, name, input, clientId: caller.clientId }, transfer);
          } catch {
            // An input the structured clone cannot carry (nested too deep, a function): the call
            // never reached the core, so it answers here — a call never rejects, and leaves nothing pending.
            pending.delete(id);
            done({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '', reason: 'input.notTransferable' }] } });
          }
        });
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      clientGone(clientId) {
        post({ type: 'clientGone', clientId });
      },
      close() {
        if (!alive) return Promise.resolve();
        return new Promise<void>((done) => {
          onClosed = done;
          post({ type: 'close' });
        });
      },
    };
  });
}
