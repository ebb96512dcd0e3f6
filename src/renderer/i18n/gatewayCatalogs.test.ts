import { describe, expect, it } from 'vitest';
import { FAILURES, LINK_STATES, MESSAGE_KINDS, MESSAGE_STATES, SIMULATOR_FAULTS } from '../../shared/gateway';
import { LOCALES } from '../../shared/schemas';
import { catalogs } from './catalog';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';

// The gateway's sentences live in files of their own (gateway.*.json), merged in catalog.ts.
describe('the gateway catalogues', () => {
  it('do not silently replace a sentence of the other catalogues', () => {
    expect(Object.keys(gatewayKk).filter((key) => key in kk || key in queueKk)).toEqual([]);
  });

  it.each(LOCALES)('%s names every link state, request, message state, failure and simulator fault', (locale) => {
    const keys = [
      ...LINK_STATES.flatMap((link) => [`gateway.link.${link}`, `gateway.linkMeans.${link}`]),
      ...MESSAGE_KINDS.flatMap((kind) => [`gateway.kind.${kind}`, `waiting.for.${kind}`]),
      ...MESSAGE_STATES.map((state) => `gateway.state.${state}`),
      ...FAILURES.map((failure) => `gateway.failure.${failure}`),
      ...SIMULATOR_FAULTS.map((fault) => `training.fault.${fault}`),
      // The contract's own reasons for the settings fields (shared/gateway.ts).
      'reason.gateway.endpoint',
      'reason.gateway.caPem',
      'nav.gateway',
      'nav.toIssue',
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });
});
