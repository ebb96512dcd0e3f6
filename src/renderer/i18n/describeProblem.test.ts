import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from './catalog';
import { describeProblem } from './describeProblem';

const kk = (key: MessageKey, params?: Params) => translate('kk', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

describe('describeProblem', () => {
  it('gives one message for a wrong login or password', () => {
    expect(describeProblem(kk, { code: 'BAD_CREDENTIALS' }).summary).toBe('Логин немесе құпиясөз қате. Тексеріп, қайта енгізіңіз.');
  });

  it('rounds a lockout up to whole minutes', () => {
    expect(describeProblem(kk, { code: 'LOCKED_OUT', retryAfterSeconds: 61 }).summary).toContain('2 минуттан кейін');
    expect(describeProblem(kk, { code: 'LOCKED_OUT', retryAfterSeconds: 5 }).summary).toContain('1 минуттан кейін');
  });

  it('names the storage problem and the file', () => {
    const text = describeProblem(kk, { code: 'STORAGE_UNAVAILABLE', storage: { problem: 'inUse', path: '/data/azho.db' } }).summary;
    expect(text).toContain(kk('storage.inUse'));
    expect(text).toContain('/data/azho.db');
  });

  it('puts the first reason of each field beside it, and a reason it does not know as "invalid"', () => {
    const { fields } = describeProblem(kk, {
      code: 'VALIDATION',
      issues: [
        { path: 'iin', reason: 'iin.checksum' },
        { path: 'iin', reason: 'tooLong' },
        { path: 'login', reason: 'somethingNew' },
      ],
    });
    expect(fields).toEqual({ iin: kk('reason.iin.checksum'), login: kk('reason.invalid') });
  });

  describe('a branch server that refuses this workstation', () => {
    const refused = (code: string, update?: 'workstation' | 'server') =>
      describeProblem(en, { code: 'BRANCH_REFUSED', branch: update ? { code, update } : { code } }).summary;

    it('says which side to update when the contract versions differ', () => {
      expect(refused('CONTRACT_VERSION', 'workstation')).toContain('update this workstation');
      expect(refused('CONTRACT_VERSION', 'server')).toContain('the branch server must be updated');
      // The core takes a refusal that names no side as this workstation being behind.
      expect(refused('CONTRACT_VERSION')).toBe(refused('CONTRACT_VERSION', 'workstation'));
    });

    it('asks for a new code, or for enrolling again', () => {
      expect(refused('ENROLLMENT_CODE')).toBe('The code is wrong, already used or expired — ask the administrator for a new one.');
      expect(refused('NOT_ENROLLED')).toContain('enroll it again');
      expect(describeProblem(kk, { code: 'BRANCH_REFUSED', branch: { code: 'NOT_ENROLLED' } }).summary).toBe(kk('branch.refused.NOT_ENROLLED'));
    });

    it('falls back to the general sentence for the other reasons, or none', () => {
      expect(refused('WRONG_BRANCH')).toBe(en('error.BRANCH_REFUSED'));
      expect(describeProblem(en, { code: 'BRANCH_REFUSED' }).summary).toBe(en('error.BRANCH_REFUSED'));
    });
  });
});
