/**
 * The audit chain's head, written outside the database. Whoever holds the audit key can rewrite
 * every row and re-HMAC the chain, or cut its tail and reseal the head inside the database; what
 * they cannot do without also reaching this file (and the copies written with each backup) is make
 * the chain agree with a head recorded earlier. Written atomically — a temporary file, flushed,
 * renamed — so a crash leaves the old anchor or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AuditAnchor } from '../../shared/schemas';

export const ANCHOR_FILE = 'audit-anchor.json';

export function anchorPath(dataDir: string): string {
  return join(dataDir, ANCHOR_FILE);
}

export function writeAnchor(path: string, anchor: AuditAnchor): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(anchor)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // The rename itself must survive a power cut; opening a directory for fsync fails on Windows.
  try {
    const dir = openSync(dirname(path), 'r');
    try { fsyncSync(dir); } finally { closeSync(dir); }
  } catch { /* the rename is still atomic; only its durability is left to the OS */ }
}

/** null when there is no anchor yet; an unreadable one is reported, never taken as "none". */
export function readAnchor(path: string): AuditAnchor | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const parsed = AuditAnchor.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
