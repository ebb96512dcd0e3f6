/**
 * One master key (32 bytes, wrapped by safeStorage or kept in a 0600 key file) is never used
 * directly: HKDF derives one subkey per purpose, so a leak of one use does not weaken another.
 */
import { hkdfSync } from 'node:crypto';

export type KeyPurpose = 'personal-data' | 'blind-index' | 'audit-chain' | 'key-check' | 'scan-vault' | 'scan-name' | 'backup-manifest';

export interface Keyring {
  get(purpose: KeyPurpose): Buffer;
}

export function createKeyring(masterKey: Uint8Array): Keyring {
  if (masterKey.byteLength !== 32) throw new Error('the master key must be 32 bytes');
  const cache = new Map<KeyPurpose, Buffer>();
  return {
    get(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `azho/${purpose}/v1`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}
