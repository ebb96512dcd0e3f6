import { describe, expect, it } from 'vitest';
import { precheck } from '../client/precheck';
import { formValues, settingsInput } from './settingsInput';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const stored = { endpoint: 'https://shep.example.kz/bip-sync', senderId: 'azho', passwordSet: true, caPem: null, timeoutSeconds: 30, pollIntervalSeconds: 300 };

describe('the gateway settings form', () => {
  it('starts from the stored settings, the password never among them', () => {
    expect(formValues(stored)).toEqual({
      endpoint: 'https://shep.example.kz/bip-sync',
      senderId: 'azho',
      password: '',
      caPem: '',
      timeoutSeconds: '30',
      pollIntervalSeconds: '300',
    });
  });

  it('keeps the stored password when none is typed, and sends a typed one', () => {
    expect(settingsInput(formValues(stored))).not.toHaveProperty('password');
    expect(settingsInput({ ...formValues(stored), password: 'new secret' }).password).toBe('new secret');
  });

  it('sends no certificate for an empty box, and the pasted one trimmed', () => {
    expect(settingsInput(formValues(stored)).caPem).toBeNull();
    expect(settingsInput({ ...formValues(stored), caPem: `\n  ${PEM}  \n\n` }).caPem).toBe(`${PEM}\n`);
  });

  it('passes the contract as typed, and names the fields it does not', () => {
    expect(precheck('gateway.updateSettings', settingsInput({ ...formValues(stored), caPem: PEM }))).toEqual([]);
    const issues = precheck(
      'gateway.updateSettings',
      settingsInput({ ...formValues(stored), endpoint: 'http://shep.example.kz', caPem: 'not a certificate', timeoutSeconds: '2,5', pollIntervalSeconds: '1' }),
    );
    expect(issues.map((i) => [i.path, i.reason]).sort()).toEqual(
      expect.arrayContaining([
        ['caPem', 'gateway.caPem'],
        ['endpoint', 'gateway.endpoint'],
      ]),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['caPem', 'endpoint', 'pollIntervalSeconds', 'timeoutSeconds']);
  });

  it('calls an empty address a field left empty', () => {
    expect(precheck('gateway.updateSettings', settingsInput({ ...formValues(stored), endpoint: '' }))).toEqual([{ path: 'endpoint', reason: 'required' }]);
  });
});
