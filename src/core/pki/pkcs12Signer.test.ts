import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { Pkcs12Signer, openPkcs12 } from './pkcs12Signer';
import { createTrainingPki, type TrainingPki } from './trainingPki';
import { x509 } from './x509';

let pki: TrainingPki;

beforeAll(async () => {
  pki = await createTrainingPki();
});

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.data.code;
    throw e;
  }
  return 'OK';
}

describe('the PKCS#12 container', () => {
  it('opens with its password: the key, its certificate as issued, and the chain', () => {
    const opened = openPkcs12(pki.containers.valid.p12, pki.password);
    const issued = new x509.X509Certificate(pki.containers.valid.certPem);
    expect(Buffer.from(opened.certificate).equals(Buffer.from(issued.rawData))).toBe(true);
    expect(opened.chain.map((der) => new x509.X509Certificate(der).subject)).toEqual([
      'CN=AZhO TRAINING NCA (RSA), O=AZhO training PKI, C=KZ',
      'CN=AZhO TRAINING ROOT CA - NOT FOR REAL SIGNATURES, O=AZhO training PKI, C=KZ',
    ]);
    expect(opened.key.asymmetricKeyType).toBe('rsa');
  });

  it('a wrong password is KEY_PASSWORD_WRONG', () => {
    expect(codeOf(() => openPkcs12(pki.containers.valid.p12, 'wrong'))).toBe('KEY_PASSWORD_WRONG');
    expect(codeOf(() => openPkcs12(pki.containers.valid.p12, ''))).toBe('KEY_PASSWORD_WRONG');
    expect(codeOf(() => Pkcs12Signer.open(pki.containers.valid.p12, 'Training-2025'))).toBe('KEY_PASSWORD_WRONG');
  });

  it('bytes that are not a container are KEY_CONTAINER_INVALID', () => {
    expect(codeOf(() => openPkcs12(new Uint8Array(0), 'x'))).toBe('KEY_CONTAINER_INVALID');
    expect(codeOf(() => openPkcs12(new TextEncoder().encode('%PDF-1.7 not a key'), 'x'))).toBe('KEY_CONTAINER_INVALID');
    const certOnly = new Uint8Array(new x509.X509Certificate(pki.containers.valid.certPem).rawData);
    expect(codeOf(() => openPkcs12(certOnly, pki.password))).toBe('KEY_CONTAINER_INVALID');
    const truncated = pki.containers.valid.p12.slice(0, 200);
    expect(codeOf(() => openPkcs12(truncated, pki.password))).toBe('KEY_CONTAINER_INVALID');
    expect(codeOf(() => openPkcs12(new Uint8Array(70 * 1024), 'x'))).toBe('KEY_CONTAINER_INVALID');
  });

  it('a wrong password fails the signer on every call, not only when opened', async () => {
    const signer = new Pkcs12Signer(pki.containers.valid.p12, 'wrong');
    await expect(signer.sign('<a/>')).rejects.toMatchObject({ data: { code: 'KEY_PASSWORD_WRONG' } });
    await expect(signer.signCms(new Uint8Array([1]))).rejects.toMatchObject({ data: { code: 'KEY_PASSWORD_WRONG' } });
  });
});

/**
 * A throwaway self-signed key exported by OpenSSL 3 with its defaults (PBES2 AES-256-CBC,
 * SHA-256 MAC) under a Kazakh password: `openssl pkcs12 -export -passout pass:Құпия-сөз1`.
 */
