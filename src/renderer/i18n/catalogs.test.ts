import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { LOCALES } from '../../shared/schemas';
import { catalogs } from './catalog';

// Every reason the contract's validation (shared/validate.ts) and the core can give a field.
const FIELD_REASONS = [
  'required', 'type', 'tooLong', 'tooShort', 'unknownField', 'format', 'value', 'invalid',
  'iin.format', 'iin.checksum', 'iin.century', 'iin.birthDate', 'iin.future', 'login.charset',
  'login.taken', 'iin.taken', 'password.wrong', 'password.reused',
  // The request form, the documents, the branch (shared/cases.ts, the case engine, branch.update).
  'poa.notaryRequired', 'poa.otherCertificationNotFilled', 'poa.certifiedByRequired', 'poa.notaryNotFilled',
  'poa.notarisedRequired', 'representative.notAllowed', 'representative.sameAsApplicant',
  'documents.unknown', 'documents.alreadyTaken', 'date.format', 'time.format', 'time.closesBeforeOpens',
];
const STORAGE_PROBLEMS = ['fromNewerVersion', 'corrupt', 'foreign', 'inUse', 'keyMismatch', 'io'];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const kkKeys = Object.keys(catalogs.kk).sort();

  it.each(LOCALES)('%s has exactly the Kazakh keys', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(kkKeys);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same {placeholders} as Kazakh', (locale) => {
    for (const key of kkKeys) {
      const k = key as keyof typeof catalogs.kk;
      expect([key, placeholders(catalogs[locale][k])]).toEqual([key, placeholders(catalogs.kk[k])]);
    }
  });

  it('has a sentence for every error code, field reason and storage problem', () => {
    const needed = [
      ...ERROR_CODES.map((code) => `error.${code}`),
      'error.UNREACHABLE',
      ...FIELD_REASONS.map((reason) => `reason.${reason}`),
      ...STORAGE_PROBLEMS.map((problem) => `storage.${problem}`),
    ];
    expect(needed.filter((key) => !kkKeys.includes(key))).toEqual([]);
  });

  it('writes Kazakh with Kazakh letters, not look-alikes', () => {
    const kazakh = Object.values(catalogs.kk).join(' ');
    // Latin "i" or "e" inside a Cyrillic word is a typo a reader cannot see.
    expect(kazakh.match(/[а-яәғқңөұүһі][a-z]|[a-z][а-яәғқңөұүһі]/gi) ?? []).toEqual([]);
  });
});
