import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tempDir';
import { ScanIntegrityError, ScanVault } from './scanVault';

let dir: ReturnType<typeof tempDir>;
let vault: ScanVault;
const key = randomBytes(32);
const nameKey = randomBytes(32);
beforeEach(() => {
  dir = tempDir();
  vault = new ScanVault(join(dir.path, 'scans'), key, nameKey);
});
afterEach(() => dir.remove());

const files = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(root, e.name)) : [join(root, e.name)]));

describe('the scan vault', () => {
  const passport = Buffer.from('%PDF-1.7\nЖеке куәлік: Сәрсенов Ерлан Қайратұлы, ЖСН 900101300007\n' + 'x'.repeat(5000));

  it('gives back exactly what was stored, and stores equal scans once', async () => {
    const stored = await vault.put(passport);
    expect(stored.size).toBe(passport.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await vault.get(stored.name)).equals(passport)).toBe(true);
    expect((await vault.put(passport)).name).toBe(stored.name);
    expect(files(join(dir.path, 'scans'))).toHaveLength(1);
  });

  it('keeps none of the plain bytes on disk, and names files by a keyed hash, not the content hash', async () => {
    const stored = await vault.put(passport);
    const [file] = files(join(dir.path, 'scans'));
    const bytes = readFileSync(file!);
    expect(bytes.includes(Buffer.from('900101300007'))).toBe(false);
    expect(bytes.includes(Buffer.from('Сәрсенов'))).toBe(false);
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
    expect(stored.name).not.toBe(stored.sha256);
  });

  it('refuses a file with any single bit flipped, wherever it is', async () => {
    const stored = await vault.put(passport);
    const [file] = files(join(dir.path, 'scans'));
    const original = readFileSync(file!);
    for (const at of [0, 5, 20, Math.floor(original.length / 2), original.length - 1]) {
      const damaged = Buffer.from(original);
      damaged[at] = damaged[at]! ^ 0x01;
      writeFileSync(file!, damaged);
      await expect(vault.get(stored.name)).rejects.toBeInstanceOf(ScanIntegrityError);
    }
  });

  it('refuses a file moved under another scan\'s name', async () => {
    const a = await vault.put(Buffer.from('scan A'));
    const b = await vault.put(Buffer.from('scan B'));
    const pathOf = (name: string) => join(dir.path, 'scans', name.slice(0, 2), name);
    writeFileSync(pathOf(b.name), readFileSync(pathOf(a.name)));
    await expect(vault.get(b.name)).rejects.toBeInstanceOf(ScanIntegrityError);
  });

  it('leaves no readable partial file when the process is killed mid-write', async () => {
    const root = join(dir.path, 'killed');
    // A child process writes large scans in a loop; it is killed while writing.
    const script = `
      import { ScanVault } from ${JSON.stringify(join(__dirname, 'scanVault.ts'))};
      const v = new ScanVault(${JSON.stringify(root)}, Buffer.alloc(32, 1), Buffer.alloc(32, 2));
      for (let i = 0; ; i++) await v.put(Buffer.alloc(8 * 1024 * 1024, i % 251));
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const reader = new ScanVault(root, Buffer.alloc(32, 1), Buffer.alloc(32, 2));
    const complete = files(root).filter((f) => !f.endsWith('.part'));
    expect(complete.length).toBeGreaterThan(0);
    for (const f of complete) {
      const name = f.split('/').pop()!;
      expect((await reader.get(name)).length).toBe(8 * 1024 * 1024);
    }
    // A .part file never carries a scan's name: nothing can ask for it.
    for (const f of files(root).filter((x) => x.endsWith('.part'))) expect(f.split('/').pop()).toMatch(/\.part$/);
  });

  it('clears what a crash left half-written before it stores the next scan', async () => {
    await vault.put(Buffer.from('first'));
    const partial = join(dir.path, 'scans', 'deadbeefdeadbeef.part');
    writeFileSync(partial, 'half a scan');
    const fresh = new ScanVault(join(dir.path, 'scans'), key, nameKey);
    await fresh.put(Buffer.from('second'));
    expect(files(join(dir.path, 'scans')).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files(join(dir.path, 'scans'))).toHaveLength(2);
  });
});