const OPENSSL_P12 =
  'MIIGrwIBAzCCBmUGCSqGSIb3DQEHAaCCBlYEggZSMIIGTjCCAxIGCSqGSIb3DQEHBqCCAwMwggL/AgEAMIIC+AYJKoZIhvcNAQcB' +
  'MFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhePPqN1qmjuwICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEED2j' +
  'zMUNahcjBPWysCNkVB+AggKQP3RmxNyW8zcz0kbOEpYuc77i3MoOOYp2ApZBt3dwk9t7VzdL0SDk8J/rrSRFhn6onQCKz3smbtri' +
  'de1YlWBg4ZntKuoxbHbB0EeD4IKucNwUQfJc89JxSe8avr/TJ7VerYYmQqX4JeeK03mzKuyp6IyiL+ZAqB6Ibn4abhP0zMOfKvi8' +
  'Ao0pvZq+EI4fCG/xOMonNzRUNwSY4wC7KXbRkcsQTXR3qjOevw7C/5fB59P4jh6pjmeUfbG8R1UxzQHs7ZeD3mKQ232iM74ODOqG' +
  'CEzPz0zCIp2EXLo3n9EIC9gLQcKCRGBLS5gNT1LVuGjY6ZkroMNCcoe2sd2BcZ7ePJerh4pmEtCmYdBfSPjJh6VhY0CVRz8JWDTJ' +
  'rgMo4D8SRKwqluuamgUYxNQEtvFOIRf3mw5AhBuBz4JjASOAd3aeIi0SxF9GV6AkIPOjS1LUXVN6ucJuniZtX0wdiowP6XC9GVFs' +
  'gJ5wEARrw5xbKui3rAJIYydmQsAHT7Gc5LwfJdcciyKHNbL2Px3mQWQbBkgb6wQ3FeHnCO60gg9yQrqYdEOzONz9xwmms2En87TC' +
  '63fexgOV+GHEv8ND5Bt/H/XcpUlxqj70pBgTJAKLqKzKKUwxq7eEz19d7F1HBvdKIHimEqO4AjJC2aRFw2Xcq3M+RqvJ8EVLrzg+' +
  'Zu4wJHwk/XkZQ663DY6ODqsVBKs/h7OGmnlx3Q4xdfjRZ9aRallfc+oahuvVup7jGo2BWi1I/vWU/0lezbRywUAdpda4tfsurfRl' +
  '+6ytscwFrODrehqMPq1PU1Phs+a372fNKfw+hkApoknwTaH3lKBAWT+8DU3aQkYKWOQtmSrJqrfSwZqeguORWFVeW5SsYMpeSAgw' +
  'ggM0BgkqhkiG9w0BBwGgggMlBIIDITCCAx0wggMZBgsqhkiG9w0BDAoBAqCCAuEwggLdMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3' +
  'DQEFDDAcBAi09OS/xCumcAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEIUnK+X6JfhGhzPtfSz5RM0EggKAlR9Rb2Ro' +
  '41Fs5BSVSrRHbHEZ7JMJnOE+7c5gYKywfFw/SpHitsylGOamWIIFSM6TColiJvjbv+oKZ50TQi6ytdrMA8bM8LUw8BZ5CtF+xOrH' +
  'hSuQ2jWQ+nYCDbUjrpX3efiuNmTL1aCTg1mqt+0Q+BDxnrx2UaO6G6pWBH9K8+Qifyho45poxeuolAbjzP0+se6xdhsU3RB8BcaW' +
  'izZ1HGaQw4mrO7DFH4hmL3c/I2LaLP8iSeOtmuAny8/qfMCajkP5ujfLcHPy8wUHb+8XZzI/Ngk5p0X6fWLJpHNOl7ZYe2ih0xPQ' +
  'SxSflYkjM3TQ47MpZv8di7DGCWA2dQEqMDih2BKnygfNGxneTCS7sgdkI3VreF+hIL3KNjH7FyGln13welnIT7BlLd2OslvgzZ5z' +
  'HA/Xn0tRnNdI0AzwP5DBrkoLyPQTb1WBRNH2tDpAQR4s6w/n1UQt5MeOzOQV5W4f8H855TkniXX8z8lHofgwVQf5z+b5Cf60k6F9' +
  '/m/5DsFKuHhvQvOPvziZb76z70iqecAHmk/doSHTgyKn421o0ufOM1+PzeFLSaqOBHCjeAL/ZFXP2TTGVhnZ0XJaO/rkl23TM23D' +
  'Am7VMSBNeFtmrOUXteeOIJQsaRRBFhoIYAEZMGKY3/5dWgF9E1R49c6pyMY+lJDCtuWfK2T2LvVevpqySZ1qnvgfzTPhYG1jtu4h' +
  'Y04+hoyJcAau7Epc/AHWCIuRd95hQwVyZSF9qqAUViyPVb9uGYcekT1fr+7Y0UCHhj8lxdL9AXIkvG4RBYsArsE2AdHeMOC7vkuy' +
  '6/AnvlK3garDZ47w/y2qJrxov8EIbC0UFP3hCZPmD/5GaDElMCMGCSqGSIb3DQEJFTEWBBQibuJdr2rvvT9XQ2+ABigO/aNZ6jBB' +
  'MDEwDQYJYIZIAWUDBAIBBQAEIJryoeYSMhqHgTEumUDu/Pi8r1hck1T6zcId1PGHdpSFBAgWTq/7XjhJPgICCAA=';

describe('a container OpenSSL 3 wrote', () => {
  it('opens with a non-ASCII password (PBES2 keys from its UTF-8 bytes) and refuses a wrong one', () => {
    const p12 = new Uint8Array(Buffer.from(OPENSSL_P12, 'base64'));
    const opened = openPkcs12(p12, 'Құпия-сөз1');
    expect(new x509.X509Certificate(opened.certificate).subject).toBe('CN=OpenSSL fixture, C=KZ');
    expect(codeOf(() => openPkcs12(p12, 'Құпия-сөз2'))).toBe('KEY_PASSWORD_WRONG');
    expect(codeOf(() => openPkcs12(p12, 'Kupiya-soz1'))).toBe('KEY_PASSWORD_WRONG');
  });
});

describe('the XML signature it makes', () => {
  it('is enveloped over the whole document: RSA-SHA256, exclusive c14n, the certificate in KeyInfo', async () => {
    const { signer, certificate } = Pkcs12Signer.open(pki.containers.valid.p12, pki.password);
    const signed = await signer.sign('<?xml version="1.0" encoding="UTF-8"?>\n<doc xmlns="urn:t"><v>ә</v></doc>');
    expect(signed.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<doc xmlns="urn:t"><v>ә</v><Signature')).toBe(true);
    expect(signed.endsWith('</Signature></doc>')).toBe(true);
    expect(signed).toContain('<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>');
    expect(signed).toContain('<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>');
    expect(signed).toContain('<Reference URI="">');
    expect(signed).toContain('<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>');
    expect(signed).toContain(`<X509Data><X509Certificate>${Buffer.from(certificate).toString('base64')}</X509Certificate>`);
  });
});
