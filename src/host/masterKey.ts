/**
 * The web host has no safeStorage: the master key comes from a key file readable by its owner
 * only (0600), or is derived from a passphrase given in the environment. A key file with looser
 * permissions is refused rather than trusted.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new Error(`key file ${path} is readable by others (mode ${mode.toString(8)}): run chmod 600 on it`);
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`key file ${path} does not hold a 32-byte key`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}

/** The salt is not secret; it lives beside the data so the same passphrase always gives the same key. */
export function keyFromPassphrase(passphrase: string, dataDir: string): Buffer {
  const saltPath = join(dataDir, 'passphrase.salt');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(saltPath)) writeFileSync(saltPath, randomBytes(16).toString('base64'), { mode: 0o600, flag: 'wx' });
  const salt = Buffer.from(readFileSync(saltPath, 'utf8').trim(), 'base64');
  return scryptSync(passphrase.normalize('NFKC'), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
}
