/**
 * Writes a small secret file (a wrapped or sealed key) whole or not at all, readable by its owner
 * only: temp file + fsync + rename, so a crash leaves the old file or the new one, never half.
 */
import { chmod, open, rename } from 'node:fs/promises';

export async function writeOwnerOnlyFile(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  // The mode given to open() is masked by the umask; the file must be the owner's only.
  if (process.platform !== 'win32') await chmod(file, 0o600);
}
