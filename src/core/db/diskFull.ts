/**
 * A full disk, from whichever layer noticed it: the file system (a scan's write: ENOSPC, or a
 * quota: EDQUOT) or SQLite (SQLITE_FULL, its transaction already rolled back). Either way nothing
 * of the action was kept, so the caller is told DISK_FULL — something an administrator can fix —
 * rather than INTERNAL.
 */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
