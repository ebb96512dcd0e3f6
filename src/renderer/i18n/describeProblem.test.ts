import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from './catalog';
import { describeProblem } from './describeProblem';

const kk = (key: MessageKey, params?: Params) => translate('kk', key, params);

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
});
