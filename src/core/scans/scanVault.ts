/**
 * Scans of applicants' documents at rest: one encrypted file per scan, named by a keyed hash of
 * its content (HMAC of its SHA-256: equal scans share a file, and a file name tells nothing to
 * someone holding a copy of the same document), AES-256-GCM with a fresh IV. A file is written
 * under a temporary name, flushed, then renamed, so a crash leaves either the whole file or none;
 * it is decrypted whole and its tag checked — and the content's hash checked against the name,
 * so a file copied under another scan's name is refused — before a single byte is handed out.
 *
 * Storing is one pass over the content a megabyte at a time: each slice is hashed and encrypted,
 * and its write to disk goes on while the next slice is worked on. Between slices the thread is
 * given back, so a 50 MB scan never holds the core for more than a few milliseconds at once.
 * Reading decrypts through WebCrypto, on libuv's thread pool.
 */
import { createCipheriv, createHash, createHmac, randomBytes, webcrypto } from 'node:crypto';
import { mkdir, open as openFile, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

const MAGIC = Buffer.from('AZS2');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;
/** Hashed and encrypted between two turns of the event loop. */
const SLICE = 1024 * 1024;
const { subtle } = webcrypto;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A positional write, repeated until every byte is down (a write may take fewer than asked). */
async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

export interface StoredScan {
  /** The file's name: HMAC-SHA-256, under the vault's name key, of the content's SHA-256. */
  name: string;
  /** SHA-256 of the content: what the operator's signature covers. */
  sha256: string;
  size: number;
}

/** A scan encrypted and flushed under a temporary name, not yet in place. */
export interface SealedScan extends StoredScan {
  temp: string;
}

export class ScanIntegrityError extends Error {
  constructor(name: string) {
    super(`scan ${name} failed its integrity check`);
    this.name = 'ScanIntegrityError';
  }
}

/**
 * The file layer a scan is written through. A seam, so the faults tests can make the disk "full"
 * (ENOSPC) in the middle of a scan's write without a small file system.
 */
export interface VaultFiles {
  open: typeof openFile;
}
const NODE_FILES: VaultFiles = { open: openFile };

export const isScanName = (name: string) => /^[0-9a-f]{64}$/.test(name);

export class ScanVault {
  private cryptoKey: Promise<webcrypto.CryptoKey> | undefined;
  private swept: Promise<number> | undefined;

  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
    private readonly nameKey: Buffer,
    private readonly files: VaultFiles = NODE_FILES,
  ) {
    if (key.length !== 32 || nameKey.length !== 32) throw new Error('scan vault keys must be 32 bytes');
  }

  private aesKey() {
    this.cryptoKey ??= subtle.importKey('raw', this.key, 'AES-GCM', false, ['decrypt']);
    return this.cryptoKey;
  }

  private pathOf(name: string) {
    if (!isScanName(name)) throw new Error('not a scan name');
    return join(this.dir, name.slice(0, 2), name);
  }

  private nameOf(digest: Uint8Array): string {
    return createHmac('sha256', this.nameKey).update(digest).digest('hex');
  }

  /**
   * Hashes and encrypts the content into a temporary file, flushed to disk: one pass, a slice at
   * a time. The name comes out of the same pass; `place` then puts the file under it.
   */
  async seal(content: Uint8Array): Promise<SealedScan> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // What a crash left half-written is no scan: cleared once, before the first scan is stored.
    await this.sweepPartials();
    const temp = join(this.dir, `${randomBytes(8).toString('hex')}.part`);
    const iv = randomBytes(IV_BYTES);
    const header = Buffer.concat([MAGIC, iv]);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    // The header (format and IV) is authenticated with the content.
    cipher.setAAD(header);
    const hash = createHash('sha256');
    const handle = await this.files.open(temp, 'wx', 0o600);
    const writes: Promise<void>[] = [];
    const write = (bytes: Uint8Array, position: number) => {
      const done = writeAll(handle, bytes, position);
      // Awaited all together below; a failure must not go unnoticed meanwhile.
      done.catch(() => undefined);
      writes.push(done);
    };
    try {
      write(header, 0);
      let at = HEADER_BYTES;
      for (let from = 0; from < content.length; from += SLICE) {
        if (from > 0) await turn();
        const slice = content.subarray(from, Math.min(content.length, from + SLICE));
        hash.update(slice);
        const sealed = cipher.update(slice);
        write(sealed, at);
        at += sealed.length;
      }
      write(Buffer.concat([cipher.final(), cipher.getAuthTag()]), at);
      await Promise.all(writes);
      await handle.sync();
    } catch (err) {
      await Promise.allSettled(writes);
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    const digest = hash.digest();
    return { name: this.nameOf(digest), sha256: digest.toString('hex'), size: content.length, temp };
  }

  /** Moves a sealed scan under its name (replacing an equal one) and makes the move durable. */
  async place(sealed: SealedScan): Promise<void> {
    const folder = join(this.dir, sealed.name.slice(0, 2));
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await rename(sealed.temp, this.pathOf(sealed.name));
    } catch (err) {
      await this.discard(sealed);
      throw err;
    }
    const dirHandle = await openFile(folder, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }

  /** Drops a sealed scan that will not be kept. */
  async discard(sealed: SealedScan): Promise<void> {
    await rm(sealed.temp, { force: true });
  }

  async put(content: Uint8Array): Promise<StoredScan> {
    const sealed = await this.seal(content);
    await this.place(sealed);
    return { name: sealed.name, sha256: sealed.sha256, size: sealed.size };
  }

  /** The content, once its tag and its name both check out; ScanIntegrityError otherwise. */
  async get(name: string): Promise<Buffer> {
    const file = await readFile(this.pathOf(name));
    if (file.length < HEADER_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new ScanIntegrityError(name);
    }
    let content: Buffer;
    try {
      // WebCrypto takes the ciphertext with its tag at the end: the file's own layout.
      content = Buffer.from(
        await subtle.decrypt(
          { name: 'AES-GCM', iv: file.subarray(MAGIC.length, HEADER_BYTES), additionalData: file.subarray(0, HEADER_BYTES), tagLength: TAG_BYTES * 8 },
          await this.aesKey(),
          file.subarray(HEADER_BYTES),
        ),
      );
    } catch {
      throw new ScanIntegrityError(name);
    }
    if (this.nameOf(new Uint8Array(await subtle.digest('SHA-256', content))) !== name) throw new ScanIntegrityError(name);
    return content;
  }

  async remove(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  /**
   * Clears what a crash left half-written, once: at start (the workstation calls it) or before
   * the first scan is stored, whichever comes first. Resolves to how many files were removed.
   */
  sweepPartials(): Promise<number> {
    this.swept ??= this.removePartials();
    return this.swept;
  }

  /** The names of the scan files in the vault (two levels: `ab/ab12…`); [] before the first scan. */
  async storedNames(): Promise<string[]> {
    const out: string[] = [];
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return out;
    }
    for (const shard of shards.filter((n) => /^[0-9a-f]{2}$/.test(n))) {
      const names = await readdir(join(this.dir, shard)).catch(() => [] as string[]);
      out.push(...names.filter((n) => isScanName(n) && n.startsWith(shard)));
    }
    return out;
  }

  /** Temporary files a crash left behind (they never carry a scan's name). */
  async removePartials(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    const partials = names.filter((n) => n.endsWith('.part'));
    await Promise.all(partials.map((n) => rm(join(this.dir, n), { force: true })));
    return partials.length;
  }
}
