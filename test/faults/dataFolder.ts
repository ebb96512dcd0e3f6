/** What is on disk in a data folder: every file's name and SHA-256, to show a start wrote nothing. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function folderFingerprint(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return Object.fromEntries(walk(dir).sort().map((f) => [f.slice(dir.length + 1), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}
