/**
 * The master key sealed with a recovery passphrase only the administrator knows, kept in the data
 * folder as `master.key.recovery` so every backup carries it. The desktop app's own copy of the key
 * (`master.key.safe`) is wrapped by this computer's OS key store: after a dead PC nobody can open
 * it, and the restore (plain Node) cannot open it even on the same PC. With this file and the
 * passphrase, `npm run restore` gets the key back anywhere.
 *
 * The passphrase is stretched with scrypt (N=2^17, r=8, p=1: 128 MB and a few hundred ms per try,
 * so guessing it from a stolen backup is slow) and the key sealed with AES-256-GCM. Only the
 * asynchronous scrypt is used: the core's thread keeps answering calls while it runs.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoTime } from '../../shared/schemas';
import { writeOwnerOnlyFile } from '../ownerOnlyFile';

export const RECOVERY_FILE = 'master.key.recovery';
export const RECOVERY_FORMAT = 'azho-recovery-v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
/** What a new file is sealed with; an older file is opened with the parameters it names. */
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes; a (tampered) file asking for more than this is unreadable, not obeyed. */
const MAX_KDF_MEMORY = 256 * 1024 * 1024;

const base64 = (bytes: number) =>
  z.string().refine((s) => {
    const b = Buffer.from(s, 'base64');
    return b.length === bytes && b.toString('base64') === s;
  });

const RecoveryFile = z.strictObject({
  format: z.literal(RECOVERY_FORMAT),
  createdAt: IsoTime,
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: base64(SALT_BYTES),
  }).refine((k) => 128 * k.N * k.r <= MAX_KDF_MEMORY, 'too much memory'),
  iv: base64(IV_BYTES),
  tag: base64(TAG_BYTES),
  sealed: base64(KEY_BYTES),
});
type RecoveryFile = z.infer<typeof RecoveryFile>;

export class RecoveryError extends Error {
  override readonly name = 'RecoveryError';
  constructor(
    /**
     * `wrongPassphrase`: the file is well formed but does not open with this passphrase. GCM
     * cannot tell a wrong passphrase from a changed byte of the sealed key; the first is by far
     * the likelier, so that is what a person is told.
     */
    readonly reason: 'unreadable' | 'wrongPassphrase',
    message: string,
  ) {
    super(message);
  }
}

/** The same passphrase typed on another keyboard layout or OS must give the same key (as src/host/masterKey.ts). */
function stretch(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  // Twice what scrypt itself needs (128·N·r), for OpenSSL's own bookkeeping.
  const options: ScryptOptions = { ...kdf, maxmem: 2 * 128 * kdf.N * kdf.r };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The text of a recovery file; `now` is the core's clock (ISO time), so the date is testable. */
export async function sealRecovery(masterKey: Uint8Array, passphrase: string, now: () => string): Promise<string> {
  if (masterKey.byteLength !== KEY_BYTES) throw new Error('the master key must be 32 bytes');
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await stretch(passphrase, salt, KDF), iv);
  // The format as associated data: the sealed bytes cannot be passed off as another kind of file.
  cipher.setAAD(Buffer.from(RECOVERY_FORMAT));
  const sealed = Buffer.concat([cipher.update(masterKey), cipher.final()]);
  const file: RecoveryFile = {
    format: RECOVERY_FORMAT,
    createdAt: now(),
    kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function parse(text: string): RecoveryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RecoveryError('unreadable', `${RECOVERY_FILE} is not JSON`);
  }
  const result = RecoveryFile.safeParse(json);
  if (!result.success) throw new RecoveryError('unreadable', `${RECOVERY_FILE} is not a recovery file this version can read`);
  return result.data;
}

export async function openRecovery(text: string, passphrase: string): Promise<Uint8Array> {
  const file = parse(text);
  const key = await stretch(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64'));
  decipher.setAAD(Buffer.from(RECOVERY_FORMAT));
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(file.sealed, 'base64')), decipher.final()]));
  } catch {
    throw new RecoveryError('wrongPassphrase', `the recovery passphrase does not open ${RECOVERY_FILE}`);
  }
}

/**
 * Seals the key and puts the file in the data folder: temp file + fsync + rename (as the desktop
 * key file, src/main/keys.ts), so a crash leaves the old file or the new one, never half of one.
 * Returns the new file's createdAt.
 */
export async function writeRecoveryFile(dataDir: string, masterKey: Uint8Array, passphrase: string, now: () => string): Promise<string> {
  const text = await sealRecovery(masterKey, passphrase, now);
  await writeOwnerOnlyFile(join(dataDir, RECOVERY_FILE), text);
  return parse(text).createdAt;
}

/** When the recovery passphrase was set; null when there is no file or it cannot be read. */
export async function recoverySetAt(dataDir: string): Promise<string | null> {
  try {
    return parse(await readFile(join(dataDir, RECOVERY_FILE), 'utf8')).createdAt;
  } catch {
    return null;
  }
}
