import { describe, expect, it } from 'vitest';
import { precheck } from './precheck';

describe('precheck', () => {
  it('calls an empty field required, not too short', () => {
    expect(precheck('auth.login', { login: '  ', password: '' })).toEqual([
      { path: 'login', reason: 'required' },
      { path: 'password', reason: 'required' },
    ]);
  });

  it('gives the contract reasons for filled fields', () => {
    const issues = precheck('setup.createAdmin', { login: 'ab', fullName: 'Әлихан Ғалымұлы', iin: '850312400010', password: 'short' });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'login', reason: 'tooShort' },
        { path: 'iin', reason: 'iin.checksum' },
        { path: 'password', reason: 'tooShort' },
      ]),
    );
  });

  it('passes a valid input', () => {
    expect(precheck('auth.login', { login: 'omirzaq', password: 'x' })).toEqual([]);
  });
});
