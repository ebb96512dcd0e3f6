import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecovery, recoverySetAt, RECOVERY_FILE, RecoveryError, sealRecovery, writeRecoveryFile } from './recoveryKey';

const KEY = new Uint8Array(randomBytes(32));
const PASSPHRASE = 'Көктемгі ойын, 2026 ақпан'; // й decomposes in NFD
const NOW = () => '2026-01-15T09:00:00.000Z';

describe('the recovery file', () => {
  let sealed: string;
  beforeEach(async () => {
    sealed ??= await sealRecovery(KEY, PASSPHRASE, NOW);
  });

  it('opens with the passphrase to the same 32 bytes, and is dated by the clock given', async () => {
    const key = await openRecovery(sealed, PASSPHRASE);
    expect(Buffer.from(key).equals(Buffer.from(KEY))).toBe(true);
    expect(JSON.parse(sealed)).toMatchObject({ format: 'azho-recovery-v1', createdAt: NOW(), kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } });
  });

  it('opens with the passphrase typed in another Unicode form (NFKC)', async () => {
    const decomposed = PASSPHRASE.normalize('NFD');
    expect(decomposed).not.toBe(PASSPHRASE);
    expect(Buffer.from(await openRecovery(sealed, decomposed)).equals(Buffer.from(KEY))).toBe(true);
  });

  it('refuses a wrong passphrase', async () => {
    await expect(openRecovery(sealed, `${PASSPHRASE}.`)).rejects.toMatchObject({ name: 'RecoveryError', reason: 'wrongPassphrase' });
  });

  it('refuses a file with one byte of the sealed key, its tag or its iv changed', async () => {
    for (const field of ['sealed', 'tag', 'iv'] as const) {
      const file = JSON.parse(sealed) as Record<string, string>;
      const bytes = Buffer.from(file[field]!, 'base64');
      bytes[3]! ^= 0x01;
      file[field] = bytes.toString('base64');
      await expect(openRecovery(JSON.stringify(file), PASSPHRASE), field).rejects.toMatchObject({ reason: 'wrongPassphrase' });
    }
  });

  it('calls anything but a recovery file unreadable, without running scrypt on its say-so', async () => {
    const file = JSON.parse(sealed) as { kdf: { N: number; r: number } };
    for (const text of [
      'not json {',
      '{}',
      JSON.stringify({ ...file, format: 'azho-recovery-v0' }),
      JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 24 } }),
      JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 20, r: 16 } }),
      JSON.stringify({ ...file, sealed: Buffer.alloc(16).toString('base64') }),
    ]) {
      const error = await openRecovery(text, PASSPHRASE).catch((e: unknown) => e);
      expect(error, text.slice(0, 60)).toBeInstanceOf(RecoveryError);
      expect(error, text.slice(0, 60)).toMatchObject({ reason: 'unreadable' });
    }
  });

  it('never holds the passphrase or the key in clear', () => {
    expect(sealed).not.toContain(PASSPHRASE);
    expect(sealed).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
    expect(sealed).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(Buffer.from(sealed).includes(Buffer.from(KEY))).toBe(false);
  });

  it('uses a fresh salt and iv each time', async () => {
    const again = JSON.parse(await sealRecovery(KEY, PASSPHRASE, NOW)) as { kdf: { salt: string }; iv: string };
    const first = JSON.parse(sealed) as typeof again;
    expect(again.kdf.salt).not.toBe(first.kdf.salt);
    expect(again.iv).not.toBe(first.iv);
  });
});

describe('writeRecoveryFile and recoverySetAt', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'azho-recovery-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes an owner-only file, replaces it when set again, and reports its date', async () => {
    expect(await recoverySetAt(dir)).toBeNull();
    expect(await writeRecoveryFile(dir, KEY, PASSPHRASE, NOW)).toBe(NOW());
    expect(await recoverySetAt(dir)).toBe(NOW());
    const file = join(dir, RECOVERY_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    const later = () => '2026-02-01T10:30:00.000Z';
    expect(await writeRecoveryFile(dir, KEY, 'another passphrase', later)).toBe(later());
    expect(await recoverySetAt(dir)).toBe(later());
    expect(await readdir(dir)).toEqual([RECOVERY_FILE]);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('another passphrase');
    await expect(openRecovery(text, PASSPHRASE)).rejects.toMatchObject({ reason: 'wrongPassphrase' });
    expect(Buffer.from(await openRecovery(text, 'another passphrase')).equals(Buffer.from(KEY))).toBe(true);
  });

  it('reports no date for a file it cannot read', async () => {
    await writeFile(join(dir, RECOVERY_FILE), 'garbage');
    expect(await recoverySetAt(dir)).toBeNull();
  });
});
