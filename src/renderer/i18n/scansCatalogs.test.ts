import { describe, expect, it } from 'vitest';
import { SIGNER_KINDS } from '../../shared/scans';
import { LOCALES } from '../../shared/schemas';
import type { Problem } from '../client/problem';
import { catalogs, translate, type MessageKey } from './catalog';
import { describeProblem } from './describeProblem';
import gatewayKk from './gateway.kk.json';
import kk from './kk.json';
import queueKk from './queue.kk.json';
import scansKk from './scans.kk.json';

// The core's reasons for refusing a scan's bytes (path 'content').
const SCAN_REASONS = ['scan.empty', 'scan.tooLarge', 'scan.unknownType', 'scan.archive', 'scan.truncated', 'scan.tooManyPages'];

// The scans' and the signature's sentences live in files of their own (scans.*.json), merged in catalog.ts.
describe('the scans catalogues', () => {
  it('do not silently replace a sentence of the other catalogues', () => {
    expect(Object.keys(scansKk).filter((key) => key in kk || key in queueKk || key in gatewayKk)).toEqual([]);
  });

  it.each(LOCALES)('%s has a sentence for every refusal of a scan, camera problem, signer and check', (locale) => {
    const keys = [
      ...SCAN_REASONS.map((reason) => `reason.${reason}`),
      ...['denied', 'none', 'busy', 'failed'].map((problem) => `camera.${problem}`),
      ...SIGNER_KINDS.map((kind) => `signing.kind.${kind}`),
      ...['chain', 'validity', 'revocation', 'keyUsage', 'iin'].map((check) => `signing.check.${check}`),
    ];
    expect(keys.filter((key) => !(key in catalogs[locale]))).toEqual([]);
  });

  it.each(LOCALES)('%s says why a file was refused, beside the file, not as the generic "invalid"', (locale) => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
    for (const reason of SCAN_REASONS) {
      const problem: Problem = { code: 'VALIDATION', issues: [{ path: 'content', reason }] };
      const text = describeProblem(t, problem).fields.content;
      expect(text).toBe(catalogs[locale][`reason.${reason}` as MessageKey]);
      expect(text).not.toBe(catalogs[locale]['reason.invalid']);
    }
  });
});
