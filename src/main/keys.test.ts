import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MASTER_KEY_FILE, MasterKeyError, RESTORED_KEY_FILE, encodeRestoredKey, loadOrCreateMasterKey, unwrapMasterKey, wrapMasterKey, type KeyWrapper } from './keys';
import { gcmWrapper } from './testFakes';


/** Unauthenticated, like safeStorage's AES-CBC on Linux and macOS: a changed byte gives garbage. */
function cbcWrapper(secret: Buffer): KeyWrapper {
  const iv = Buffer.alloc(16, 0x20);
  return {
    async wrap(plain) {
      const cipher = createCipheriv('aes-256-cbc', secret, iv);
      return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    },
    async unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-cbc', secret, iv);
      const plain = Buffer.concat([decipher.update(Buffer.from(wrapped)), decipher.final()]).toString('utf8');
      return { plain, stale: false };
    },
  };
}

function flipByte(base64: string, at: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

const KEY = new Uint8Array(randomBytes(32));

describe('wrap and unwrap', () => {
  for (const [name, make] of [['authenticated', gcmWrapper], ['unauthenticated', cbcWrapper]] as const) {
    describe(`with an ${name} wrapper`, () => {
      const wrapper = make(randomBytes(32));

      it('gives back the same 32 bytes', async () => {
        const { key, stale } = await unwrapMasterKey(await wrapMasterKey(KEY, wrapper), wrapper);
        expect(Buffer.from(key).equals(Buffer.from(KEY))).toBe(true);
        expect(stale).toBe(false);
      });

      it('refuses a tampered wrapped key, whichever byte changed', async () => {
        const stored = await wrapMasterKey(KEY, wrapper);
        const length = Buffer.from(stored, 'base64').length;
        for (let at = 0; at < length; at++) {
          await expect(unwrapMasterKey(flipByte(stored, at), wrapper), `byte ${at}`).rejects.toBeInstanceOf(MasterKeyError);
        }
      });

      it('refuses a key wrapped by another account', async () => {
        const stored = await wrapMasterKey(KEY, make(randomBytes(32)));
        await expect(unwrapMasterKey(stored, wrapper)).rejects.toMatchObject({ reason: 'unreadable' });
      });
    });
  }

  it('refuses a file that is not base64, or empty', async () => {
    const wrapper = gcmWrapper(randomBytes(32));
    await expect(unwrapMasterKey('not base64 at all!', wrapper)).rejects.toBeInstanceOf(MasterKeyError);
    await expect(unwrapMasterKey('', wrapper)).rejects.toBeInstanceOf(MasterKeyError);
  });

  it('refuses well-formed plaintext that is not a 32-byte key with its digest', async () => {
    const passThrough: KeyWrapper = {
      wrap: async (plain) => Buffer.from(plain),
      unwrap: async (wrapped) => ({ plain: Buffer.from(wrapped).toString(), stale: false }),
    };
    const good = Buffer.from(await wrapMasterKey(KEY, passThrough), 'base64').toString();
    const [format, encoded, digest] = good.split(':') as [string, string, string];
    const short = Buffer.from(KEY.subarray(0, 16)).toString('base64');
    for (const plain of [
      `${format}:${short}:${digest}`,
      `azho-master-key-v0:${encoded}:${digest}`,
      `${format}:${encoded}:AAAAAAAAAAAAAAAAAAAAAA`,
      `${format}:${encoded}`,
      `${good}:extra`,
      Buffer.from(KEY).toString('base64'),
    ]) {
      await expect(unwrapMasterKey(Buffer.from(plain).toString('base64'), passThrough), plain).rejects.toBeInstanceOf(MasterKeyError);
    }
  });
});

describe('loadOrCreateMasterKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'azho-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the key on first run, owner-only, and returns the same key afterwards', async () => {
    const wrapper = gcmWrapper(randomBytes(32));
    const dataDir = join(dir, 'data');

    const first = await loadOrCreateMasterKey(dataDir, wrapper, () => KEY);
    const second = await loadOrCreateMasterKey(dataDir, wrapper, () => {
      throw new Error('a second key must not be generated');
    });

    expect(first).toHaveLength(32);
    expect(Buffer.from(second).equals(Buffer.from(KEY))).toBe(true);
    const file = join(dataDir, MASTER_KEY_FILE);
    expect(await readFile(file, 'utf8')).not.toContain(Buffer.from(KEY).toString('base64'));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('generates a fresh random key per data folder', async () => {
    const wrapper = gcmWrapper(randomBytes(32));
    const a = await loadOrCreateMasterKey(join(dir, 'a'), wrapper);
    const b = await loadOrCreateMasterKey(join(dir, 'b'), wrapper);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses to start over a damaged key file and leaves it as it was', async () => {
    const wrapper = cbcWrapper(randomBytes(32));
    await loadOrCreateMasterKey(dir, wrapper);
    const file = join(dir, MASTER_KEY_FILE);
    const damaged = flipByte(await readFile(file, 'utf8'), 20);
    await writeFile(file, damaged);

    await expect(loadOrCreateMasterKey(dir, wrapper)).rejects.toMatchObject({ reason: 'unreadable' });
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('wraps the key again when the OS key store says it rotated', async () => {
    const oldSecret = randomBytes(32);
    const newSecret = randomBytes(32);
    await loadOrCreateMasterKey(dir, gcmWrapper(oldSecret), () => KEY);

    const rotating: KeyWrapper = {
      wrap: gcmWrapper(newSecret).wrap,
      async unwrap(wrapped) {
        try {
          return await gcmWrapper(newSecret).unwrap(wrapped);
        } catch {
          return { ...(await gcmWrapper(oldSecret).unwrap(wrapped)), stale: true };
        }
      },
    };
    expect(Buffer.from(await loadOrCreateMasterKey(dir, rotating)).equals(Buffer.from(KEY))).toBe(true);
    const onlyNew = await loadOrCreateMasterKey(dir, gcmWrapper(newSecret));
    expect(Buffer.from(onlyNew).equals(Buffer.from(KEY))).toBe(true);
  });
});

describe('adopting a restored key (master.key.restored)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'azho-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const noNewKey = () => {
    throw new Error('a new key must not be generated');
  };

  it("wraps it with this account's key store in place of the old computer's file, then deletes it", async () => {
    // The backup brought the old computer's wrapped file, which this account cannot open.
    await writeFile(join(dir, MASTER_KEY_FILE), await wrapMasterKey(KEY, gcmWrapper(randomBytes(32))));
    await writeFile(join(dir, RESTORED_KEY_FILE), encodeRestoredKey(KEY), { mode: 0o600 });
    const here = gcmWrapper(randomBytes(32));

    const adopted = await loadOrCreateMasterKey(dir, here, noNewKey);
    expect(Buffer.from(adopted).equals(Buffer.from(KEY))).toBe(true);
    expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]);
    const file = join(dir, MASTER_KEY_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await unwrapMasterKey(await readFile(file, 'utf8'), here)).key).toEqual(KEY);
    expect(Buffer.from(await loadOrCreateMasterKey(dir, here, noNewKey)).equals(Buffer.from(KEY))).toBe(true);
  });

  it('adopts it into a folder with no wrapped key, and beside the same key this account opens', async () => {
    const here = cbcWrapper(randomBytes(32));
    await writeFile(join(dir, RESTORED_KEY_FILE), encodeRestoredKey(KEY));
    expect(await loadOrCreateMasterKey(dir, here, noNewKey)).toEqual(KEY);

    // Restored on the same computer: the backed-up master.key.safe opens and holds the same key.
    const wrapped = await readFile(join(dir, MASTER_KEY_FILE), 'utf8');
    await writeFile(join(dir, RESTORED_KEY_FILE), encodeRestoredKey(KEY));
    expect(await loadOrCreateMasterKey(dir, here, noNewKey)).toEqual(KEY);
    expect(await readdir(dir)).toEqual([MASTER_KEY_FILE]);
    expect(await readFile(join(dir, MASTER_KEY_FILE), 'utf8')).toBe(wrapped);
  });

  it('stops the start on a damaged restored file, leaving both files as they were', async () => {
    const here = gcmWrapper(randomBytes(32));
    const oldWrapped = await wrapMasterKey(KEY, gcmWrapper(randomBytes(32)));
    await writeFile(join(dir, MASTER_KEY_FILE), oldWrapped);
    const good = encodeRestoredKey(KEY);
    const encoded = good.split(':')[1]!;
    const changed = encoded[5] === 'A' ? 'B' : 'A';
    for (const damaged of [good.replace(encoded, encoded.slice(0, 5) + changed + encoded.slice(6)), good.slice(0, 30), '', Buffer.from(KEY).toString('base64')]) {
      await writeFile(join(dir, RESTORED_KEY_FILE), damaged);
      await expect(loadOrCreateMasterKey(dir, here, noNewKey), JSON.stringify(damaged)).rejects.toMatchObject({ name: 'MasterKeyError', reason: 'unreadable' });
      expect(await readFile(join(dir, RESTORED_KEY_FILE), 'utf8')).toBe(damaged);
      expect(await readFile(join(dir, MASTER_KEY_FILE), 'utf8')).toBe(oldWrapped);
    }
  });

  it("refuses a restored key beside a different key this account opens: a live folder's key is never replaced", async () => {
    const here = gcmWrapper(randomBytes(32));
    await loadOrCreateMasterKey(dir, here, () => KEY);
    const live = await readFile(join(dir, MASTER_KEY_FILE), 'utf8');
    await writeFile(join(dir, RESTORED_KEY_FILE), encodeRestoredKey(new Uint8Array(randomBytes(32))));
    await expect(loadOrCreateMasterKey(dir, here, noNewKey)).rejects.toBeInstanceOf(MasterKeyError);
    await expect(loadOrCreateMasterKey(dir, here, noNewKey)).rejects.toMatchObject({ reason: 'conflict' });
    expect(await readFile(join(dir, MASTER_KEY_FILE), 'utf8')).toBe(live);
  });

  it('keeps the plain file when the key store cannot give back what it wrapped', async () => {
    const broken: KeyWrapper = { wrap: async () => randomBytes(48), unwrap: async () => ({ plain: 'nothing', stale: false }) };
    await writeFile(join(dir, RESTORED_KEY_FILE), encodeRestoredKey(KEY));
    await expect(loadOrCreateMasterKey(dir, broken, noNewKey)).rejects.toBeInstanceOf(MasterKeyError);
    expect(await readdir(dir)).toEqual([RESTORED_KEY_FILE]);
  });
});
