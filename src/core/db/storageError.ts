import type { StorageProblem } from '../../shared/errors';

/** The database could not be opened for a reason the operator can act on; the file was left as it was. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly path: string,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'StorageError';
  }
}
