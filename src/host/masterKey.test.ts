import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/tempDir';
import { keyFromPassphrase, loadOrCreateKeyFile } from './masterKey';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('the web host master key', () => {
  it('creates a 0600 key file once and reads the same key back', () => {
    const path = join(dir.path, 'keys', 'host.key');
    const key = loadOrCreateKeyFile(path);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(path).equals(key)).toBe(true);
  });

  it('refuses a key file others can read, and one that holds no key', () => {
    const path = join(dir.path, 'host.key');
    loadOrCreateKeyFile(path);
    chmodSync(path, 0o644);
    expect(() => loadOrCreateKeyFile(path)).toThrow(/chmod 600/);
    writeFileSync(path, 'short', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect(() => loadOrCreateKeyFile(path)).toThrow(/32-byte/);
  });

  it('derives the same key from the same passphrase, another from another', () => {
    const a = keyFromPassphrase('тренинг құпия сөзі', dir.path);
    expect(keyFromPassphrase('тренинг құпия сөзі', dir.path).equals(a)).toBe(true);
    expect(keyFromPassphrase('another', dir.path).equals(a)).toBe(false);
    expect(readFileSync(join(dir.path, 'passphrase.salt'), 'utf8')).not.toContain('тренинг');
  });
});
