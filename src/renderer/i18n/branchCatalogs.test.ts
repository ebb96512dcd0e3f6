import { describe, expect, it } from 'vitest';
import { BranchStatus } from '../../shared/branchStatus';
import { LOCALES } from '../../shared/schemas';
import branchKk from './branch.kk.json';
import { catalogs } from './catalog';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';
import scansKk from './scans.kk.json';

// The branch link's sentences live in files of their own (branch.*.json), merged in catalog.ts.
describe('the branch catalogues', () => {
  it('do not silently replace a sentence of the other catalogues (kk.json has its own branch.saved)', () => {
    const others = { ...kk, ...queueKk, ...gatewayKk, ...scansKk };
    expect(Object.keys(branchKk).filter((key) => key in others)).toEqual([]);
  });

  it.each(LOCALES)('%s names every state and the contract’s own reasons for the enrollment fields', (locale) => {
    const keys = [
      ...BranchStatus.shape.state.options.map((state) => `branch.state.${state}`),
      // shared/branchStatus.ts: BranchEnrollInput's reasons.
      'reason.branch.url',
      'reason.branch.enrollmentCode',
      'reason.pem.certificate',
      'queue.board.windowOne',
      'queue.board.windowsMany',
      'queue.board.offline',
      'queue.kiosk.offline',
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });
});
