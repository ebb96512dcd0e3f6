/**
 * The restore drill: `npm run restore -- --from <backup folder> --data-dir <new, empty folder>`,
 * with the workstation stopped. The master key is the one the backed-up workstation used: the
 * web host's key file (`--key-file` or AZHO_KEY_FILE — kept apart from the backups on purpose) or
 * its passphrase (AZHO_PASSPHRASE, with the salt the backup carries). Exit code 0 when restored,
 * 1 with one line saying why when refused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { restoreBackup } from '../src/core/backup/restore';
import { keyFromPassphrase, loadOrCreateKeyFile } from '../src/host/masterKey';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
}

function masterKey(argv: string[], from: string): Buffer {
  const passphrase = process.env.AZHO_PASSPHRASE;
  if (passphrase) {
    if (!existsSync(join(from, 'passphrase.salt'))) throw new Error('AZHO_PASSPHRASE is set but the backup has no passphrase.salt: give --key-file instead');
    return keyFromPassphrase(passphrase, from);
  }
  const keyFile = flag(argv, 'key-file') ?? process.env.AZHO_KEY_FILE;
  if (!keyFile) throw new Error('give the master key: --key-file <host.key> (or AZHO_KEY_FILE), or AZHO_PASSPHRASE');
  // Never create a key here: a new key would open nothing in the backup.
  if (!existsSync(keyFile)) throw new Error(`key file ${keyFile} does not exist`);
  return loadOrCreateKeyFile(keyFile);
}

async function main() {
  const argv = process.argv.slice(2);
  const from = flag(argv, 'from');
  const dataDir = flag(argv, 'data-dir');
  if (!from || !dataDir) throw new Error('usage: npm run restore -- --from <backup folder> --data-dir <new data folder> [--key-file <host.key>]');
  const summary = await restoreBackup({ from, dataDir, masterKey: masterKey(argv, from) });
  process.stdout.write(
    `restored ${summary.files} files (${summary.bytes} bytes) made ${summary.createdAt}, schema ${summary.schemaVersion}, ` +
      `audit head ${summary.auditHead ? `#${summary.auditHead.id} ${summary.auditHead.hash}` : 'none'} into ${dataDir}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`restore: ${(err as Error).message}\n`);
  process.exit(1);
});
