/**
 * The branch's key for the applicants' personal data in its registry: AES-256-GCM per value
 * (a fresh IV, the column's name as associated data) and a keyed HMAC index so a supervisor can
 * find a person's cases without the IIN ever being stored in clear. The key lives in the branch's
 * data folder (`personal-data.key`, 0600), apart from the database and its backups.
 */
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Sealer {
  seal(column: string, plain: string): Buffer;
  index(value: string): Buffer;
}

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
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(column));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    index: (value) => createHmac('sha256', indexKey).update(value).digest(),
  };
}
