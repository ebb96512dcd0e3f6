/**
 * Scans of applicants' documents at rest: one encrypted file per scan, named by a keyed hash of
 * its content (HMAC of its SHA-256: equal scans share a file, and a file name tells nothing to
 * someone holding a copy of the same document), AES-256-GCM with a fresh IV, the name bound in as
 * associated data. A file is written to a temporary name, flushed and renamed, so a crash leaves
 * either the whole file or none; it is decrypted whole and its tag checked before a single byte
 * is handed out.
 *
 * Hashing and encryption go through WebCrypto, whose jobs run on libuv's thread pool: a 50 MB
 * scan never holds the core's thread, which keeps answering calls meanwhile.
 */
import { createHmac, randomBytes, webcrypto } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const MAGIC = Buffer.from('AZS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const { subtle } = webcrypto;

export interface StoredScan {
  /** The file's name: HMAC-SHA-256, under the vault's name key, of the content's SHA-256. */
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

export const isScanName = (name: string) => /^[0-9a-f]{64}$/.test(name);

export class ScanVault {
  private cryptoKey: Promise<webcrypto.CryptoKey> | undefined;

  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
    private readonly nameKey: Buffer,
  ) {
    if (key.length !== 32 || nameKey.length !== 32) throw new Error('scan vault keys must be 32 bytes');
  }

  private aesKey() {
    this.cryptoKey ??= subtle.importKey('raw', this.key, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return this.cryptoKey;
  }

  private pathOf(name: string) {
    if (!isScanName(name)) throw new Error('not a scan name');
    return join(this.dir, name.slice(0, 2), name);
  }

  private nameOf(digest: ArrayBuffer): string {
    return createHmac('sha256', this.nameKey).update(new Uint8Array(digest)).digest('hex');
  }

  /** The content's SHA-256 and its name in the vault, hashed off the core's thread. */
  async identify(content: Uint8Array): Promise<{ name: string; sha256: string }> {
    const digest = await subtle.digest('SHA-256', content);
    return { name: this.nameOf(digest), sha256: Buffer.from(digest).toString('hex') };
  }

  /** Encrypts and writes the content under its name (from identify): whole or not at all. */
  async write(name: string, content: Uint8Array): Promise<void> {
    const path = this.pathOf(name);
    const iv = randomBytes(IV_BYTES);
    // WebCrypto's AES-GCM gives the ciphertext followed by its 16-byte tag: the file's layout.
    const sealed = new Uint8Array(
      await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: Buffer.from(name), tagLength: TAG_BYTES * 8 }, await this.aesKey(), content),
    );
    const folder = join(this.dir, name.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(Buffer.concat([MAGIC, iv]));
      await handle.writeFile(sealed);
      await handle.sync();
    } catch (err) {
      await handle.close();
      await rm(temp, { force: true });
      throw err;
    }
    await handle.close();
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
  }

  async put(content: Uint8Array): Promise<StoredScan> {
    const { name, sha256 } = await this.identify(content);
    await this.write(name, content);
    return { name, sha256, size: content.length };
  }

  /** The content, once its tag and its name both check out; ScanIntegrityError otherwise. */
  async get(name: string): Promise<Buffer> {
    const file = await readFile(this.pathOf(name));
    if (file.length < MAGIC.length + IV_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new ScanIntegrityError(name);
    }
    let content: Buffer;
    try {
      // Decrypted whole: the tag is checked before anything comes back.
      content = Buffer.from(
        await subtle.decrypt(
          { name: 'AES-GCM', iv: file.subarray(MAGIC.length, MAGIC.length + IV_BYTES), additionalData: Buffer.from(name), tagLength: TAG_BYTES * 8 },
          await this.aesKey(),
          file.subarray(MAGIC.length + IV_BYTES),
        ),
      );
    } catch {
      throw new ScanIntegrityError(name);
    }
    if (this.nameOf(await subtle.digest('SHA-256', content)) !== name) throw new ScanIntegrityError(name);
    return content;
  }

  async remove(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }
}
