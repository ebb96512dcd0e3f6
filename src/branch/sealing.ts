/**
 * The branch's key for personal data — the applicants' in its registry, the operators' in its
 * directory: AES-256-GCM per value (a fresh IV, the column's name as associated data) and a keyed
 * HMAC index so a supervisor can find a person's cases without the IIN ever being stored in clear. The key lives in the branch's
 * data folder (`personal-data.key`, 0600), apart from the database and its backups.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sealer {
  seal(column: string, plain: string): Buffer;
  /** The value sealed for this column; throws if it was sealed for another column or altered. */
  open(column: string, sealed: Buffer): string;
  index(value: string): Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function loadSealer(dataDir: string): Sealer {
  const path = join(dataDir, 'personal-data.key');
  if (!existsSync(path)) {
    writeFileSync(path, randomBytes(32), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  const master = readFileSync(path);
  if (master.length !== 32) throw new Error(`${path} is not a 32-byte key: restore it from the key backup.`);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const sealKey = derive('azho-branch/seal');
  const indexKey = derive('azho-branch/index');
  return {
    seal(column, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(column));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(column, sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error(`sealed ${column} is too short`);
      const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    index: (value) => createHmac('sha256', indexKey).update(value).digest(),
  };
}
