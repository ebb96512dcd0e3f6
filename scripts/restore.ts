/**
 * The restore drill: `npm run restore -- --from <backup folder> --data-dir <new, empty folder>`,
 * with the workstation stopped. The master key is the one the backed-up workstation used, given
 * one way of three:
 * - AZHO_RECOVERY_PASSPHRASE: the recovery passphrase set in Settings → Backups, which opens the
 *   `master.key.recovery` the backup carries. The way for the desktop app's backups: its own key
 *   file (`master.key.safe`) opens only under the old computer's account, never here;
 * - the web host's key file (`--key-file` or AZHO_KEY_FILE — kept apart from the backups on purpose);
 * - the web host's passphrase (AZHO_PASSPHRASE, with the salt the backup carries).
 * Whichever it is, the backup's sealed manifest proves it is the right key before anything is copied.
 *
 * `--for desktop|web` names the app that will start on the restored folder:
 * - desktop (the default with AZHO_RECOVERY_PASSPHRASE): the key is left in the folder as
 *   `master.key.restored`, which the desktop app wraps with this computer's key store and deletes
 *   at its first start (src/main/keys.ts);
 * - web (the default otherwise): with a key file or passphrase nothing more is written, the host
 *   starts with the same one; with the recovery passphrase the key is written as the folder's
 *   `host.key` (0600), where the web host looks by default.
 * Exit code 0 when restored, 1 with one line saying why when refused.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { restoreBackup } from '../src/core/backup/restore';
import { openRecovery, RECOVERY_FILE, RecoveryError } from '../src/core/backup/recoveryKey';
import { keyFromPassphrase, loadOrCreateKeyFile } from '../src/host/masterKey';
import { encodeRestoredKey, RESTORED_KEY_FILE } from '../src/main/keys';

type Target = 'desktop' | 'web';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
}

/** The key sealed in the backup's master.key.recovery, opened with the administrator's passphrase. */
async function keyFromRecovery(passphrase: string, from: string): Promise<Uint8Array> {
  let text: string;
  try {
    text = await readFile(join(from, RECOVERY_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the backup's ${RECOVERY_FILE} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    throw new Error(`the backup has no ${RECOVERY_FILE}: an administrator must set a recovery passphrase in Settings → Backups before backups can be restored on another computer (backups made before that cannot)`);
  }
  try {
    return await openRecovery(text, passphrase);
  } catch (err) {
    if (!(err instanceof RecoveryError)) throw err;
    if (err.reason === 'wrongPassphrase') throw new Error(`the recovery passphrase is wrong: AZHO_RECOVERY_PASSPHRASE does not open the backup's ${RECOVERY_FILE}`);
    throw new Error(`the backup's ${RECOVERY_FILE} is damaged or not a recovery file (${err.message})`);
  }
}

async function masterKey(argv: string[], from: string): Promise<{ key: Uint8Array; recovered: boolean }> {
  const recovery = process.env.AZHO_RECOVERY_PASSPHRASE;
  const passphrase = process.env.AZHO_PASSPHRASE;
  const keyFile = flag(argv, 'key-file') ?? process.env.AZHO_KEY_FILE;
  if (recovery) {
    if (passphrase || keyFile) throw new Error('give the master key one way: AZHO_RECOVERY_PASSPHRASE, or --key-file / AZHO_KEY_FILE, or AZHO_PASSPHRASE');
    return { key: await keyFromRecovery(recovery, from), recovered: true };
  }
  if (passphrase) {
    if (!existsSync(join(from, 'passphrase.salt'))) throw new Error('AZHO_PASSPHRASE is set but the backup has no passphrase.salt: give --key-file instead');
    return { key: keyFromPassphrase(passphrase, from), recovered: false };
  }
  if (!keyFile) throw new Error('give the master key: AZHO_RECOVERY_PASSPHRASE (the recovery passphrase), --key-file <host.key> (or AZHO_KEY_FILE), or AZHO_PASSPHRASE');
  // Never create a key here: a new key would open nothing in the backup.
  if (!existsSync(keyFile)) throw new Error(`key file ${keyFile} does not exist`);
  return { key: loadOrCreateKeyFile(keyFile), recovered: false };
}

/** The app named by --for, refused when mistyped (before the slow scrypt); undefined when not given. */
function requestedApp(argv: string[]): Target | undefined {
  if (!argv.some((a) => a === '--for' || a.startsWith('--for='))) return undefined;
  const given = flag(argv, 'for');
  if (given !== 'desktop' && given !== 'web') throw new Error(`--for takes desktop or web, not ${given ?? 'nothing'}`);
  return given;
}

/** What the app starting on the folder needs besides the backup itself (see the top of this file). */
function keyFileFor(app: Target, key: Uint8Array, recovered: boolean): { name: string; text: string } | undefined {
  if (app === 'desktop') return { name: RESTORED_KEY_FILE, text: encodeRestoredKey(key) };
  // The web host's own key file format (src/host/masterKey.ts): the key in base64 on one line.
  if (recovered) return { name: 'host.key', text: `${Buffer.from(key).toString('base64')}\n` };
  return undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const from = flag(argv, 'from');
  const dataDir = flag(argv, 'data-dir');
  if (!from || !dataDir) {
    throw new Error('usage: npm run restore -- --from <backup folder> --data-dir <new data folder> [--key-file <host.key>] [--for desktop|web]');
  }
  const requested = requestedApp(argv);
  const { key, recovered } = await masterKey(argv, from);
  const app = requested ?? (recovered ? 'desktop' : 'web');
  const keyFile = keyFileFor(app, key, recovered);
  const summary = await restoreBackup({ from, dataDir, masterKey: key, keyFile });
  const next =
    app === 'desktop'
      ? `; ${RESTORED_KEY_FILE} written: start the desktop app on this folder and it takes the key into this computer's key store`
      : keyFile
        ? `; host.key written (owner-only): start the web host on this folder, or move the key apart and give --key-file`
        : '';
  process.stdout.write(
    `restored ${summary.files} files (${summary.bytes} bytes) made ${summary.createdAt}, schema ${summary.schemaVersion}, ` +
      `audit head ${summary.auditHead ? `#${summary.auditHead.id} ${summary.auditHead.hash}` : 'none'} into ${dataDir}${next}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`restore: ${(err as Error).message}\n`);
  process.exit(1);
});
