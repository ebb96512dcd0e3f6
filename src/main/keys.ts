/**
 * The 32-byte master key that encrypts personal data at rest. It is created once per data
 * folder and kept only wrapped by the operating system's key store (Electron safeStorage), so a
 * copied data folder is useless on another machine or account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

export const MASTER_KEY_FILE = 'master.key.safe';
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
    readonly reason: 'unreadable' | 'io',
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

export async function wrapMasterKey(key: Uint8Array, wrapper: KeyWrapper): Promise<string> {
  const plain = `${FORMAT}:${Buffer.from(key).toString('base64')}:${digestOf(key)}`;
  return Buffer.from(await wrapper.wrap(plain)).toString('base64');
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

/** Temp file + fsync + rename: a crash leaves the old key file or the new one, never half of one. */
async function writeKeyFile(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  // The mode given to open() is masked by the umask; the key file must be the owner's only.
  if (process.platform !== 'win32') await chmod(file, 0o600);
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
  const file = join(dataDir, MASTER_KEY_FILE);
  const stored = await readKeyFile(file);
  if (stored === null) {
    const key = new Uint8Array(random(KEY_BYTES));
    await writeKeyFile(file, await wrapMasterKey(key, wrapper));
    return key;
  }
  const { key, stale } = await unwrapMasterKey(stored, wrapper);
  if (stale) await writeKeyFile(file, await wrapMasterKey(key, wrapper));
  return key;
}
