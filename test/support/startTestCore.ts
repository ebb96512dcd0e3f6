/** The real worker-thread core, running the TypeScript sources through tsx. */
import { randomBytes } from 'node:crypto';
import { startCore } from '../../src/core/runtime/startCore';
import type { CoreHandle } from '../../src/core/runtime/types';

export function startTestCore(dataDir: string, extra: { idleLockSeconds?: number; masterKey?: Buffer } = {}): Promise<CoreHandle> {
  return startCore({
    dataDir,
    masterKey: extra.masterKey ?? randomBytes(32),
    workerUrl: new URL('../../src/core/runtime/worker.ts', import.meta.url),
    execArgv: ['--import', 'tsx'],
    idleLockSeconds: extra.idleLockSeconds,
    resourcesDir: new URL('../../resources/', import.meta.url).pathname,
  });
}
