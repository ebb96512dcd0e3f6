/**
 * Personal data (names, IINs) is stored encrypted column by column with AES-256-GCM.
 * The column name is bound in as associated data, so a value cannot be moved to another column
 * unnoticed; equality look-ups (is this IIN taken?) use a keyed HMAC "blind index" instead.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keyring } from './keys';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface FieldCipher {
  seal(column: string, plain: string): Buffer;
  open(column: string, sealed: Buffer): string;
  blindIndex(column: string, plain: string): string;
}

export function createFieldCipher(keys: Keyring): FieldCipher {
  const key = keys.get('personal-data');
  const indexKey = keys.get('blind-index');
  return {
    seal(column, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(column));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(column, sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error(`sealed ${column} is too short`);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    blindIndex(column, plain) {
      return createHmac('sha256', indexKey).update(column).update('\0').update(plain).digest('hex');
    },
  };
}
