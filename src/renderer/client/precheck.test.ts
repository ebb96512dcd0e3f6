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

  it('calls an empty nested field required too', () => {
    const issues = precheck('cases.submitForm', {
      caseId: 1,
      version: 0,
      applicantIin: '900101300007',
      representative: { iin: '850315400035', fullName: 'Жұмабаева Әйгерім', powerOfAttorney: { kind: 'notarised', number: 'НҚ-1', date: '', notary: 'Бекова Ә. С.' } },
    });
    expect(issues).toEqual([{ path: 'representative.powerOfAttorney.date', reason: 'required' }]);
  });

  it('passes a valid input', () => {
    expect(precheck('auth.login', { login: 'omirzaq', password: 'x' })).toEqual([]);
  });
});
