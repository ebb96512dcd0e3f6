/**
 * The 32-byte master key that encrypts personal data at rest. It is created once per data
 * folder and kept only wrapped by the operating system's key store (Electron safeStorage), so a
 * copied data folder is useless on another machine or account.
 *
 * A backup restored for this app (`npm run restore -- --for desktop`) brings the key in plain as
 * `master.key.restored`; the first start wraps it with this account's key store and deletes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOwnerOnlyFile } from '../core/ownerOnlyFile';

export const MASTER_KEY_FILE = 'master.key.safe';
export const RESTORED_KEY_FILE = 'master.key.restored';
const KEY_BYTES = 32;
const FORMAT = 'azho-master-key-v1';

/** What wraps the key: safeStorage in the app, any symmetric cipher in tests. */
export interface KeyWrapper {
  wrap(plain: string): Promise<Uint8Array>;
  /** `stale`: the OS rotated its key; the same master key should be wrapped again. */
  unwrap(wrapped: Uint8Array): Promise<{ plain: string; stale: boolean }>;
}

export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
  constructor(
    /** `conflict`: a restored key beside a different key this account opens (see adoptRestoredKey). */
    readonly reason: 'unreadable' | 'io' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

// safeStorage is AES-CBC without a MAC on Linux and macOS, so a damaged file can decrypt to
// garbage instead of failing; the digest makes any change detectable before the key is used.
function digestOf(key: Uint8Array): string {
  return createHash('sha256').update(FORMAT).update(key).digest('base64url').slice(0, 22);
}

/** The key with its format and digest: what the OS key store wraps, and what a restored key file holds. */
function encodePlain(key: Uint8Array): string {
  return `${FORMAT}:${Buffer.from(key).toString('base64')}:${digestOf(key)}`;
}

export async function wrapMasterKey(key: Uint8Array, wrapper: KeyWrapper): Promise<string> {
  return Buffer.from(await wrapper.wrap(encodePlain(key))).toString('base64');
}

/**
 * The text of `master.key.restored`. Not the web host's bare base64 (host.key): with the digest a
 * damaged file is refused, where a bare key with one character changed would still be 32 bytes —
 * a wrong key, wrapped in place of the right one and found out only when the database refuses it.
 */
export function encodeRestoredKey(key: Uint8Array): string {
  if (key.byteLength !== KEY_BYTES) throw new Error('the master key must be 32 bytes');
  return `${encodePlain(key)}\n`;
}

function decodePlain(plain: string): Uint8Array | null {
  const [format, encodedKey, digest, ...rest] = plain.split(':');
  if (format !== FORMAT || encodedKey === undefined || digest === undefined || rest.length > 0) return null;
  const key = Buffer.from(encodedKey, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== encodedKey) return null;
  if (digestOf(key) !== digest) return null;
  return new Uint8Array(key);
}

/** Throws MasterKeyError('unreadable') for anything but an intact key wrapped on this machine. */
export async function unwrapMasterKey(
  stored: string,
  wrapper: KeyWrapper,
): Promise<{ key: Uint8Array; stale: boolean }> {
  const text = stored.trim();
  const wrapped = Buffer.from(text, 'base64');
  if (wrapped.length === 0 || wrapped.toString('base64') !== text) {
    throw new MasterKeyError('unreadable', 'the key file is not base64');
  }
  let unwrapped: { plain: string; stale: boolean };
  try {
    unwrapped = await wrapper.unwrap(wrapped);
  } catch {
    throw new MasterKeyError('unreadable', 'the key file cannot be unwrapped by this account');
  }
  const key = decodePlain(unwrapped.plain);
  if (!key) throw new MasterKeyError('unreadable', 'the key file is damaged');
  return { key, stale: unwrapped.stale };
}

async function readKeyFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MasterKeyError('io', `the key file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Never replaces a key file it cannot read: a new key would silently orphan every encrypted
 * record and scan, so an unreadable key stops the start instead.
 */
export async function loadOrCreateMasterKey(
  dataDir: string,
  wrapper: KeyWrapper,
  random: (size: number) => Uint8Array = randomBytes,
): Promise<Uint8Array> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const restored = await adoptRestoredKey(dataDir, wrapper);
  if (restored) return restored;
  const file = join(dataDir, MASTER_KEY_FILE);
  const stored = await readKeyFile(file);
  if (stored === null) {
    const key = new Uint8Array(random(KEY_BYTES));
    await writeOwnerOnlyFile(file, await wrapMasterKey(key, wrapper));
    return key;
  }
  const { key, stale } = await unwrapMasterKey(stored, wrapper);
  if (stale) await writeOwnerOnlyFile(file, await wrapMasterKey(key, wrapper));
  return key;
}

/**
 * Takes in the key a restore left in plain (`master.key.restored`): wraps it with this account's
 * key store into `master.key.safe` — replacing the wrapped file the backup brought from the old
 * computer, which this account cannot open — and only then deletes the plain file. A crash in
 * between leaves the plain file, and the next start adopts it again. Null when there is none.
 */
async function adoptRestoredKey(dataDir: string, wrapper: KeyWrapper): Promise<Uint8Array | null> {
  const restoredFile = join(dataDir, RESTORED_KEY_FILE);
  const text = await readKeyFile(restoredFile);
  if (text === null) return null;
  // Never a new key in place of a damaged restored one: the restored data would open with neither.
  const key = decodePlain(text.trim());
  if (!key) throw new MasterKeyError('unreadable', `${RESTORED_KEY_FILE} is damaged: run the restore again into a new folder`);

  const file = join(dataDir, MASTER_KEY_FILE);
  const stored = await readKeyFile(file);
  const current = stored === null ? null : await unwrapMasterKey(stored, wrapper).catch(() => null);
  if (current && !Buffer.from(current.key).equals(Buffer.from(key))) {
    // A key this account opens, and another beside it: the restored file was put into a live
    // folder by mistake. Replacing the live key would orphan its data; a person must look.
    throw new MasterKeyError('conflict', `${RESTORED_KEY_FILE} holds another key than this folder's ${MASTER_KEY_FILE}: restore into a new, empty folder`);
  }
  if (!current || current.stale) {
    const wrapped = await wrapMasterKey(key, wrapper);
    // The plain file is deleted next: first prove this account can open what it wrapped.
    const check = await unwrapMasterKey(wrapped, wrapper);
    if (!Buffer.from(check.key).equals(Buffer.from(key))) throw new MasterKeyError('unreadable', 'the OS key store does not give back the key it wrapped');
    await writeOwnerOnlyFile(file, wrapped);
  }
  try {
    await rm(restoredFile);
  } catch (error) {
    throw new MasterKeyError('io', `${RESTORED_KEY_FILE} cannot be deleted (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return key;
}
