import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { parseCall } from './validate';

function issuesOf(name: string, input: unknown) {
  try {
    parseCall(name, input);
  } catch (err) {
    return (err as AppError).data;
  }
  throw new Error('expected a refusal');
}

describe('contract validation', () => {
  it('refuses an unknown call name, including inherited object keys', () => {
    expect(issuesOf('nope.call', {})).toEqual({ code: 'UNKNOWN_CALL' });
    expect(issuesOf('__proto__', {})).toEqual({ code: 'UNKNOWN_CALL' });
    expect(issuesOf('toString', {})).toEqual({ code: 'UNKNOWN_CALL' });
    expect(issuesOf(42 as unknown as string, {})).toEqual({ code: 'UNKNOWN_CALL' });
  });

  it('names each missing, mistyped, oversized or unexpected field', () => {
    expect(issuesOf('auth.login', { login: 'admin' })).toEqual({
      code: 'VALIDATION',
      issues: [{ path: 'password', reason: 'required' }],
    });
    expect(issuesOf('auth.login', { login: 7, password: 'x' }).issues).toEqual([{ path: 'login', reason: 'type' }]);
    expect(issuesOf('auth.login', { login: 'a'.repeat(65), password: 'x' }).issues).toEqual([{ path: 'login', reason: 'tooLong' }]);
    expect(issuesOf('auth.login', { login: 'admin', password: 'x'.repeat(257) }).issues).toEqual([{ path: 'password', reason: 'tooLong' }]);
    expect(issuesOf('auth.login', { login: 'admin', password: 'x', role: 'admin' }).issues).toEqual([{ path: '', reason: 'unknownField' }]);
    expect(issuesOf('app.status', [] as unknown).issues?.[0]?.reason).toBe('type');
  });

  it('checks an IIN by its checksum and date, and a new password by its length', () => {
    const input = { login: 'aigerim', fullName: 'Әйгерім Сәрсенова', iin: '900101300008', role: 'operator', password: 'short' };
    expect(issuesOf('operators.create', input).issues).toEqual([
      { path: 'iin', reason: 'iin.checksum' },
      { path: 'password', reason: 'tooShort' },
    ]);
    expect(issuesOf('operators.create', { ...input, iin: '900101300007', password: 'long enough now', role: 'root' }).issues).toEqual([
      { path: 'role', reason: 'value' },
    ]);
    expect(issuesOf('operators.create', { ...input, iin: '900101300007', password: 'long enough now', login: 'бір' }).issues).toEqual([
      { path: 'login', reason: 'login.charset' },
    ]);
  });

  it('gives back the parsed input, with a login folded to lower case', () => {
    const parsed = parseCall('operators.create', {
      login: 'Aigerim.S', fullName: '  Әйгерім Сәрсенова ', iin: '900101300007', role: 'operator', password: 'long enough now',
    });
    expect(parsed.input).toMatchObject({ login: 'aigerim.s', fullName: 'Әйгерім Сәрсенова' });
  });
});
