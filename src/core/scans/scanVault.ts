/**
 * Scans of applicants' documents at rest: one encrypted file per scan, named by a keyed hash of
 * its content (so equal scans share a file, and a file name tells nothing to someone holding a
 * copy of the same document), AES-256-GCM with a fresh IV, the name bound in as associated data.
 * A file is written to a temporary name, flushed and renamed, so a crash leaves either the whole
 * file or none; it is decrypted whole and its tag checked before a single byte is handed out.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const MAGIC = Buffer.from('AZS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface StoredScan {
  /** The file's name: HMAC-SHA-256 of the content under the vault's key. */
  name: string;
  /** SHA-256 of the content: what the operator's signature covers. */
  sha256: string;
  size: number;
}

export class ScanIntegrityError extends Error {
  constructor(name: string) {
    super(`scan ${name} failed its integrity check`);
    this.name = 'ScanIntegrityError';
  }
}

export class ScanVault {
  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
    private readonly nameKey: Buffer,
  ) {
    if (key.length !== 32 || nameKey.length !== 32) throw new Error('scan vault keys must be 32 bytes');
  }

  private pathOf(name: string) {
    if (!/^[0-9a-f]{64}$/.test(name)) throw new Error('not a scan name');
    return join(this.dir, name.slice(0, 2), name);
  }

  async put(content: Buffer): Promise<StoredScan> {
    const name = createHmac('sha256', this.nameKey).update(content).digest('hex');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(name));
    const body = Buffer.concat([cipher.update(content), cipher.final()]);
    const file = Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);

    const path = this.pathOf(name);
    const folder = join(this.dir, name.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(file);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    // The rename itself must reach the disk too: sync the folder.
    const dirHandle = await open(folder, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
    return { name, sha256, size: content.length };
  }

  async get(name: string): Promise<Buffer> {
    const file = await readFile(this.pathOf(name));
    if (file.length < MAGIC.length + IV_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new ScanIntegrityError(name);
    }
    const iv = file.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = file.subarray(file.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(tag);
    try {
      // Decrypted whole: final() checks the tag before the content leaves this function.
      const content = Buffer.concat([decipher.update(file.subarray(MAGIC.length + IV_BYTES, file.length - TAG_BYTES)), decipher.final()]);
      if (createHmac('sha256', this.nameKey).update(content).digest('hex') !== name) throw new ScanIntegrityError(name);
      return content;
    } catch {
      throw new ScanIntegrityError(name);
    }
  }

  async remove(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }
}
