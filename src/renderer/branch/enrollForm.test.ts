import { describe, expect, it } from 'vitest';
import { parseCall } from '../../shared/validate';
import { translate, type MessageKey, type Params } from '../i18n/catalog';
import { describeEnrollProblem, enrollInput, normalizeCode } from './enrollForm';

const en = (key: MessageKey, params?: Params) => translate('en', key, params);
const PEM = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(120)}\n-----END CERTIFICATE-----`;

describe('the enrollment form', () => {
  it('writes a code read out over the phone the way the contract does', () => {
    expect(normalizeCode('abcd efgh ijkl mnop')).toBe('ABCD-EFGH-IJKL-MNOP');
    expect(normalizeCode(' AB12CD34EF56GH78 ')).toBe('AB12-CD34-EF56-GH78');
    expect(normalizeCode('abcd-efgh-ijkl-mnop')).toBe('ABCD-EFGH-IJKL-MNOP');
    // Too short or with other characters: left as typed, for the contract to point at.
    expect(normalizeCode(' abcd-efgh ')).toBe('abcd-efgh');
    expect(normalizeCode('ABCD-EFGH-IJKL-MNO!')).toBe('ABCD-EFGH-IJKL-MNO!');
  });

  it('makes an input the contract takes, and points at each field it does not', () => {
    const input = enrollInput({ enrollUrl: ' https://branch.local:8443 ', apiUrl: 'https://branch.local:8444', caPem: `\n${PEM}\n\n`, code: 'abcdefghijklmnop' });
    expect(input).toEqual({ enrollUrl: 'https://branch.local:8443', apiUrl: 'https://branch.local:8444', caPem: `${PEM}\n`, code: 'ABCD-EFGH-IJKL-MNOP' });
    expect(() => parseCall('branch.enroll', input)).not.toThrow();

    const bad = enrollInput({ enrollUrl: 'http://branch.local:8443', apiUrl: 'https://branch.local:8444/api', caPem: 'not a certificate'.repeat(10), code: '1234' });
    try {
      parseCall('branch.enroll', bad);
      expect.unreachable();
    } catch (error) {
      const reasons = Object.fromEntries(((error as { data: { issues: { path: string; reason: string }[] } }).data.issues).map((i) => [i.path, i.reason]));
      expect(reasons).toEqual({ enrollUrl: 'branch.url', apiUrl: 'branch.url', caPem: 'pem.certificate', code: 'branch.enrollmentCode' });
    }
  });

  it('says an unanswered enrollment is about the addresses, the CA or the network, not a ticket', () => {
    const text = describeEnrollProblem(en, { code: 'BRANCH_UNREACHABLE' });
    expect(text.summary).toBe(en('branch.enroll.unreachable'));
    expect(text.fields).toEqual({});
  });

  it('marks a refused code at the code field, and asks for a new one', () => {
    const text = describeEnrollProblem(en, { code: 'BRANCH_REFUSED', branch: { code: 'ENROLLMENT_CODE' } });
    expect(text.summary).toBe(en('branch.refused.ENROLLMENT_CODE'));
    expect(text.fields).toEqual({ code: en('branch.enroll.codeRefused') });
  });

  it('puts the contract’s reasons beside their fields', () => {
    const text = describeEnrollProblem(en, { code: 'VALIDATION', issues: [{ path: 'apiUrl', reason: 'branch.url' }] });
    expect(text.fields).toEqual({ apiUrl: en('reason.branch.url') });
  });
});
