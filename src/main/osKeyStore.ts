/** safeStorage as the master key's wrapper, or null when the OS offers no real key store. */
import { safeStorage } from 'electron';
import type { KeyWrapper } from './keys';

/**
 * Uses the async API: the synchronous encryptString/decryptString are deprecated in Electron 45.
 * On Linux without a keyring safeStorage falls back to 'basic_text', a key hard-coded in
 * Chromium; that is plain text in all but name, so it counts as unavailable.
 */
export async function osKeyWrapper(): Promise<KeyWrapper | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    wrap: (plain) => safeStorage.encryptStringAsync(plain),
    async unwrap(wrapped) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(wrapped));
      return { plain: result, stale: shouldReEncrypt };
    },
  };
}
