/**
 * The direction of imports (DESIGN.md): renderer → shared ← core ← main/host. Checked on the
 * source text of every file, so a new file cannot slip past a list kept by hand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Every module a file imports, as written ('electron', 'node:fs', '../core/x'). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

/** The layer (first folder under src) a relative import lands in. */
function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = relative(SRC, resolve(dirname(file), spec));
  return target.startsWith('..') ? 'outside' : target.split(/[\\/]/)[0]!;
}

const ALLOWED: Record<string, string[]> = {
  shared: ['shared'],
  core: ['core', 'shared'],
  // The hosts start the simulator of the state systems for training (its launcher only).
  main: ['main', 'core', 'shared', 'simulator'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  host: ['host', 'core', 'shared', 'simulator'],
  simulator: ['simulator', 'shared'],
  // The branch server shares only the contract with the workstations, never the core's internals.
  branch: ['branch', 'shared'],
};
const NODE_ONLY = /^(node:|better-sqlite3$|electron$|fs$|path$|child_process$|worker_threads$)/;

describe('layers', () => {
  const files = sources(SRC).filter((f) => !/\.test\.tsx?$/.test(f));

  it('finds the layers it guards', () => {
    for (const layer of ['shared', 'core', 'main', 'preload', 'host', 'branch']) {
      expect(files.some((f) => relative(SRC, f).startsWith(layer))).toBe(true);
    }
  });

  it('imports only in the allowed direction', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = relative(SRC, file).split(/[\\/]/)[0]!;
      for (const spec of importsOf(file)) {
        const target = layerOf(file, spec);
        if (target && !ALLOWED[layer]?.includes(target)) wrong.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps electron out of the core, the shared contract and the host', () => {
    const wrong = files
      .filter((f) => /^(core|shared|host|simulator|branch)[\\/]/.test(relative(SRC, f)))
      .filter((f) => importsOf(f).includes('electron'))
      .map((f) => relative(ROOT, f));
    expect(wrong).toEqual([]);
  });

  it('keeps Node, SQLite and Electron out of the renderer and the shared contract', () => {
    const wrong = files
      .filter((f) => /^(renderer|shared)[\\/]/.test(relative(SRC, f)))
      .flatMap((f) => importsOf(f).filter((s) => NODE_ONLY.test(s)).map((s) => `${relative(ROOT, f)} → ${s}`));
    expect(wrong).toEqual([]);
  });

  it('would catch a core file importing electron (the check itself can fail)', () => {
    const fake = join(SRC, 'core', 'x.ts');
    expect(layerOf(fake, '../main/index')).toBe('main');
    expect(ALLOWED.core).not.toContain('main');
    expect(importsOf(join(ROOT, 'src/main/index.ts'))).toContain('electron');
  });
});
