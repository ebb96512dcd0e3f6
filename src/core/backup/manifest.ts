/**
 * A backup's manifest: every file with its SHA-256 and size, the schema version, the audit head
 * the backup carries and when it was made — sealed with an HMAC under a key derived from the
 * workstation's master key ('backup-manifest'). Anyone can edit a JSON file and recompute
 * SHA-256s; only the holder of the master key can reseal the list, so a backup cannot be changed
 * (a scan's byte, a row of the database, the manifest itself) without verification noticing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AuditAnchor, IsoTime } from '../../shared/schemas';
import type { BackupProblem, BackupSummary, BackupVerdict } from '../../shared/backup';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'azho-backup/1';

const ManifestBody = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: IsoTime,
  schemaVersion: z.number().int(),
  training: z.boolean(),
  auditHead: AuditAnchor.nullable(),
  /** Paths relative to the backup folder, '/'-separated, in a fixed (sorted) order. */
  files: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) })),
});
export type ManifestBody = z.infer<typeof ManifestBody>;
const SealedManifest = ManifestBody.extend({ seal: z.string().regex(/^[0-9a-f]{64}$/) });

/** The seal covers the body exactly as serialised, fields in the schema's order. */
function sealOf(body: ManifestBody, key: Buffer): string {
  const canonical = JSON.stringify([body.format, body.createdAt, body.schemaVersion, body.training, body.auditHead, body.files.map((f) => [f.path, f.sha256, f.size])]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export function sealManifest(body: ManifestBody, key: Buffer): string {
  return `${JSON.stringify({ ...body, seal: sealOf(body, key) }, null, 2)}\n`;
}

export function summaryOf(body: ManifestBody): BackupSummary {
  return {
    createdAt: body.createdAt,
    schemaVersion: body.schemaVersion,
    files: body.files.length,
    bytes: body.files.reduce((n, f) => n + f.size, 0),
    auditHead: body.auditHead,
  };
}

/** SHA-256 and size of a file, streamed: a database of gigabytes is never held in memory. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const refused = (problem: BackupProblem, file: string | null = null): BackupVerdict => ({ ok: false, problem, file, summary: null });

/**
 * Reads and checks the manifest's seal, then every file it lists; `present` is every file found
 * in the folder (relative paths), so a file slipped in beside the listed ones is caught too.
 */
export async function verifyFolder(folder: string, key: Buffer, present: string[]): Promise<BackupVerdict & { body?: ManifestBody }> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch (err) {
    return refused((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'manifestMissing' : 'manifestUnreadable', MANIFEST_FILE);
  }
  let parsed: z.infer<typeof SealedManifest>;
  try {
    const result = SealedManifest.safeParse(JSON.parse(text));
    if (!result.success) return refused('manifestUnreadable', MANIFEST_FILE);
    parsed = result.data;
  } catch {
    return refused('manifestUnreadable', MANIFEST_FILE);
  }
  const { seal, ...body } = parsed;
  const expected = Buffer.from(sealOf(body, key), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(seal, 'hex'))) return refused('sealBroken', MANIFEST_FILE);
  const summary = summaryOf(body);
  const listed = new Set(body.files.map((f) => f.path));
  for (const f of body.files) {
    // The listed paths are sealed, but still only ever read inside the backup folder.
    if (f.path.split('/').some((part) => part === '..' || part === '')) return { ...refused('manifestUnreadable', f.path), summary };
    let actual: { sha256: string; size: number };
    try {
      actual = await hashFile(join(folder, ...f.path.split('/')));
    } catch {
      return { ok: false, problem: 'fileMissing', file: f.path, summary };
    }
    if (actual.size !== f.size || actual.sha256 !== f.sha256) return { ok: false, problem: 'fileChanged', file: f.path, summary };
  }
  const extra = present.find((p) => p !== MANIFEST_FILE && !listed.has(p));
  if (extra) return { ok: false, problem: 'fileUnexpected', file: extra, summary };
  return { ok: true, problem: null, file: null, summary, body };
}
